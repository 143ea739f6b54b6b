import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventWhen, latestActivity, postSummary, summaryText, tagUri, toAtomEntry, type ActivityEntry } from './activity';
import { renderAtomFeed, xmlText, type AtomFeed } from './atom-feed';

const GOLDEN = path.join(__dirname, 'golden', 'sample.atom');
const HOST = 'groups.example.org';

const activity: ActivityEntry[] = [
  {
    kind: 'group',
    key: 'grp1',
    title: 'Rust Lyon',
    summary: summaryText('A **friendly** group <for> "Rustaceans" & friends.'),
    published: new Date('2026-01-10T09:00:00.250Z'),
    updated: new Date('2026-02-01T10:00:00Z'),
    link: 'https://groups.example.org/fr/groups/rust-lyon',
    author: null,
    lang: 'fr',
  },
  {
    kind: 'event',
    key: 'evt1',
    title: 'Apéro & talks <3',
    summary: `${eventWhen(new Date('2026-03-03T17:30:00Z'), 'Europe/Paris', false, 'fr')} — ${summaryText('## Agenda\n\nTalks.')}`,
    published: new Date('2026-02-15T12:00:00Z'),
    updated: new Date('2026-02-14T12:00:00Z'),
    link: 'https://groups.example.org/fr/events/apero?x=1&y=2',
    author: 'Rust Lyon',
    lang: 'en',
  },
];

const feed: AtomFeed = {
  id: tagUri(HOST, 'group', 'grp1', 'activity', 'fr'),
  title: 'Rust Lyon · Chapterhouse',
  subtitle: 'New events of the group',
  updated: new Date('2026-02-15T12:00:00Z'),
  lang: 'en',
  selfUrl: 'https://cms.example.org/api/community/groups/rust-lyon/activity.atom?locale=fr',
  alternateUrl: 'https://groups.example.org/fr/groups/rust-lyon',
  author: { name: 'Chapterhouse', uri: 'https://groups.example.org' },
  entries: latestActivity([activity.slice(0, 1), activity.slice(1)], 50).map((entry) => toAtomEntry(entry, HOST)),
};

describe('the Atom feed', () => {
  it('matches the golden file', () => {
    const xml = renderAtomFeed(feed);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, xml);
    expect(xml).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlText(`<a href="x">Tom & Jerry's</a>\u0000\u0008\uFFFE ok`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt; ok');
    const xml = renderAtomFeed({ ...feed, title: 'Bell\u0007 & <b>' });
    expect(xml).toContain('<title type="text">Bell &amp; &lt;b&gt;</title>');
    expect(xml).not.toContain('\u0007');
  });

  it('has one id, title, updated, published and link per entry, with its language', () => {
    const xml = renderAtomFeed(feed);
    const entries = xml.split('<entry ').slice(1);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      for (const tag of ['<id>', '<title type="text">', '<updated>', '<published>', '<link rel="alternate"']) {
        expect(entry.split(tag).length - 1, tag).toBe(1);
      }
      expect(entry).toMatch(/^xml:lang="[\w-]+">/);
    }
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://cms.example.org/api/community/groups/rust-lyon/activity.atom?locale=fr"/>');
  });
});

describe('activity entries', () => {
  it('get permanent tag: ids and never an update before their publication', () => {
    expect(tagUri(HOST, 'event', 'abc 1')).toBe('tag:groups.example.org,2026:event:abc%201');
    const entry = toAtomEntry(activity[1]!, HOST);
    expect(entry.id).toBe('tag:groups.example.org,2026:event:evt1');
    expect(entry.updated).toEqual(activity[1]!.published);
  });

  it('are merged newest first and cut at the limit', () => {
    const older = { ...activity[0]!, key: 'old', published: new Date('2020-01-01T00:00:00Z') };
    expect(latestActivity([[older, activity[0]!], [activity[1]!]], 2).map((e) => e.key)).toEqual(['evt1', 'grp1']);
  });

  it('summarise markdown as one short paragraph', () => {
    expect(summaryText('# Title\n\nLine one\nline two')).toBe('Title Line one line two');
    expect(summaryText('word '.repeat(200))!.length).toBeLessThanOrEqual(400);
    expect(summaryText('   ')).toBeNull();
  });

  it('summarise an imported post by its excerpt, else by its summary HTML as text, never as Markdown', () => {
    const wordpress = '<p>We met at the __init__ sprint &amp; wrote *lots* of code [&hellip;]</p>';
    expect(postSummary('The whole post: we met at the __init__ sprint.', wordpress)).toBe('The whole post: we met at the __init__ sprint.');
    expect(postSummary(null, wordpress)).toBe('We met at the __init__ sprint & wrote *lots* of code […]');
    expect(postSummary('  ', '<p>a<br>b</p>')).toBe('a b');
    expect(postSummary(null, null)).toBeNull();
    expect(postSummary('x'.repeat(1000), null)!.length).toBe(400);
  });

  it('say when an event is in its own zone and the entry’s language, whatever the server’s zone', () => {
    const before = process.env.TZ;
    const here = eventWhen(new Date('2026-03-03T17:30:00Z'), 'Europe/Paris', false, 'en');
    process.env.TZ = 'Pacific/Auckland';
    try {
      expect(eventWhen(new Date('2026-03-03T17:30:00Z'), 'Europe/Paris', false, 'en')).toBe(here);
    } finally {
      process.env.TZ = before;
    }
    expect(here).toMatch(/Mar 3, 2026.*6:30.*\(Europe\/Paris\)/);
    expect(eventWhen(new Date('2026-05-02T00:00:00Z'), 'Asia/Tokyo', true, 'en')).toBe('May 2, 2026');
  });
});
