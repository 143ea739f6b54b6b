/** Two years, the figure browsers' HSTS preload lists ask for. */
const HSTS_MAX_AGE = 63_072_000;

/**
 * The headers every answer carries besides the Content-Security-Policy (which SvelteKit
 * writes from `kit.csp` in svelte.config.js). HSTS only when the site is served over https:
 * a browser ignores it on http, and sending it from a test or local address would be wrong.
 */
export function securityHeaders(publicUrl: URL): [string, string][] {
  const headers: [string, string][] = [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    // For browsers that predate the CSP's frame-ancestors.
    ['x-frame-options', 'DENY'],
  ];
  if (publicUrl.protocol === 'https:') headers.push(['strict-transport-security', `max-age=${HSTS_MAX_AGE}`]);
  return headers;
}

/**
 * The page's CSP as built, plus `http:` images when the site itself is served over plain
 * http (a local or test install, whose CMS and photo hosts are http too). An https page's
 * http images are upgraded to https by the browser before the CSP looks at them.
 */
export function policyFor(publicUrl: URL, policy: string): string {
  if (publicUrl.protocol !== 'http:') return policy;
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .map((directive) => (directive.startsWith('img-src ') && !directive.split(' ').includes('http:') ? `${directive} http:` : directive))
    .join('; ');
}

/** `response` with the security headers set; a copy when its headers are read-only (a fetched answer passed on). */
export function withSecurityHeaders(response: Response, publicUrl: URL): Response {
  let secured = response;
  try {
    apply(secured.headers, publicUrl);
  } catch {
    secured = new Response(response.body, response);
    apply(secured.headers, publicUrl);
  }
  return secured;
}

function apply(headers: Headers, publicUrl: URL) {
  for (const [name, value] of securityHeaders(publicUrl)) headers.set(name, value);
  const policy = headers.get('content-security-policy');
  if (policy) headers.set('content-security-policy', policyFor(publicUrl, policy));
}
