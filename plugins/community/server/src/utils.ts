import type { Core } from '@strapi/strapi';
import type services from './services';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('community').service(name) as Services[K];
}
