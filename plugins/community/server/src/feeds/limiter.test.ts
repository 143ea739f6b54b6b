import { describe, expect, it } from 'vitest';
import { createKeyedLimiter, createLimiter } from './limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('runs at most `limit` tasks at once and the rest in order', async () => {
    const limiter = createLimiter(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const results = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        running += 1;
        most = Math.max(most, running);
        await gate.promise;
        running -= 1;
        return index;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});

describe('createKeyedLimiter', () => {
  it('bounds each key and all keys together', async () => {
    const limiter = createKeyedLimiter(3, 2);
    const gate = deferred();
    const running = new Map<string, number>();
    let most = 0;
    const mostPerKey = new Map<string, number>();
    const task = (key: string) =>
      limiter.run(key, async () => {
        running.set(key, (running.get(key) ?? 0) + 1);
        mostPerKey.set(key, Math.max(mostPerKey.get(key) ?? 0, running.get(key)!));
        most = Math.max(most, [...running.values()].reduce((a, b) => a + b, 0));
        await gate.promise;
        running.set(key, running.get(key)! - 1);
      });
    const all = [...Array(4)].flatMap(() => [task('a.example'), task('b.example')]);
    await tick();
    expect(limiter.active).toBe(3);
    gate.resolve();
    await Promise.all(all);
    expect(most).toBe(3);
    expect(mostPerKey.get('a.example')).toBe(2);
    expect(mostPerKey.get('b.example')).toBeLessThanOrEqual(2);
  });
});
