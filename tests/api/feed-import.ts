import { expect } from 'vitest';
import { admin, editor } from './client';

const GROUP = 'api::group.group';

export interface FeedInput {
  kind: 'blog' | 'photos' | 'calendar';
  url: string;
  title?: string;
}

/** Creates and publishes a group with these feeds, as an editor does in the admin; returns its documentId. */
export async function createGroupWithFeeds(slug: string, feeds: FeedInput[], languages = ['en']): Promise<string> {
  const created = await editor.create(GROUP, {
    name: slug.replace(/-/g, ' '),
    slug,
    kind: 'user-group',
    state: 'active',
    languages,
    country: 'FR',
    city: 'Lyon',
    timezone: 'Europe/Paris',
    feeds,
  });
  expect(created.status, created.text).toBe(201);
  const documentId = created.body.data.documentId as string;
  const published = await editor.publish(GROUP, documentId);
  expect(published.status, published.text).toBe(200);
  return documentId;
}

export async function setFeeds(documentId: string, feeds: FeedInput[]) {
  const updated = await editor.update(GROUP, documentId, { feeds });
  expect(updated.status, updated.text).toBe(200);
  expect((await editor.publish(GROUP, documentId)).status).toBe(200);
}

export interface ImportRun {
  id: string;
  total: number;
  done: number;
  failed: number;
  finishedAt: string | null;
}

/** "Import now" in the admin (every feed, or one), then waits for the run to finish, as the admin page does. */
export async function importNow(feed?: number): Promise<ImportRun> {
  const started = await admin.send('POST', '/community/feeds/import', feed === undefined ? {} : { feed });
  expect(started.status, started.text).toBe(202);
  const id = started.body.data.id as string;
  for (let attempt = 0; attempt < 600; attempt++) {
    const progress = await admin.get('/community/feeds/import');
    const run = progress.body.data as ImportRun | null;
    if (run && run.id === id && run.finishedAt) return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import did not finish');
}

export interface FeedStatus {
  id: number | null;
  group: { slug: string; name: string };
  url: string;
  kind: string;
  health: string;
  lastError: string | null;
  lastSuccessAt: string | null;
  itemsImported: number;
  failures: number;
  leftOut: { outsideWindow: number; beyondLimit: number };
  note: string | null;
}

/** The feeds of one group as the admin's feed page lists them, by URL. */
export async function feedsOf(slug: string): Promise<Map<string, FeedStatus>> {
  const response = await admin.get('/community/feeds');
  expect(response.status, response.text).toBe(200);
  return new Map((response.body.data as FeedStatus[]).filter((feed) => feed.group.slug === slug).map((feed) => [feed.url, feed]));
}

/**
 * Deletes a group made by a test and the events imported for it, so that suites counting
 * the demo's groups and events still find them alone.
 */
export async function deleteGroup(documentId: string) {
  const events = await admin.get(
    `/content-manager/collection-types/api::event.event?page=1&pageSize=100&filters[$and][0][group][documentId][$eq]=${documentId}`,
  );
  expect(events.status, events.text).toBe(200);
  for (const event of events.body.results as { documentId: string }[]) {
    const removed = await admin.send('DELETE', `/content-manager/collection-types/api::event.event/${event.documentId}?locale=en`);
    expect(removed.status, removed.text).toBe(200);
  }
  const removed = await admin.send('DELETE', `/content-manager/collection-types/${GROUP}/${documentId}?locale=en`);
  expect(removed.status, removed.text).toBe(200);
}
