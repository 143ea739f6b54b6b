import type { TestProject } from 'vitest/node';
import { createTestDatabase, type DatabaseKind } from './database';
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
  }
}

/**
 * One real CMS (with the demo content, seeded on its first start) and one built web
 * app for the whole run, on a throwaway database chosen by TEST_DB (sqlite or postgres).
 */
export default async function setup(project: TestProject) {
  const kind = (process.env.TEST_DB ?? 'sqlite') as DatabaseKind;
  const database = await createTestDatabase(kind);
  const cmsEnv = {
    ...database.env,
    ...testSecrets(),
    HOST: '127.0.0.1',
    CRON_ENABLED: 'false',
    // Three for tests/api/validation.test.ts's flood check, three for the web form's tests.
    GROUP_APPLICATION_LIMIT: '6',
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  Object.assign(process.env, cmsEnv);
  const cms = await startCms();
  const web = await startWeb(cms.url);
  const adminToken = await registerFirstAdmin(cms.url);
  project.provide('cmsUrl', cms.url);
  project.provide('webUrl', web.url);
  project.provide('database', kind);
  project.provide('cmsEnv', cmsEnv);
  project.provide('adminToken', adminToken);
  return async () => {
    await web.stop();
    await cms.stop();
    await database.drop();
  };
}
