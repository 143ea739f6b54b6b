import { messageId } from './plugin-id';
import type { FeedHealth, FeedKind } from './feeds/feed-view';

const m = (id: string, defaultMessage: string) => ({ id: messageId(id), defaultMessage });

/** Every string of the admin pages; `translations/en.json` holds the same English texts. */
export const messages = {
  menuFeeds: m('menu.feeds', 'Feeds'),
  title: m('feeds.title', 'Feeds'),
  subtitle: m('feeds.subtitle', "The groups' blog, photo and calendar feeds and how their imports went"),
  importAll: m('feeds.import-all', 'Import all now'),
  importOne: m('feeds.import-one', 'Import now'),
  importFailed: m('feeds.import-failed', 'The import could not be started: {reason}'),
  progressLabel: m('feeds.progress.label', 'Import progress'),
  progressRunning: m('feeds.progress.running', 'Importing: {done} of {total, plural, one {# feed} other {# feeds}}'),
  progressFailed: m('feeds.progress.failed', '{failed, plural, =0 {none failed so far} one {# failed} other {# failed}}'),
  progressFinished: m(
    'feeds.progress.finished',
    'The last import finished on {when}: {total, plural, =0 {no feeds} one {# feed} other {# feeds}}, {failed, plural, =0 {none failed} one {# failed} other {# failed}}.',
  ),
  progressPollError: m('feeds.progress.poll-error', 'The progress could not be read; trying again.'),
  filterLabel: m('feeds.filter.label', 'Show'),
  filterAll: m('feeds.filter.all', 'All feeds ({count})'),
  filterAttention: m('feeds.filter.attention', 'Failing or backing off ({count})'),
  filterHealth: m('feeds.filter.health', '{health} ({count})'),
  tableLabel: m('feeds.table.label', 'Feeds and their health'),
  columnGroup: m('feeds.column.group', 'Group'),
  columnFeed: m('feeds.column.feed', 'Feed'),
  columnKind: m('feeds.column.kind', 'Kind'),
  columnHealth: m('feeds.column.health', 'Health'),
  columnLastSuccess: m('feeds.column.last-success', 'Last success'),
  columnLastError: m('feeds.column.last-error', 'Last error'),
  columnItems: m('feeds.column.items', 'Items imported'),
  columnNextAttempt: m('feeds.column.next-attempt', 'Next attempt'),
  columnActions: m('feeds.column.actions', 'Actions'),
  never: m('feeds.never', 'Never'),
  noError: m('feeds.no-error', 'None'),
  failures: m('feeds.failures', '{count, plural, one {# failed attempt} other {# failed attempts in a row}}'),
  dueNow: m('feeds.due-now', 'Due now'),
  atNextImport: m('feeds.at-next-import', 'With the next import'),
  empty: m('feeds.empty', 'No group lists a feed yet. Add blog, photo or calendar feeds to a group and they show up here.'),
  emptyAction: m('feeds.empty.action', 'Go to the groups'),
  emptyFiltered: m('feeds.empty.filtered', 'No feed matches this filter.'),
  loadFailed: m('feeds.load-failed', 'The feeds could not be loaded.'),
};

export const healthMessages: Record<FeedHealth, { id: string; defaultMessage: string }> = {
  ok: m('health.ok', 'OK'),
  'not-modified': m('health.not-modified', 'Not modified'),
  failing: m('health.failing', 'Failing'),
  'backing-off': m('health.backing-off', 'Backing off'),
  pending: m('health.pending', 'Pending'),
};

export const kindMessages: Record<FeedKind, { id: string; defaultMessage: string }> = {
  blog: m('kind.blog', 'Blog'),
  photos: m('kind.photos', 'Photos'),
  calendar: m('kind.calendar', 'Calendar'),
};
