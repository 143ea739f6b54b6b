import { createHash } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { startWeb } from '../setup/web';

const web = (path: string) => fetch(`${inject('webUrl')}${path}`, { redirect: 'manual' });

/** A CSP header as its directives: name → sources. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the website’s security headers', () => {
  it('send a CSP with pages that allows the page’s own scripts only, and no framing', async () => {
    // The start-a-group form is rendered for each visitor; the group directory is reused from the page cache on the second visit.
    for (const path of ['/en/start-a-group', '/fr/groups', '/fr/groups', '/ja/map']) {
      const response = await web(path);
      expect(response.status, path).toBe(200);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'none'"]);
      expect(csp.get('form-action'), path).toEqual(["'self'"]);
      const scripts = csp.get('script-src') ?? [];
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      // The one inline script of the page, the one that starts hydration, is allowed by its hash.
      const html = await response.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(inline.length, path).toBeGreaterThan(0);
      for (const script of inline) expect(scripts, path).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
      expect(html, path).not.toMatch(/\snonce="/);
      // This test site is served over http: its images may be too; https images always are.
      expect(csp.get('img-src'), path).toEqual(expect.arrayContaining(["'self'", 'https:', 'http:']));
    }
  });

  it('forbid sniffing and framing and keep paths out of other sites’ referrers, on pages, endpoints and 404s alike', async () => {
    for (const path of ['/en', '/en/groups/paris-user-group', '/map/points.json', '/sitemap.xml', '/robots.txt', '/en/no-such-page', '/']) {
      const response = await web(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      // The test site's public address is http: no HSTS (browsers would ignore it there anyway).
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('ask browsers for https only when the public address is https', async () => {
    const site = await startWeb(inject('cmsUrl'), { ORIGIN: 'https://groups.example.org' });
    try {
      for (const path of ['/en/groups', '/map/points.json', '/en/no-such-page']) {
        const response = await fetch(`${site.url}${path}`, { redirect: 'manual' });
        expect(response.headers.get('strict-transport-security'), path).toBe('max-age=63072000');
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
      const page = await fetch(`${site.url}/en/groups`);
      // Over https the browser upgrades http images itself: the policy names no plain-http source.
      expect(directives(page.headers.get('content-security-policy')).get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    } finally {
      await site.stop();
    }
  });
});
