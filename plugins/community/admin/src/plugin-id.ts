export const PLUGIN_ID = 'community';

/** Our message ids carry the plugin's prefix, as Strapi's admin expects of plugin translations. */
export const messageId = (id: string) => `${PLUGIN_ID}.${id}`;
