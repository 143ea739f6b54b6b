import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
// Read from source: this script builds the config package, so it cannot import its build.
import { DEFAULT_PORTS } from '../config/src/site';
import { DEMO_FEEDS_PORT, startDemoFeeds } from './demo-feeds';
import { startMailCatcher } from './mail-catcher';

/**
 * `npm start`: builds whatever is missing or out of date, then runs the CMS and the
 * web app side by side with prefixed logs. Ctrl-C stops both; if one of them stops,
 * the other is stopped too.
 */
const root = path.resolve(__dirname, '..');
const cmsDir = path.join(root, 'cms');
const webDir = path.join(root, 'web');
const cmsPort = Number(process.env.CMS_PORT ?? DEFAULT_PORTS.cms);
const webPort = Number(process.env.WEB_PORT ?? DEFAULT_PORTS.web);
const cmsUrl = process.env.CMS_URL ?? `http://127.0.0.1:${cmsPort}`;
const webOrigin = process.env.ORIGIN ?? `http://localhost:${webPort}`;

const colour = (code: number, text: string) => (process.stdout.isTTY ? `\x1b[${code}m${text}\x1b[0m` : text);
const say = (text: string) => console.log(colour(1, `[start] ${text}`));

function run(command: string, args: string[], cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    say(`${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when `output` is missing or older than any file under `inputs`. */
function stale(output: string, inputs: string[]): boolean {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return inputs.some((input) => newestMtime(input) > built);
}

/** The CMS's secrets: kept in cms/.env, generated on the first start. */
function ensureCmsSecrets() {
  const envFile = path.join(cmsDir, '.env');
  if (fs.existsSync(envFile) || process.env.APP_KEYS) return;
  const secret = () => randomBytes(16).toString('base64');
  const lines = [
    '# Generated on the first `npm start`. Keep it secret; see .env.example for every setting.',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
  ];
  fs.writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  say('wrote fresh secrets to cms/.env');
}

function build() {
  say('building shared config and the community plugin');
  run('npm', ['run', 'build', '-w', 'config']);
  run('npm', ['run', 'build', '-w', 'plugins/community']);
  const adminIndex = path.join(cmsDir, 'dist', 'build', 'index.html');
  if (stale(adminIndex, [path.join(root, 'plugins', 'community', 'admin'), path.join(cmsDir, 'src', 'admin')])) {
    say('building the CMS and its admin panel (first time: about a minute)');
    run('npm', ['run', 'build', '-w', 'cms']);
  } else {
    say('compiling the CMS');
    run('npx', ['tsc', '-p', 'tsconfig.json'], cmsDir);
  }
  if (stale(path.join(webDir, 'build', 'index.js'), [path.join(webDir, 'src'), path.join(root, 'config', 'src')])) {
    say('building the web app');
    run('npm', ['run', 'build', '-w', 'web']);
  }
}

const children: ChildProcess[] = [];
let stopping = false;

function launch(name: string, code: number, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = colour(code, `[${name}]`);
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) console.log(`${prefix} ${line}`);
    });
  }
  child.on('exit', (status, signal) => {
    if (!stopping) {
      say(`${name} stopped (${signal ?? `exit ${status}`}); stopping the rest`);
      stop(status ?? 1);
    }
  });
  children.push(child);
}

function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code));
}

async function announceWhenReady() {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    try {
      const response = await fetch(`${cmsUrl}/api/community/health`);
      if (response.ok) {
        say(`ready — web: ${webOrigin}   admin: http://localhost:${cmsPort}/admin   API: ${cmsUrl}/api`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * The demo groups' feeds, served locally; the importer may reach exactly this host:port
 * (FEEDS_ALLOW_PRIVATE_HOSTS), unless the setting is given explicitly. DEMO_FEEDS=false skips it.
 */
async function serveDemoFeeds(): Promise<Record<string, string>> {
  if (process.env.DEMO_FEEDS === 'false') return {};
  try {
    const feeds = await startDemoFeeds(DEMO_FEEDS_PORT);
    say(`demo feeds at ${feeds.url}/feeds/`);
  } catch (cause) {
    say(`demo feeds not served (${cause instanceof Error ? cause.message : String(cause)})`);
    return {};
  }
  return process.env.FEEDS_ALLOW_PRIVATE_HOSTS === undefined ? { FEEDS_ALLOW_PRIVATE_HOSTS: `127.0.0.1:${DEMO_FEEDS_PORT}` } : {};
}

/**
 * Without SMTP_HOST, the CMS's e-mail (address confirmation, password reset) goes to a
 * local catch-all server that keeps each message in cms/.tmp/mail/ and logs it, so that an
 * account can be confirmed on a laptop. Nothing is delivered to anyone.
 */
async function catchMail(): Promise<Record<string, string>> {
  const envFile = path.join(cmsDir, '.env');
  const inEnvFile = fs.existsSync(envFile) && /^\s*SMTP_HOST\s*=\s*\S/m.test(fs.readFileSync(envFile, 'utf8'));
  if (process.env.SMTP_HOST || inEnvFile) return {};
  const dir = path.join(cmsDir, '.tmp', 'mail');
  try {
    const catcher = await startMailCatcher({ dir, log: (line) => console.log(`${colour(33, '[mail]')} ${line}`) });
    say(`no SMTP_HOST: e-mail is not sent but kept in ${path.relative(root, dir)}/ (local SMTP server on port ${catcher.port})`);
    return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(catcher.port), SMTP_SECURE: 'false' };
  } catch (cause) {
    say(`local mail server not started (${cause instanceof Error ? cause.message : String(cause)})`);
    return {};
  }
}

ensureCmsSecrets();
// The website signs visitors' addresses for the CMS's application limit; both get the same secret.
process.env.VISITOR_ADDRESS_SECRET ??= randomBytes(32).toString('base64url');
if (process.env.SKIP_BUILD !== 'true') build();
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
void Promise.all([serveDemoFeeds(), catchMail()]).then(([feedEnv, mailEnv]) => {
  // Strapi's own entry point, run directly so that stopping the child stops Strapi itself.
  const strapiBin = path.join(
    path.dirname(createRequire(path.join(cmsDir, 'package.json')).resolve('@strapi/strapi/package.json')),
    'bin',
    'strapi.js',
  );
  launch('cms', 36, process.execPath, [strapiBin, 'start'], cmsDir, {
    PORT: String(cmsPort),
    // The address links in e-mails and calendar subscriptions point at.
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${cmsPort}`,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    ...feedEnv,
    ...mailEnv,
  });
  launch('web', 35, process.execPath, ['build/index.js'], webDir, {
    PORT: String(webPort),
    ORIGIN: webOrigin,
    CMS_URL: cmsUrl,
  });
  void announceWhenReady();
});
