import type { Core } from '@strapi/strapi';
import { createMemberships } from '../members/memberships';

export default ({ strapi }: { strapi: Core.Strapi }) => createMemberships(strapi);
