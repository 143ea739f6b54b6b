import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { events, groups, pages, regions } from '../../cms/src/seed/data';
import { CMS_DIR } from '../setup/strapi';
import { api } from './client';

const CONTINENTS: Record<string, string[]> = {
  africa: ['Africa/'],
  asia: ['Asia/'],
  europe: ['Europe/'],
  americas: ['America/'],
  oceania: ['Australia/', 'Pacific/'],
};

async function snapshot() {
  const result: Record<string, unknown> = {};
  for (const type of ['groups', 'events', 'pages', 'regions', 'resources']) {
    const response = await api.get(`/api/${type}?pagination[pageSize]=100&sort[0]=documentId:asc&fields[0]=updatedAt`);
    result[type] = { total: response.body.meta.pagination.total, firstPage: response.body.data };
  }
  return result;
}

describe('the demo community', () => {
  it('is loaded on the first start of an empty database', async () => {
    const list = await api.get('/api/groups?pagination[pageSize]=100&fields[0]=country&fields[1]=languages&fields[2]=kind&fields[3]=timezone');
    const all = list.body.data as { country: string; languages: string[]; kind: string; timezone: string }[];
    expect(list.body.meta.pagination.total).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((g) => g.country)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(all.flatMap((g) => g.languages)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((g) => g.kind))).toEqual(new Set(['user-group', 'working-group', 'special-interest-group']));
    for (const [continent, prefixes] of Object.entries(CONTINENTS)) {
      expect(all.some((g) => prefixes.some((p) => g.timezone.startsWith(p))), continent).toBe(true);
    }
    // Some demo groups ask for approval before someone joins; the rest are open.
    const policies = (await api.get('/api/groups?pagination[pageSize]=100&fields[0]=slug&fields[1]=joinPolicy')).body.data as { slug: string; joinPolicy: string }[];
    const asking = groups.filter((g) => g.joinPolicy === 'approval').map((g) => g.slug);
    expect(asking.length).toBeGreaterThan(0);
    expect(policies.filter((g) => g.joinPolicy === 'approval').map((g) => g.slug).sort()).toEqual([...asking].sort());
    expect(policies.filter((g) => g.joinPolicy !== 'approval').every((g) => g.joinPolicy === 'open')).toBe(true);
    const translated = groups.filter((g) => Object.keys(g.summary).length >= 3).length;
    expect(translated / groups.length).toBeGreaterThan(0.5);

    expect((await api.get('/api/events?fields[0]=slug')).body.meta.pagination.total).toBe(events.length);
    expect((await api.get('/api/pages?fields[0]=slug')).body.meta.pagination.total).toBe(pages.length);
    expect((await api.get('/api/regions?fields[0]=slug')).body.meta.pagination.total).toBe(regions.length);
    const now = new Date().toISOString();
    expect((await api.get(`/api/events?filters[startsAt][$gt]=${now}`)).body.meta.pagination.total).toBeGreaterThan(10);
    expect((await api.get(`/api/events?filters[startsAt][$lt]=${now}`)).body.meta.pagination.total).toBeGreaterThan(10);
    expect((await api.get('/api/events?filters[recurrence][$notNull]=true')).body.meta.pagination.total).toBeGreaterThan(5);
  });

  it('changes nothing when seeded again', async () => {
    const before = await snapshot();
    const run = spawnSync(process.execPath, [path.join(CMS_DIR, 'dist', 'scripts', 'demo.js'), 'seed'], {
      env: { ...process.env, ...inject('cmsEnv') },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('{"command":"seed","created":{}}');
    expect(await snapshot()).toEqual(before);
  });
});
