/**
 * What the calendar and occurrences benchmarks share: a CMS with generated events in a
 * process of its own, which makes an editor's write on request, and the cold / cached /
 * 304 measurement of one URL.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { gzipSync } from 'node:zlib';

export async function serveEventsCms(createEvents: (strapi: any) => Promise<string[]>) {
  const { createTestDatabase } = await import('../tests/setup/database');
  const { testSecrets } = await import('../tests/setup/secrets');
  const { startCms } = await import('../tests/setup/strapi');
  const database = await createTestDatabase('sqlite');
  Object.assign(process.env, database.env, testSecrets(), { HOST: '127.0.0.1', LOG_LEVEL: 'error', CRON_ENABLED: 'false' });
  const cms = await startCms();
  const strapi = (globalThis as any).strapi;
  const started = performance.now();
  const ids = await createEvents(strapi);
  console.error(`created ${ids.length} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const stop = async () => {
    await cms.stop();
    await database.drop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  // Each "write" line is an editor's change to one event: saved and published, as in the admin.
  let writes = 0;
  readline.createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line !== 'write') return;
    const documentId = ids[writes++ % ids.length];
    await strapi.documents('api::event.event').update({ documentId, data: { title: `Bench event, edited ${writes}` } });
    await strapi.documents('api::event.event').publish({ documentId });
    console.log('WROTE');
  });
  console.log(`CMS ${cms.url}`);
}

export function spawnCms(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  return {
    child,
    async url(): Promise<string> {
      const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the benchmark CMS exited (${code})`))));
      for (;;) {
        const line = await Promise.race([next(), exited]);
        const match = /^CMS (\S+)$/.exec(line);
        if (match) return match[1]!;
      }
    },
    async write() {
      child.stdin!.write('write\n');
      while ((await next()) !== 'WROTE');
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function timed(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - t0, response, body };
}

export const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return `median ${at(50).toFixed(1).padStart(6)} ms   p95 ${at(95).toFixed(1).padStart(6)} ms   max ${sorted[sorted.length - 1]!.toFixed(1).padStart(6)} ms`;
};

/** Cold (first request after an editor's write), cached and 304 times of one URL, printed. */
export async function measure(name: string, url: string, cms: ReturnType<typeof spawnCms>, rounds: number) {
  // The first answer of a fresh process also compiles code and reads zone data: not what a running site pays.
  await timed(url);
  const cold: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await cms.write();
    cold.push((await timed(url)).ms);
  }
  const cached: number[] = [];
  let last = await timed(url);
  for (let i = 0; i < 200; i++) cached.push((last = await timed(url)).ms);
  const etag = last.response.headers.get('etag')!;
  const revalidated: number[] = [];
  let status = 0;
  for (let i = 0; i < 200; i++) {
    const answer = await timed(url, { 'if-none-match': etag });
    status = answer.response.status;
    revalidated.push(answer.ms);
  }
  const plain = await timed(url, { 'accept-encoding': 'identity' });
  console.log(`${name}: ${(plain.body.length / 1024).toFixed(0)} KB, ${(gzipSync(plain.body).length / 1024).toFixed(0)} KB gzipped`);
  console.log(`  cold (first request after a write, ${rounds}×)  ${stats(cold)}`);
  console.log(`  cached (200×)                            ${stats(cached)}`);
  console.log(`  304 with If-None-Match (200×, ${status})       ${stats(revalidated)}`);
}
