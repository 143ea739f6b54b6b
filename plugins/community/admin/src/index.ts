import { Cast } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { messages } from './messages';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID, messageId } from './plugin-id';

type Translations = Record<string, string>;

/** The admin part of the plugin: a "Feeds" entry in the main menu for editors who may read feed health. */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Cast,
      intlLabel: messages.menuFeeds,
      Component: () => import('./pages/app'),
      permissions: PERMISSIONS.read,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Community' });
  },

  /** Our texts in each interface language the admin offers; a language we lack falls back to English. */
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Translations };
          return { locale, data: Object.fromEntries(Object.entries(data).map(([key, text]) => [messageId(key), text])) };
        } catch {
          return { locale, data: {} };
        }
      }),
    );
  },
};
