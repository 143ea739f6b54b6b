import type { SeedEvent, SeedGroup, SeedPage } from '../types';
export * from './regions';
export * from './people';
export const groups: SeedGroup[] = [];
export const events: SeedEvent[] = [];
export const pages: SeedPage[] = [];
