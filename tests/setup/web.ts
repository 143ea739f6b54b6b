import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './strapi';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningWeb {
  url: string;
  /** The web server's process id. */
  pid: number;
  stop(): Promise<void>;
}

/** Runs the built web app (web/build) against the given CMS, as `npm start` would; `env` adds or overrides settings. */
export async function startWeb(cmsUrl: string, env: Record<string, string> = {}, listenPort?: number): Promise<RunningWeb> {
  const entry = path.join(ROOT, 'web', 'build', 'index.js');
  if (!fs.existsSync(entry)) throw new Error('web/build is missing: run `npm run build -w web` first');
  const port = listenPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, CMS_URL: cmsUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The web app exited early:\n${output}`);
    try {
      await fetch(url, { redirect: 'manual' });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`The web app did not answer on ${url}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
