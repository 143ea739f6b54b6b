import type { Core } from '@strapi/strapi';
import { createAccount } from '../members/account';

export default ({ strapi }: { strapi: Core.Strapi }) => createAccount(strapi);
