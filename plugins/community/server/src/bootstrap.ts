import type { Core } from '@strapi/strapi';

const bootstrap = (_ctx: { strapi: Core.Strapi }) => {};

export default bootstrap;
