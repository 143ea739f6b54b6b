/** The admin actions the server registers in bootstrap; the admin API's routes check the same ones. */
export const PERMISSIONS = {
  read: [{ action: 'plugin::community.feeds.read', subject: null }],
  import: [{ action: 'plugin::community.feeds.import', subject: null }],
};
