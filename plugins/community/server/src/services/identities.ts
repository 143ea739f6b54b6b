import type { Core } from '@strapi/strapi';
import { createIdentities } from '../members/identities';

export default ({ strapi }: { strapi: Core.Strapi }) => createIdentities(strapi);
