import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS_DIR, ROOT } from './strapi';

/** Built admin panels by content hash; under node_modules so no tsconfig above makes Strapi compile TypeScript. */
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'chapterhouse-admin');
const requireFromCms = createRequire(path.join(CMS_DIR, 'package.json'));

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** What the bundle is made of: the plugin's admin sources, the app's config and admin customisations, Strapi's version. */
function contentHash(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(path.join(ROOT, 'plugins', 'community', 'admin')),
    path.join(ROOT, 'plugins', 'community', 'package.json'),
    path.join(CMS_DIR, 'package.json'),
    ...filesUnder(path.join(CMS_DIR, 'config')),
    ...filesUnder(path.join(CMS_DIR, 'src', 'admin')),
  ];
  for (const file of inputs) hash.update(`${path.relative(ROOT, file)}\0`).update(fs.readFileSync(file)).update('\0');
  for (const name of ['@strapi/strapi', '@strapi/admin', '@strapi/design-system']) {
    hash.update(`${name}@${(requireFromCms(`${name}/package.json`) as { version: string }).version}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`strapi build failed (exit ${code}):\n${output}`))));
  });
}

/**
 * The directory of the admin panel built exactly as `strapi build` builds it for the CMS,
 * with our plugin's pages. It is built once per content hash (about a minute) and reused.
 * The build runs in a copy of the app holding only its package.json and compiled config,
 * so it never touches cms/dist, which the running test CMS is loaded from.
 */
export async function builtAdminPanel(): Promise<string> {
  const target = path.join(CACHE, contentHash());
  if (fs.existsSync(path.join(target, 'index.html'))) return target;
  fs.mkdirSync(CACHE, { recursive: true });
  const app = fs.mkdtempSync(path.join(CACHE, 'app-'));
  try {
    fs.copyFileSync(path.join(CMS_DIR, 'package.json'), path.join(app, 'package.json'));
    fs.cpSync(path.join(CMS_DIR, 'dist', 'config'), path.join(app, 'config'), { recursive: true });
    if (fs.existsSync(path.join(CMS_DIR, 'src', 'admin'))) {
      fs.cpSync(path.join(CMS_DIR, 'src', 'admin'), path.join(app, 'src', 'admin'), { recursive: true });
    }
    const strapi = path.join(path.dirname(requireFromCms.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
    await run(process.execPath, [strapi, 'build'], app);
    // Older builds are of sources that changed since: only the current one is kept.
    for (const old of fs.readdirSync(CACHE)) {
      if (/^[0-9a-f]{16}$/.test(old)) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
    }
    fs.renameSync(path.join(app, 'build'), target);
  } finally {
    fs.rmSync(app, { recursive: true, force: true });
  }
  return target;
}
