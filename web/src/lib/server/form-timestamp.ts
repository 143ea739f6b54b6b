import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A signed "form shown at" stamp: a form sent back sooner than a person could fill it
 * in, or with a stamp we did not sign, is refused. The secret comes from FORM_SECRET;
 * without one, each process makes its own (stamps then do not survive a restart or
 * cross instances, which only costs a visitor a resubmit).
 */
export function createFormStamper(secret: string | undefined) {
  const key = secret && secret.length >= 16 ? secret : randomBytes(32).toString('hex');
  const sign = (time: number, nonce: string) => createHmac('sha256', key).update(`start-a-group:${time}:${nonce}`).digest('base64url');

  return {
    /** A stamp for a form shown now; each is unique, so the CMS can take one application per stamp. */
    issue(now = Date.now()): string {
      const nonce = randomBytes(9).toString('base64url');
      return `${now}.${nonce}.${sign(now, nonce)}`;
    },
    /** Why a stamp is not acceptable (`invalid`, `too-fast`, `expired`), or undefined when it is. */
    check(
      stamp: unknown,
      options: { now?: number; minMs: number; maxMs: number },
    ): 'invalid' | 'too-fast' | 'expired' | undefined {
      if (typeof stamp !== 'string') return 'invalid';
      const match = /^(\d{1,15})\.([\w-]{12})\.([\w-]{43})$/.exec(stamp);
      if (!match) return 'invalid';
      const time = Number(match[1]);
      const expected = Buffer.from(sign(time, match[2]!));
      const given = Buffer.from(match[3]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
      const age = (options.now ?? Date.now()) - time;
      if (age < options.minMs) return 'too-fast';
      if (age > options.maxMs) return 'expired';
      return undefined;
    },
  };
}
