import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CmsInstance {
  url: string;
  pid: number;
  /** Stops it as an operator would (SIGTERM), waiting for it to finish its work. */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash or a lost machine would. */
  kill(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts a CMS instance in its own process with `env` on top of this process's environment. */
export async function startCmsInstance(env: Record<string, string>): Promise<CmsInstance> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'cms-instance.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /^CMS (\S+)$/m.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`a CMS instance exited (${code}):\n${output}`)));
  });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(name);
    await ended;
  };
  return { url, pid: child.pid!, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
