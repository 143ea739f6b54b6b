import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { events, groups, regions } from '../../cms/src/seed/data';
import { admin } from './client';

/** The README's example with the official @strapi/client, run as it stands against the CMS. */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const MARKER = '<!-- strapi-client-example -->';

function exampleCode(): string {
  const after = README.slice(README.indexOf(MARKER) + MARKER.length);
  const block = /```js\n([\s\S]*?)```/.exec(after);
  if (!block) throw new Error('README has no example after its marker');
  return block[1]!;
}

/** The output the README shows, up to its ellipsis. */
function shownOutput(): string[] {
  const after = README.slice(README.indexOf(MARKER));
  const block = /It prints[^\n]*\n\n```\n([\s\S]*?)```/.exec(after);
  return block![1]!.split('\n').filter((line) => line && line !== '…');
}

describe('the README’s @strapi/client example', () => {
  let token = '';
  let tokenId = 0;

  beforeAll(async () => {
    const created = await admin.send('POST', '/admin/api-tokens', { name: 'readme example', type: 'read-only', lifespan: null });
    expect(created.status, created.text).toBe(201);
    token = created.body.data.accessKey;
    tokenId = created.body.data.id;
  });

  afterAll(async () => {
    if (tokenId) await admin.send('DELETE', `/admin/api-tokens/${tokenId}`);
  });

  it('runs with a read-only token and prints what the demo community holds', async () => {
    const code = exampleCode();
    expect(code).toContain("from '@strapi/client'");
    const file = path.join(ROOT, 'tests', '.artifacts', 'strapi-client-example.mjs');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, code.replace('http://localhost:1337/api', `${inject('cmsUrl')}/api`));
    const { stdout } = await promisify(execFile)(process.execPath, [file], { env: { ...process.env, CHAPTERHOUSE_TOKEN: token }, timeout: 60_000 });
    const lines = stdout.trim().split('\n');

    // Expected from the demo's own data: North America's user groups by name, French where translated.
    const region = regions.find((r) => r.slug === 'north-america')!;
    const expected = groups
      .filter((g) => g.region === 'north-america' && g.kind === 'user-group')
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((g) => {
        const french = Boolean(g.summary.fr);
        const count = events.filter((e) => e.group === g.slug).length;
        return `${g.name} (${region.name.fr}): summary in ${french ? 'fr' : 'en, a fallback'}, events: ${count}`;
      });
    expect(lines.slice(0, expected.length)).toEqual(expected);
    expect(lines[expected.length]).toBe(`${expected.length} groups; locales tried: fr → en`);
    const calls = events.filter((e) => ((e.title as Record<string, string>).fr ?? e.title.en).toLowerCase().includes('call')).length;
    expect(Number(/^(\d+) events with "call" in their French title$/.exec(lines[expected.length + 1]!)?.[1])).toBeGreaterThanOrEqual(calls);
    expect(lines[expected.length + 2]).toMatch(/^\d+ occurrences in January 2027; first: \S/);
    expect(lines).toHaveLength(expected.length + 3);
    // What the README says it prints is what it prints.
    expect(lines.slice(0, shownOutput().length)).toEqual(shownOutput());
  });
});
