import type { Core } from '@strapi/strapi';

const register = (_ctx: { strapi: Core.Strapi }) => {};

export default register;
