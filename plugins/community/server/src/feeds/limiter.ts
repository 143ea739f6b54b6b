/** Runs async work with at most `limit` tasks at once; the rest wait in order. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive whole number, got ${limit}`);
  let active = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    active -= 1;
    const next = queue.shift();
    if (next) {
      active += 1;
      next();
    }
  };

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** One limiter overall and one per key (a host), so one slow host cannot take every slot. */
export function createKeyedLimiter(overall: number, perKey: number) {
  const all = createLimiter(overall);
  const byKey = new Map<string, Limiter>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      let limiter = byKey.get(key);
      if (!limiter) {
        limiter = createLimiter(perKey);
        byKey.set(key, limiter);
      }
      const own = limiter;
      // The per-key slot is taken first, so a task waiting for its host holds no overall slot.
      return own
        .run(() => all.run(task))
        .finally(() => {
          if (own.active === 0 && own.waiting === 0) byKey.delete(key);
        });
    },
    get active() {
      return all.active;
    },
  };
}
