import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, type DatabaseKind } from './database';
import { freePort } from './ports';
import { testSecrets } from './secrets';
import { startCms } from './strapi';
import { startWeb } from './web';

async function registerFirstAdmin(cmsUrl: string): Promise<string> {
  const response = await fetch(`${cmsUrl}/admin/register-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ firstname: 'Eda', lastname: 'Editor', email: 'editor@example.org', password: 'Editor-passw0rd' }),
  });
  const body = (await response.json()) as { data?: { token?: string } };
  if (!response.ok || !body.data?.token) throw new Error(`Could not register the first admin: ${JSON.stringify(body)}`);
  return body.data.token;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string;
    webUrl: string;
    database: DatabaseKind;
    cmsEnv: Record<string, string>;
    /** A JWT of the first admin (an editor), for the admin API. */
    adminToken: string;
    /** The CMS's temporary folder, of its own, so tests can see what it leaves there. */
    cmsTmpDir: string;
    /** The port of the feed fixture server that the importer may reach (FEEDS_ALLOW_PRIVATE_HOSTS). */
    feedPort: number;
    /** The port of the SMTP server the CMS sends account e-mail to; nothing listens there unless a test starts one. */
    mailPort: number;
  }
}

/**
 * One real CMS (with the demo content, seeded on its first start) and one built web
 * app for the whole run, on a throwaway database chosen by TEST_DB (sqlite or postgres).
 */
export default async function setup(project: TestProject) {
  const kind = (process.env.TEST_DB ?? 'sqlite') as DatabaseKind;
  const database = await createTestDatabase(kind);
  const feedPort = await freePort();
  // The CMS knows its own address from its configuration (HOST and PORT), as in production.
  const cmsPort = await freePort();
  const webPort = await freePort();
  const mailPort = await freePort();
  const cmsEnv = {
    ...database.env,
    ...testSecrets(),
    HOST: '127.0.0.1',
    PORT: String(cmsPort),
    // The website's address, as the CMS links to it and lets it read and post.
    PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}`,
    CRON_ENABLED: 'false',
    // Three for tests/api/validation.test.ts's flood check, three for the web form's tests.
    GROUP_APPLICATION_LIMIT: '6',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Only the fixture server's own host:port; the tests prove nothing else private is let through.
    FEEDS_ALLOW_PRIVATE_HOSTS: `127.0.0.1:${feedPort}`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailPort),
  };
  Object.assign(process.env, cmsEnv);
  const previousTmp = process.env.TMPDIR;
  const cmsTmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterhouse-cms-tmp-'));
  process.env.TMPDIR = cmsTmpDir;
  const cms = await startCms(cmsPort);
  const web = await startWeb(cms.url, {}, webPort);
  const adminToken = await registerFirstAdmin(cms.url);
  project.provide('cmsUrl', cms.url);
  project.provide('webUrl', web.url);
  project.provide('database', kind);
  project.provide('cmsEnv', cmsEnv);
  project.provide('adminToken', adminToken);
  project.provide('feedPort', feedPort);
  project.provide('cmsTmpDir', cmsTmpDir);
  project.provide('mailPort', mailPort);
  return async () => {
    await web.stop();
    await cms.stop();
    await database.drop();
    fs.rmSync(cmsTmpDir, { recursive: true, force: true });
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  };
}
