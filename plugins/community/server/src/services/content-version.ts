import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const STORE = { type: 'plugin', name: 'community', key: 'content-version' } as const;

/**
 * A token that changes whenever published content may have changed. It lives in the
 * database, so every CMS instance sees a write made by any other; a fresh random value
 * (rather than a counter) can never be mistaken for an earlier one.
 */
const contentVersion = ({ strapi }: { strapi: Core.Strapi }) => ({
  async current(): Promise<string> {
    const value = await strapi.store(STORE).get({});
    return typeof value === 'string' ? value : '';
  },

  async bump(): Promise<void> {
    await strapi.store(STORE).set({ value: randomUUID() });
  },
});

export default contentVersion;
