import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The client address the sign-in and account routes count their limits for: the visitor
 * the website vouches for in `x-visitor-address` (`<address>;<unix seconds>;<HMAC>`,
 * signed with VISITOR_ADDRESS_SECRET, which only the website and the CMS know), else the
 * address of the connection. It reads the header exactly as the group applications do
 * (cms/src/api/group-application/visitor-address.ts; the website signs it in
 * web/src/lib/server/visitor-address.ts).
 */
export const VISITOR_HEADER = 'x-visitor-address';
const MAX_SKEW_SECONDS = 300;
const MIN_SECRET_LENGTH = 16;

const normalize = (address: string) => {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
};

function vouched(header: unknown, secret: string | undefined, now: number): string | undefined {
  if (!secret || secret.length < MIN_SECRET_LENGTH || typeof header !== 'string') return undefined;
  const match = /^([0-9A-Fa-f:.]{2,45});(\d{1,12});([\w-]{43})$/.exec(header.trim());
  if (!match) return undefined;
  const [, address, time, given] = match as unknown as [string, string, string, string];
  if (!isIP(address)) return undefined;
  const seconds = Number(time);
  if (Math.abs(now / 1000 - seconds) > MAX_SKEW_SECONDS) return undefined;
  const expected = Buffer.from(createHmac('sha256', secret).update(`visitor-address;${address};${seconds}`).digest('base64url'));
  const received = Buffer.from(given);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return undefined;
  return normalize(address);
}

export function clientAddress(ctx: { get(name: string): string; request: { ip: string } }, secret = process.env.VISITOR_ADDRESS_SECRET): string {
  return vouched(ctx.get(VISITOR_HEADER), secret, Date.now()) ?? normalize(ctx.request.ip);
}
