import type { Core } from '@strapi/strapi';
import { createSignInCodes } from '../members/sign-in-codes';

export default ({ strapi }: { strapi: Core.Strapi }) => createSignInCodes(strapi);
