import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, openBrowser } from '../browser/browser';
import { admin, api, editor } from './client';

const WG = 'documentation-working-group';
const LIMIT = 50;

interface AtomEntry {
  id: string | null;
  title: string | null;
  updated: string | null;
  published: string | null;
  lang: string | null;
  link: string | null;
  summary: string | null;
  author: string | null;
}

interface AtomDocument {
  error: string | null;
  root: string;
  namespace: string | null;
  id: string | null;
  title: string | null;
  updated: string | null;
  author: string | null;
  links: { rel: string | null; href: string | null; type: string | null }[];
  entries: AtomEntry[];
}

let browser: BrowserContext | undefined;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.newPage();
});

afterAll(() => closeBrowser(browser));

/** The feed as a browser's XML parser reads it: a real, strict XML parser, namespaces included. */
function parseAtom(xml: string): Promise<AtomDocument> {
  return page.evaluate((text) => {
    const NS = 'http://www.w3.org/2005/Atom';
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const root = doc.documentElement;
    const children = (element: Element, name: string) => Array.from(element.children).filter((c) => c.namespaceURI === NS && c.localName === name);
    const value = (element: Element, name: string) => children(element, name)[0]?.textContent ?? null;
    const authorOf = (element: Element) => {
      const author = children(element, 'author')[0];
      return author ? value(author, 'name') : null;
    };
    return {
      error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      root: root.localName,
      namespace: root.namespaceURI,
      id: value(root, 'id'),
      title: value(root, 'title'),
      updated: value(root, 'updated'),
      author: authorOf(root),
      links: children(root, 'link').map((link) => ({ rel: link.getAttribute('rel'), href: link.getAttribute('href'), type: link.getAttribute('type') })),
      entries: children(root, 'entry').map((entry) => ({
        id: value(entry, 'id'),
        title: value(entry, 'title'),
        updated: value(entry, 'updated'),
        published: value(entry, 'published'),
        lang: entry.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'),
        link: children(entry, 'link')[0]?.getAttribute('href') ?? null,
        summary: value(entry, 'summary'),
        author: authorOf(entry),
      })),
    };
  }, xml);
}

async function feed(path: string, headers: Record<string, string> = {}) {
  const response = await api.get(path, { headers });
  expect(response.status, `${path}: ${response.text.slice(0, 300)}`).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const atom = await parseAtom(response.text);
  expect(atom.error).toBeNull();
  return { response, atom };
}

/** What every Atom document must carry (RFC 4287 §4.1). */
function checkAtom(atom: AtomDocument, selfUrl: string) {
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  expect(atom.root).toBe('feed');
  expect(atom.namespace).toBe('http://www.w3.org/2005/Atom');
  expect(atom.id).toMatch(/^tag:[\w.-]+,2026:/);
  expect(atom.title).toBeTruthy();
  expect(atom.updated).toMatch(RFC3339);
  expect(atom.author).toBe('Chapterhouse');
  expect(atom.links.find((l) => l.rel === 'self')).toEqual({ rel: 'self', href: selfUrl, type: 'application/atom+xml' });
  expect(atom.links.find((l) => l.rel === 'alternate')?.href).toMatch(/^https?:\/\//);
  expect(new Set(atom.entries.map((e) => e.id)).size).toBe(atom.entries.length);
  for (const entry of atom.entries) {
    expect(entry.id).toMatch(/^tag:[\w.-]+,2026:(group|event):[\w-]+$/);
    expect(entry.title).toBeTruthy();
    expect(entry.updated).toMatch(RFC3339);
    expect(entry.published).toMatch(RFC3339);
    expect(entry.lang).toMatch(/^[a-z]{2}(-[A-Za-z]+)?$/);
    expect(entry.link).toMatch(/^https?:\/\/.+\/(groups|events)\/[\w-]+$/);
  }
}

interface Item {
  documentId: string;
  createdAt: string;
  title?: string;
  name?: string;
  slug: string;
  locale: string;
}

async function everything(path: string, fields: string[], locale = 'en', filter = ''): Promise<Item[]> {
  const all: Item[] = [];
  const query = fields.map((field, i) => `fields[${i}]=${field}`).join('&');
  for (let n = 1; ; n++) {
    const response = await api.get(`${path}?locale=${locale}&${query}&pagination[page]=${n}&pagination[pageSize]=100${filter}`);
    expect(response.status, response.text).toBe(200);
    all.push(...response.body.data);
    if (n >= response.body.meta.pagination.pageCount) return all;
  }
}

/** The newest groups and events, newest first: what the community feed must list. */
async function newest(filter: { group?: string } = {}) {
  const groups = filter.group
    ? await everything('/api/groups', ['slug', 'name', 'createdAt'], 'en', `&filters[slug][$eq]=${filter.group}`)
    : await everything('/api/groups', ['slug', 'name', 'createdAt']);
  const events = await everything('/api/events', ['slug', 'title', 'createdAt'], 'en', filter.group ? `&filters[group][slug][$eq]=${filter.group}` : '');
  return [...groups.map((g) => ({ kind: 'group', ...g })), ...events.map((e) => ({ kind: 'event', ...e }))]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, LIMIT);
}

const keyOf = (entry: AtomEntry) => /:((?:group|event):[\w-]+)$/.exec(entry.id!)![1];
const idOf = (item: { kind: string; documentId: string }) => new RegExp(`^tag:[\\w.-]+,2026:${item.kind}:${item.documentId}$`);

describe('the community activity feed', () => {
  it('is valid Atom listing the newest groups and events, newest first', async () => {
    const path = '/api/community/activity.atom?locale=en';
    const { atom, response } = await feed(path);
    checkAtom(atom, `${inject('cmsUrl')}${path}`);
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get('last-modified')).toBeTruthy();
    const expected = await newest();
    expect(atom.entries).toHaveLength(expected.length);
    atom.entries.forEach((entry, i) => expect(entry.id, `entry ${i}`).toMatch(idOf(expected[i]!)));
    const published = atom.entries.map((e) => Date.parse(e.published!));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
  });

  it('gives each entry’s text in the requested locale along the fallback chain, marked with its language', async () => {
    const { atom } = await feed('/api/community/activity.atom?locale=fr');
    const events = await everything('/api/events', ['slug', 'title', 'createdAt'], 'fr');
    const groups = await everything('/api/groups', ['slug', 'name', 'createdAt'], 'fr');
    let translated = 0;
    for (const entry of atom.entries) {
      const [, kind, documentId] = /:(group|event):([\w-]+)$/.exec(entry.id!)!;
      const source = (kind === 'event' ? events : groups).find((item) => item.documentId === documentId)!;
      expect(entry.title).toBe(kind === 'event' ? source.title : source.name);
      expect(entry.link).toMatch(new RegExp(`/fr/${kind}s/${source.slug}$`));
      if (kind === 'event') expect(entry.lang).toBe(source.locale);
      if (entry.lang === 'fr') translated++;
    }
    expect(translated).toBeGreaterThan(0);
  });

  it('refuses parameters it does not know', async () => {
    const response = await api.get('/api/community/activity.atom?kind=working-group');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Unknown query parameter(s): kind. Allowed: locale.');
  });
});

describe('a group’s activity feed', () => {
  it('lists the group and its events', async () => {
    const path = `/api/community/groups/${WG}/activity.atom?locale=de`;
    const { atom } = await feed(path);
    checkAtom(atom, `${inject('cmsUrl')}${path}`);
    expect(atom.title).toBe('Documentation Working Group · Chapterhouse');
    expect(atom.links.find((l) => l.rel === 'alternate')?.href).toMatch(new RegExp(`/de/groups/${WG}$`));
    const expected = await newest({ group: WG });
    expect(expected.length).toBeGreaterThan(2);
    expect(atom.entries.map(keyOf).sort()).toEqual(expected.map((item) => `${item.kind}:${item.documentId}`).sort());
    expect(atom.entries.filter((e) => e.id!.includes(':event:')).every((e) => e.author === 'Documentation Working Group')).toBe(true);
  });

  it('answers an unknown group with 404 and a message', async () => {
    const response = await api.get('/api/community/groups/no-such-group/activity.atom');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('No published group has the slug "no-such-group".');
  });

  it('answers 304 while nothing changed, and shows a newly published event first', async () => {
    const path = `/api/community/groups/${WG}/activity.atom`;
    const before = await feed(path);
    const etag = before.response.headers.get('etag')!;
    expect((await api.get(path, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const groupId = (await api.get(`/api/groups?filters[slug][$eq]=${WG}&fields[0]=slug`)).body.data[0].documentId;
    const created = await editor.create('api::event.event', {
      title: 'Atom & <feed> test call',
      slug: 'atom-feed-test-call',
      description: 'Checking that **new** events reach feed readers.',
      startsAt: '2027-05-04T14:00:00.000Z',
      endsAt: '2027-05-04T15:00:00.000Z',
      timezone: 'UTC',
      format: 'online',
      type: 'call',
      state: 'scheduled',
      group: { connect: [{ documentId: groupId, locale: 'en' }] },
    });
    expect(created.status, created.text).toBe(201);
    const documentId = created.body.data.documentId;
    try {
      // Drafts are not activity.
      expect((await api.get(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await editor.publish('api::event.event', documentId)).status).toBe(200);
      const after = await feed(path, { 'if-none-match': etag });
      expect(after.response.headers.get('etag')).not.toBe(etag);
      expect(after.atom.entries[0]).toMatchObject({
        title: 'Atom & <feed> test call',
        lang: 'en',
        summary: expect.stringContaining('Checking that new events reach feed readers.'),
      });
      expect(after.atom.entries[0]!.id).toMatch(idOf({ kind: 'event', documentId }));
      expect(after.response.text).toContain('Atom &amp; &lt;feed&gt; test call');
    } finally {
      await admin.send('DELETE', `/content-manager/collection-types/api::event.event/${documentId}?locale=en`);
    }
  });
});
