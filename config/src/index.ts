export * from './locales';
export * from './site';
export * from './countries';
export * from './http';
export * from './zoned-time';
