import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The header in which the website passes on the address of the visitor it calls the CMS
 * for: `<address>;<unix seconds>;<HMAC-SHA256, base64url>`, signed with
 * VISITOR_ADDRESS_SECRET, which the website and the CMS share and nobody else knows.
 * The website's side is web/src/lib/server/visitor-address.ts.
 */
export const VISITOR_HEADER = 'x-visitor-address';

/** A signed address older (or further in the future) than this is not believed. */
export const MAX_SKEW_SECONDS = 300;

/** Shorter secrets are treated as none: they could be guessed. */
export const MIN_SECRET_LENGTH = 16;

export function signature(secret: string, address: string, seconds: number): string {
  return createHmac('sha256', secret).update(`visitor-address;${address};${seconds}`).digest('base64url');
}

/** One spelling per address: an IPv4 address reached over IPv6 sockets counts as itself. */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/**
 * The visitor address that the header vouches for, or undefined when there is no secret,
 * no header, or the header is malformed, stale or not signed with the secret — a caller
 * that is not the website cannot choose the address it is counted as.
 */
export function vouchedAddress(header: unknown, secret: string | undefined, now = Date.now()): string | undefined {
  if (!secret || secret.length < MIN_SECRET_LENGTH || typeof header !== 'string') return undefined;
  const match = /^([0-9A-Fa-f:.]{2,45});(\d{1,12});([\w-]{43})$/.exec(header.trim());
  if (!match) return undefined;
  const [, address, time, given] = match as unknown as [string, string, string, string];
  if (!isIP(address)) return undefined;
  const seconds = Number(time);
  if (Math.abs(now / 1000 - seconds) > MAX_SKEW_SECONDS) return undefined;
  const expected = Buffer.from(signature(secret, address, seconds));
  const received = Buffer.from(given);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return undefined;
  return normalizeAddress(address);
}

/**
 * The client address that limits count (sign-in, account e-mails, applications): the visitor
 * the website vouches for, else the address of the connection.
 */
export function clientAddress(ctx: { get(name: string): string; request: { ip: string } }, secret = process.env.VISITOR_ADDRESS_SECRET): string {
  return vouchedAddress(ctx.get(VISITOR_HEADER), secret) ?? normalizeAddress(ctx.request.ip);
}
