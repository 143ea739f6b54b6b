export type FeedHealth = 'pending' | 'ok' | 'not-modified' | 'failing' | 'backing-off';

export interface AttemptOutcome {
  ok: boolean;
  notModified?: boolean;
}

export interface BackoffPolicy {
  /** Failures in a row after which the feed is retried less often. */
  backoffAfter: number;
  /** The normal interval between imports, the first delay once backing off. */
  intervalMs: number;
  maxBackoffMs: number;
}

/**
 * A feed's health and when it is next due after an attempt. A success resets the count;
 * failures keep the normal interval until `backoffAfter` in a row, then the delay doubles
 * each time up to `maxBackoffMs`, so a dead feed costs little but is never given up.
 */
export function afterAttempt(
  previousFailures: number,
  outcome: AttemptOutcome,
  policy: BackoffPolicy,
  now: Date,
): { health: FeedHealth; failures: number; nextAttemptAt: Date } {
  if (outcome.ok) {
    return {
      health: outcome.notModified ? 'not-modified' : 'ok',
      failures: 0,
      nextAttemptAt: new Date(now.getTime() + policy.intervalMs),
    };
  }
  const failures = previousFailures + 1;
  if (failures < policy.backoffAfter) {
    return { health: 'failing', failures, nextAttemptAt: new Date(now.getTime() + policy.intervalMs) };
  }
  const doublings = failures - policy.backoffAfter + 1;
  const delay = Math.min(policy.intervalMs * 2 ** doublings, policy.maxBackoffMs);
  return { health: 'backing-off', failures, nextAttemptAt: new Date(now.getTime() + delay) };
}

/** Whether a scheduled run should import the feed now; a run on demand imports every feed. */
export function isDue(nextAttemptAt: string | Date | null | undefined, now: Date): boolean {
  if (!nextAttemptAt) return true;
  return new Date(nextAttemptAt).getTime() <= now.getTime();
}
