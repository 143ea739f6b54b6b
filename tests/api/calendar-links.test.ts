import { describe, expect, inject, it } from 'vitest';
import { api } from './client';

/** A page of the built website, as a browser without JavaScript gets it. */
async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${inject('webUrl')}${path}`, { headers: { connection: 'close', ...headers }, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const unescape = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => unescape(m[1]!));
const feedLinks = (html: string) =>
  [...html.matchAll(/<link [^>]*type="application\/atom\+xml"[^>]*>/g)].map((m) => unescape(/href="([^"]+)"/.exec(m[0])![1]!));

const cms = () => inject('cmsUrl');
const webcal = (url: string) => url.replace(/^https?:/, 'webcal:');

describe('calendar subscriptions on the website', () => {
  it('offer a group’s calendar (webcal: and plain) and its Atom feed on the group page', async () => {
    const html = (await page('/fr/groups/documentation-working-group')).text;
    const calendar = `${cms()}/api/community/groups/documentation-working-group/calendar.ics?locale=fr`;
    expect(hrefs(html)).toContain(calendar);
    expect(hrefs(html)).toContain(webcal(calendar));
    expect(html).toContain('S’abonner à l’agenda');
    expect(feedLinks(html)).toEqual([`${cms()}/api/community/groups/documentation-working-group/activity.atom?locale=fr`]);
    // The links lead somewhere real.
    const ics = await fetch(calendar);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  });

  it('offer each working group’s calendar on the working-groups page', async () => {
    const html = (await page('/de/working-groups')).text;
    const groups = (await api.get('/api/groups?filters[kind][$eq]=working-group&fields[0]=slug&pagination[pageSize]=100')).body.data as { slug: string }[];
    expect(groups.length).toBeGreaterThan(2);
    for (const { slug } of groups) {
      const calendar = `${cms()}/api/community/groups/${slug}/calendar.ics?locale=de`;
      expect(hrefs(html), slug).toContain(webcal(calendar));
      expect(hrefs(html), slug).toContain(calendar);
    }
  });

  it('offer the community calendar with the chosen filters on the events page', async () => {
    const html = (await page('/es/events?kind=working-group&format=online&q=call')).text;
    const calendar = `${cms()}/api/community/calendar.ics?locale=es&kind=working-group&format=online`;
    expect(hrefs(html)).toContain(calendar);
    expect(hrefs(html)).toContain(webcal(calendar));
    const unfiltered = (await page('/es/events')).text;
    expect(hrefs(unfiltered)).toContain(`${cms()}/api/community/calendar.ics?locale=es`);
    expect((await fetch(calendar)).status).toBe(200);
  });

  it('name the community’s Atom feed in the home page’s head', async () => {
    const html = (await page('/ja')).text;
    const [feed] = feedLinks(html);
    expect(feed).toBe(`${cms()}/api/community/activity.atom?locale=ja`);
    const response = await fetch(feed!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  });
});

describe('an event’s calendar file on the website', () => {
  const slug = 'documentation-wg-summit-docs-sprint';

  it('is the file the CMS writes, offered as a download, with its ETag', async () => {
    const [event] = (await api.get(`/api/events?filters[slug][$eq]=${slug}&fields[0]=slug`)).body.data as { documentId: string }[];
    const direct = await api.get(`/api/community/events/${event!.documentId}/calendar.ics?locale=pt-BR`, { headers: { 'accept-encoding': 'identity' } });
    const file = await page(`/pt-BR/events/${slug}/event.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${slug}.ics"`);
    expect(file.text).toBe(direct.text);
    expect(file.headers.get('etag')).toBe(direct.headers.get('etag'));
    expect(file.headers.get('last-modified')).toBe(direct.headers.get('last-modified'));
    const again = await page(`/pt-BR/events/${slug}/event.ics`, { 'if-none-match': file.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('is a 404 for an unknown event', async () => {
    expect((await page('/en/events/no-such-event/event.ics')).status).toBe(404);
  });
});
