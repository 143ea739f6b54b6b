import { spawn } from 'node:child_process';
import path from 'node:path';

export interface BenchCms {
  url: string;
  /** The CMS's process id. */
  pid: number;
  /** Database queries and HTTP requests the CMS has seen so far. */
  counts(): Promise<{ queries: number; requests: number }>;
  /** Changes the content version: every cached answer, here and on the website, is a first one again. */
  bump(): Promise<void>;
  /** A session token of a demo member, as the website keeps it in its cookie. */
  memberSession(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts bench/cms-server.ts with `groups` generated groups (and `env` on top) and waits for its URL. */
export async function startBenchCms(groups: number, env: Record<string, string> = {}): Promise<BenchCms> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'cms-server.ts')], {
    env: { ...process.env, GROUPS: String(groups), ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const ask = <T>(message: string, key: string) =>
    new Promise<T>((resolve) => {
      const listener = (reply: any) => {
        if (reply && key in reply) {
          child.off('message', listener);
          resolve(reply[key]);
        }
      };
      child.on('message', listener);
      child.send(message);
    });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /^CMS (\S+)$/m.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the benchmark CMS exited (${code}):\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    counts: () => ask('counts', 'counts'),
    bump: () => ask<boolean>('bump', 'bumped').then(() => undefined),
    memberSession: () => ask<string>('member', 'member'),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

