import type { Core } from '@strapi/strapi';
import { createSessions } from '../members/sessions';

export default ({ strapi }: { strapi: Core.Strapi }) => createSessions(strapi);
