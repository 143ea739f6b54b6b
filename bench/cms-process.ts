import { spawn } from 'node:child_process';
import path from 'node:path';

/** Starts bench/cms-server.ts with `groups` generated groups (and `env` on top) and waits for its URL. */
export async function startBenchCms(groups: number, env: Record<string, string> = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'cms-server.ts')], {
    env: { ...process.env, GROUPS: String(groups), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
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
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

