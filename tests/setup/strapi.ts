import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CMS_DIR = path.join(ROOT, 'cms');

const require = createRequire(path.join(CMS_DIR, 'package.json'));

export interface RunningCms {
  url: string;
  stop(): Promise<void>;
}

/**
 * Boots the real Strapi application (compiled into cms/dist) in this process and
 * serves it on a free loopback port. The environment must already point at a
 * database and carry the secrets.
 */
export async function startCms(listenPort = 0): Promise<RunningCms> {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist'), serveAdminPanel: false });
  await app.load();
  await new Promise<void>((resolve) => app.server.listen(listenPort, '127.0.0.1', resolve));
  const { port } = app.server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      // Strapi's destroy() drops every process listener, the test runner's included.
      const removeAll = process.removeAllListeners;
      process.removeAllListeners = (() => process) as typeof process.removeAllListeners;
      try {
        await app.destroy();
      } finally {
        process.removeAllListeners = removeAll;
      }
    },
  };
}
