import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const STORE = { type: 'plugin', name: 'community', key: 'content-version' } as const;
const REMOVED = { type: 'plugin', name: 'community', key: 'content-removed-at' } as const;

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

  /**
   * `removal` marks writes that take published content away (unpublish, delete): no row is
   * left to carry their time, so it is kept here for the feeds' Last-Modified.
   */
  async bump(removal = false): Promise<void> {
    await strapi.store(STORE).set({ value: randomUUID() });
    if (removal) await strapi.store(REMOVED).set({ value: new Date().toISOString() });
  },

  /** When published content was last taken away, if ever. */
  async removedAt(): Promise<Date | null> {
    const value = await strapi.store(REMOVED).get({});
    const date = typeof value === 'string' ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  },
});

export default contentVersion;
