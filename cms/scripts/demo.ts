import path from 'node:path';
import { createStrapi } from '@strapi/strapi';
import { resetDemo, seedDemo } from '../src/seed';

/**
 * `node dist/scripts/demo.js seed` loads whatever of the demo community is missing;
 * `node dist/scripts/demo.js reset` removes all portal content and loads the demo anew.
 */
async function main(command: string | undefined) {
  if (command !== 'seed' && command !== 'reset') {
    console.error('usage: node dist/scripts/demo.js seed|reset');
    return 2;
  }
  const appDir = path.resolve(__dirname, '..', '..');
  process.env.SEED_DEMO = 'false';
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const report = command === 'reset' ? await resetDemo(app) : await seedDemo(app);
    console.log(JSON.stringify({ command, created: report.created }));
  } finally {
    await app.destroy();
  }
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
