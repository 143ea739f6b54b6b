import http from 'node:http';

/** Throughput and latency of one load run. */
export interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<number, number>;
}

/** One GET over a kept-alive connection; resolves with the status once the body is read. */
export function get(agent: http.Agent, url: string, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'accept-encoding': 'identity', ...(cookie ? { cookie } : {}) };
    const request = http.get(url, { agent, headers }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * `count` GETs over `concurrency` kept-alive connections, cycling through `urls`. The
 * client is Node's own http module, the cheapest one at hand, since it shares the cores.
 */
export async function load(urls: string[], options: { count: number; concurrency: number; cookie?: string }): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.count) {
        const url = urls[next++ % urls.length]!;
        const t0 = performance.now();
        const status = await get(agent, url, options.cookie);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { rps: options.count / seconds, p50: at(50), p95: at(95), p99: at(99), statuses };
}
