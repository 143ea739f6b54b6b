import { describe, expect, it } from 'vitest';
import { revalidatingCache, type Revalidation } from './revalidating-cache';

/** An upstream that answers from a script, recording the ETag it was asked with each time. */
function upstream(answers: (Revalidation<string> | Error)[]) {
  const asked: (string | null)[] = [];
  const load = async (etag: string | null) => {
    asked.push(etag);
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { asked, load };
}

const ok = (value: string, etag: string | null, freshSeconds = 0): Revalidation<string> => ({ status: 200, etag, freshSeconds, value });
const notModified = (freshSeconds = 0): Revalidation<string> => ({ status: 304, freshSeconds });

describe('revalidatingCache', () => {
  it('asks for the whole body first, then revalidates with the ETag it holds', async () => {
    const cache = revalidatingCache<string>();
    const { asked, load } = upstream([ok('v1', '"1"'), notModified(), ok('v2', '"2"'), notModified()]);
    expect(await cache.get(load)).toBe('v1');
    expect(await cache.get(load)).toBe('v1');
    expect(await cache.get(load)).toBe('v2');
    expect(await cache.get(load)).toBe('v2');
    expect(asked).toEqual([null, '"1"', '"1"', '"2"']);
  });

  it('does not ask again while the upstream’s max-age lasts', async () => {
    let now = 1_000_000;
    const cache = revalidatingCache<string>({ now: () => now });
    const { asked, load } = upstream([ok('v1', '"1"', 60), notModified(60), ok('v2', '"2"', 60)]);
    expect(await cache.get(load)).toBe('v1');
    now += 59_000;
    expect(await cache.get(load)).toBe('v1');
    expect(asked).toHaveLength(1);
    now += 2_000;
    expect(await cache.get(load)).toBe('v1');
    expect(asked).toEqual([null, '"1"']);
    now += 59_000;
    expect(await cache.get(load)).toBe('v1');
    now += 2_000;
    expect(await cache.get(load)).toBe('v2');
  });

  it('shares one upstream request between concurrent callers', async () => {
    const cache = revalidatingCache<string>();
    const { asked, load } = upstream([ok('v1', '"1"')]);
    expect(await Promise.all([cache.get(load), cache.get(load), cache.get(load)])).toEqual(['v1', 'v1', 'v1']);
    expect(asked).toHaveLength(1);
  });

  it('serves what it holds when the upstream fails, and fails when it holds nothing', async () => {
    const stale: unknown[] = [];
    const cache = revalidatingCache<string>({ onStale: (cause) => stale.push(cause) });
    const { load } = upstream([new Error('down'), ok('v1', '"1"'), new Error('down again'), notModified()]);
    await expect(cache.get(load)).rejects.toThrow('down');
    expect(await cache.get(load)).toBe('v1');
    expect(await cache.get(load)).toBe('v1');
    expect(stale).toHaveLength(1);
    expect(await cache.get(load)).toBe('v1');
  });

  it('keeps a body without an ETag and asks for the whole body again next time', async () => {
    const cache = revalidatingCache<string>();
    const { asked, load } = upstream([ok('v1', null), ok('v2', null)]);
    expect(await cache.get(load)).toBe('v1');
    expect(await cache.get(load)).toBe('v2');
    expect(asked).toEqual([null, null]);
  });
});
