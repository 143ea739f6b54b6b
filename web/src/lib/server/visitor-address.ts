import { createHmac } from 'node:crypto';

/** The header the CMS reads the visitor's address from (the community plugin's server/src/members/client-address.ts). */
export const VISITOR_HEADER = 'x-visitor-address';

/**
 * The header value that vouches to the CMS for the visitor's address, so that the CMS
 * limits applications per visitor rather than per web server: the address and the time,
 * signed with the secret the CMS shares (VISITOR_ADDRESS_SECRET). Undefined without a
 * usable secret: the CMS then counts the web server's own address.
 */
export function visitorAddressHeader(address: string, secret: string | undefined, now = Date.now()): string | undefined {
  if (!secret || secret.length < 16 || !address) return undefined;
  const seconds = Math.floor(now / 1000);
  const signature = createHmac('sha256', secret).update(`visitor-address;${address};${seconds}`).digest('base64url');
  return `${address};${seconds};${signature}`;
}
