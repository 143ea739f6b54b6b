import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { expect } from 'vitest';

const DAY = 86_400_000;

/**
 * The events a member's calendar of these groups must hold, read from the plain REST API of
 * the CMS at `cmsUrl`: those not ended more than 183 days ago, and every series. documentId → title.
 */
export async function expectedEvents(cmsUrl: string, slugs: string[], locale = 'en'): Promise<Map<string, string>> {
  const from = Math.floor(Date.now() / DAY) * DAY - 183 * DAY;
  const expected = new Map<string, string>();
  for (const slug of slugs) {
    const response = await fetch(
      `${cmsUrl}/api/events?locale=${locale}&filters[group][slug][$eq]=${slug}&fields[0]=title&fields[1]=endsAt&fields[2]=recurrence&pagination[pageSize]=100`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { documentId: string; title: string; endsAt: string; recurrence: string | null }[] };
    for (const event of body.data) {
      if (event.recurrence || Date.parse(event.endsAt) >= from) expected.set(event.documentId, event.title);
    }
  }
  return expected;
}

/** The calendar's events as ical.js and node-ical read them; both must agree. documentId → summary. */
export function parsedEvents(ics: string): Map<string, string> {
  const component = new ICAL.Component(ICAL.parse(ics));
  expect(component.name).toBe('vcalendar');
  const byIcalJs = component
    .getAllSubcomponents('vevent')
    .filter((vevent) => !vevent.hasProperty('recurrence-id'))
    .map((vevent) => new ICAL.Event(vevent));
  const byNodeIcal = Object.values(nodeIcal.sync.parseICS(ics)).filter((item): item is nodeIcal.VEvent => item?.type === 'VEVENT');
  expect(byNodeIcal.map((event) => event.uid).sort()).toEqual(byIcalJs.map((event) => event.uid).sort());
  return new Map(byIcalJs.map((event) => [event.uid.split('@')[0]!, event.summary]));
}
