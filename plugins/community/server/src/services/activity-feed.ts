import type { Core } from '@strapi/strapi';
import { SITE_NAME } from '@chapterhouse/config';
import { eventWhen, latestActivity, postSummary, summaryText, tagUri, toAtomEntry, type ActivityEntry } from '../atom/activity';
import { renderAtomFeed } from '../atom/atom-feed';
import { revision, toDate, uidHost, webPage } from '../calendar/calendar-entries';
import type { FeedQuery } from '../calendar/calendar-query';
import { getService } from '../utils';
import type { GroupRow } from './published-content';

/** What a source of activity is asked for: the newest `limit` entries, of one group or of all. */
export interface ActivityScope {
  group: GroupRow | null;
  chain: readonly string[];
  limit: number;
  /** Builds a link to a website page in the feed's locale. */
  page(path: string): string;
}

export type ActivitySource = (scope: ActivityScope) => Promise<ActivityEntry[]>;

/** An Atom document and the time its content last changed. */
export interface FeedFile {
  text: string;
  lastModified: Date;
}

const LIMIT = 50;
const EPOCH = new Date(0);
const latest = (...dates: (Date | string | null | undefined)[]) =>
  new Date(Math.max(...dates.map((date) => toDate(date ?? null)?.getTime() ?? 0)));

/** The Atom feeds of community activity: all groups, or one, in the requested locale along the fallback chain. */
const activityFeed = ({ strapi }: { strapi: Core.Strapi }) => {
  const content = () => getService(strapi, 'published-content');
  const webUrl = () => strapi.config.get('plugin::community.webUrl') as string;

  const groups: ActivitySource = async (scope) => {
    const rows = scope.group ? [scope.group] : await content().recentGroups(scope.limit, scope.chain);
    return rows.map((group) => ({
      kind: 'group',
      key: group.documentId,
      title: group.name,
      summary: summaryText(group.summary),
      published: toDate(group.createdAt) ?? EPOCH,
      updated: latest(group.updatedAt, group.textUpdatedAt),
      link: scope.page(`/groups/${group.slug}`),
      author: null,
      lang: group.locale,
    }));
  };

  const events: ActivitySource = async (scope) => {
    const rows = await content().recentEvents({ group: scope.group?.slug }, scope.limit, scope.chain);
    return rows.map((event) => {
      const start = toDate(event.startsAt) ?? EPOCH;
      return {
        kind: 'event',
        key: event.documentId,
        title: event.title,
        summary: [eventWhen(start, event.timezone, event.allDay === true, event.locale), summaryText(event.description)].filter(Boolean).join(' — '),
        published: toDate(event.createdAt) ?? EPOCH,
        updated: revision(event).stamp,
        link: scope.page(`/events/${encodeURIComponent(event.slug || event.documentId)}`),
        author: event.group?.name ?? null,
        lang: event.locale,
      };
    });
  };

  const posts: ActivitySource = async (scope) => {
    const { data } = await getService(strapi, 'imported-items').latest('post', { group: scope.group?.slug, page: 1, pageSize: scope.limit });
    return data.map((post) => {
      const posted = toDate(post.postedAt as string) ?? EPOCH;
      return {
        kind: 'post',
        key: String(post.documentId),
        title: String(post.title),
        summary: postSummary(post.excerpt, post.summary),
        published: posted,
        updated: posted,
        link: typeof post.link === 'string' ? post.link : scope.page(`/groups/${post.group.slug}`),
        author: typeof post.author === 'string' ? post.author : post.group.name,
        lang: typeof post.language === 'string' ? post.language : scope.chain[0]!,
      };
    });
  };

  // Each source gives its newest entries; the feed keeps the newest of them all.
  const SOURCES: ActivitySource[] = [groups, events, posts];

  async function feed(group: GroupRow | null, query: FeedQuery, selfUrl: string): Promise<FeedFile> {
    const pageLocale = query.locale.chain[0]!;
    const page = (path: string) => webPage(webUrl(), pageLocale, path);
    const scope: ActivityScope = { group, chain: query.locale.chain, limit: LIMIT, page };
    const entries = latestActivity(await Promise.all(SOURCES.map((source) => source(scope))), LIMIT);
    const host = uidHost(webUrl());
    const lastModified = await content().lastChange();
    const text = renderAtomFeed({
      id: group ? tagUri(host, 'group', group.documentId, 'activity', pageLocale) : tagUri(host, 'activity', pageLocale),
      title: group ? `${group.name} · ${SITE_NAME}` : `${SITE_NAME}: community activity`,
      subtitle: group ? 'New events and blog posts of the group' : 'New groups, events and blog posts',
      lang: 'en',
      updated: entries.length ? latest(...entries.map((entry) => entry.updated)) : group ? latest(group.updatedAt, group.textUpdatedAt) : lastModified,
      selfUrl,
      alternateUrl: page(group ? `/groups/${group.slug}` : ''),
      author: { name: SITE_NAME, uri: webUrl() },
      entries: entries.map((entry) => toAtomEntry(entry, host)),
    });
    return { text, lastModified };
  }

  return {
    async community(query: FeedQuery, selfUrl: string): Promise<FeedFile> {
      return feed(null, query, selfUrl);
    },

    /** A group's activity, or null when no published group has the slug. */
    async group(slug: string, query: FeedQuery, selfUrl: string): Promise<FeedFile | null> {
      const group = await content().group(slug, query.locale.chain);
      return group ? feed(group, query, selfUrl) : null;
    },
  };
};

export default activityFeed;
