import type { Core } from '@strapi/strapi';
import type { FeedImportConfig } from './config';
import { getService } from './utils';

const ACTIONS = [
  { section: 'plugins', displayName: 'See feed health', uid: 'feeds.read', pluginName: 'community' },
  { section: 'plugins', displayName: 'Import feeds now', uid: 'feeds.import', pluginName: 'community' },
];

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  await getService(strapi, 'content-version').startListening();

  // Cron jobs only run where the server's cron is enabled (CRON_ENABLED); every instance may
  // run them, since each feed is leased to one instance at a time.
  const { schedule } = strapi.config.get('plugin::community.feeds') as FeedImportConfig;
  if (schedule && strapi.config.get('server.cron.enabled')) {
    // Feeds never imported (a fresh install, new groups) are fetched soon after start, not at the next hour.
    setTimeout(() => {
      getService(strapi, 'feed-import')
        .run()
        .catch((cause: unknown) => strapi.log.error(`Feed import failed: ${cause instanceof Error ? cause.message : String(cause)}`));
    }, 2000).unref();
    strapi.cron.add({
      communityFeedImport: {
        task: async () => {
          await getService(strapi, 'feed-import').run();
        },
        options: { rule: schedule },
      },
    });
  }
};

export default bootstrap;
