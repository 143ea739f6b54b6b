/** What a conditional request upstream gave: a new body, or "yours is still current". */
export type Revalidation<T> =
  | { status: 200; etag: string | null; freshSeconds: number; value: T }
  | { status: 304; freshSeconds: number };

export interface RevalidatingCache<T> {
  /**
   * The cached value while it is fresh; otherwise asks `load` (with the last ETag, so the
   * upstream can answer 304) and keeps what it gives. Concurrent callers share one request.
   * When `load` fails, a value already held is served rather than the failure.
   */
  get(load: (etag: string | null) => Promise<Revalidation<T>>): Promise<T>;
}

/** An in-memory HTTP-style cache of one upstream resource. */
export function revalidatingCache<T>(options: { now?: () => number; onStale?: (cause: unknown) => void } = {}): RevalidatingCache<T> {
  const now = options.now ?? Date.now;
  let held: { value: T; etag: string | null; freshUntil: number } | undefined;
  let pending: Promise<T> | undefined;

  async function refresh(load: (etag: string | null) => Promise<Revalidation<T>>): Promise<T> {
    const asked = now();
    let answer: Revalidation<T>;
    try {
      // Without an ETag there is nothing to revalidate: ask for the whole body.
      answer = await load(held?.etag ?? null);
    } catch (cause) {
      if (!held) throw cause;
      options.onStale?.(cause);
      return held.value;
    }
    const freshUntil = asked + answer.freshSeconds * 1000;
    if (answer.status === 304 && held) {
      held = { ...held, freshUntil };
    } else if (answer.status === 200) {
      held = { value: answer.value, etag: answer.etag, freshUntil };
    } else {
      throw new Error('The upstream answered 304 to an unconditional request');
    }
    return held.value;
  }

  return {
    get(load) {
      if (held && now() < held.freshUntil) return Promise.resolve(held.value);
      pending ??= refresh(load).finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
