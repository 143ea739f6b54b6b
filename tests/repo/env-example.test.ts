import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `.env.example` names every setting the code reads, and no other: the settings are found
 * by reading the repository's sources for environment reads (Node's `process.env`, Strapi's
 * `env()` helpers in its config files, SvelteKit's `$env` modules).
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Set by the operating system or the CI runner, not by whoever runs the portal.
const FROM_THE_SYSTEM = new Set(['TZ', 'TMPDIR', 'CI']);

const NAME = '[A-Z][A-Z0-9_]*';
const READS = [
  new RegExp(`process\\.env\\??\\.(${NAME})\\b`, 'g'),
  new RegExp(`process\\.env\\[['"](${NAME})['"]\\]`, 'g'),
  // Strapi's config helpers: env('…'), env.int('…'), env.bool('…'), env.array('…')
  new RegExp(`\\benv(?:\\.[a-z]+)?\\(\\s*['"](${NAME})['"]`, 'g'),
];
// SvelteKit: `env.X` where `env` comes from $env/dynamic/*, and names imported from $env/static/*.
const DYNAMIC_ENV = /import\s*\{\s*env\s*\}\s*from\s*['"]\$env\/dynamic\/(?:public|private)['"]/;
const DYNAMIC_READ = new RegExp(`\\benv\\??\\.(${NAME})\\b`, 'g');
const STATIC_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]\$env\/static\/(?:public|private)['"]/g;

function sources(): string[] {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  return tracked.filter((file) => /\.(?:[cm]?[jt]s|svelte)$/.test(file) && !file.startsWith('cms/types/') && fs.existsSync(path.join(ROOT, file)));
}

function settingsRead(): Map<string, string> {
  const found = new Map<string, string>();
  const note = (name: string, file: string) => {
    if (!found.has(name)) found.set(name, file);
  };
  for (const file of sources()) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const pattern of READS) for (const match of text.matchAll(pattern)) note(match[1]!, file);
    if (DYNAMIC_ENV.test(text)) for (const match of text.matchAll(DYNAMIC_READ)) note(match[1]!, file);
    for (const match of text.matchAll(STATIC_IMPORT)) {
      for (const name of match[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/)[0]!)) if (name) note(name, file);
    }
  }
  for (const name of FROM_THE_SYSTEM) found.delete(name);
  return found;
}

/** What the website's server, built by adapter-node, reads besides our code (ORIGIN, ADDRESS_HEADER, …). */
function settingsOfTheWebServer(): Set<string> {
  const adapter = path.dirname(createRequire(path.join(ROOT, 'web', 'package.json')).resolve('@sveltejs/adapter-node/package.json'));
  const files = fs.readdirSync(path.join(adapter, 'files')).filter((file) => file.endsWith('.js'));
  const text = files.map((file) => fs.readFileSync(path.join(adapter, 'files', file), 'utf8')).join('\n');
  return new Set([...text.matchAll(READS[2]!)].map((match) => match[1]!));
}

function settingsListed(): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
  return new Set([...text.matchAll(new RegExp(`^#?\\s*(${NAME})=`, 'gm'))].map((match) => match[1]!));
}

describe('.env.example', () => {
  it('lists every setting the code reads', () => {
    const listed = settingsListed();
    const missing = [...settingsRead()].filter(([name]) => !listed.has(name)).map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });

  it('lists only settings that are read, by the code or by the website’s server', () => {
    const read = settingsRead();
    const webServer = settingsOfTheWebServer();
    expect(webServer.has('ORIGIN')).toBe(true);
    expect([...settingsListed()].filter((name) => !read.has(name) && !webServer.has(name))).toEqual([]);
  });

  it('finds reads in each of the ways the code makes them', () => {
    const read = settingsRead();
    // One of each: process.env (scripts), Strapi's env.int (cms/config), SvelteKit's dynamic env (web).
    expect(read.get('SKIP_BUILD')).toBe('scripts/start.ts');
    expect(read.get('GROUP_APPLICATION_LIMIT')).toBe('cms/config/api.ts');
    expect(read.has('CONTENT_VERSION_TTL_MS')).toBe(true);
  });
});
