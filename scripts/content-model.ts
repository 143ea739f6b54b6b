import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { renderContentModel } from '../plugins/community/server/src/openapi/content-model';

/**
 * `npm run content-model`: writes cms/CONTENT-MODEL.md from the API description of a CMS
 * booted on a throwaway empty database (the compiled CMS and plugin must be built first).
 */
const root = path.resolve(__dirname, '..');
const cmsDir = path.join(root, 'cms');
export const CONTENT_MODEL_FILE = path.join(cmsDir, 'CONTENT-MODEL.md');

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterhouse-content-model-'));
  const secret = () => randomBytes(16).toString('base64');
  Object.assign(process.env, {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dataDir, 'data.db'),
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    SEED_DEMO: 'false',
    CRON_ENABLED: 'false',
    LOG_LEVEL: 'error',
  });
  const { createStrapi } = createRequire(path.join(cmsDir, 'package.json'))('@strapi/strapi');
  const strapi = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), serveAdminPanel: false });
  try {
    await strapi.load();
    const document = await strapi.plugin('community').service('api-description').document();
    fs.writeFileSync(CONTENT_MODEL_FILE, renderContentModel(document));
    console.log(`wrote ${path.relative(root, CONTENT_MODEL_FILE)}`);
  } finally {
    await strapi.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
