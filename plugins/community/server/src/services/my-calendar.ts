import type { Core } from '@strapi/strapi';
import { createMyCalendar } from '../members/my-calendar';

export default ({ strapi }: { strapi: Core.Strapi }) => createMyCalendar(strapi);
