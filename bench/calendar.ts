/**
 * Calendar and feed benchmark. Starts a CMS on a throwaway SQLite database (the demo
 * community plus one group with 1,000 published events, a tenth of them recurring) in its
 * own process, then measures the group's iCalendar feed:
 *  - cold: the first request after an editor's write (the content version changed),
 *  - cached: later requests for the same URL,
 *  - 304: requests that send the ETag they hold,
 * and the same for the community's Atom feed. Then, in a second CMS with 10,000 groups,
 * the map's GeoJSON: size gzipped, and time cold and cached.
 *
 *   npm run build -w config && npm run build -w plugins/community && npx tsc -p cms/tsconfig.json && npx tsx bench/calendar.ts [rounds=10]
 */
import path from 'node:path';
import { measure, serveEventsCms, spawnCms, stats, timed } from './event-bench';
import { gzipSync } from 'node:zlib';

const EVENTS = 1000;
const SLUG = 'bench-calendar-group';
const rounds = Number(process.argv.find((arg, i) => i > 1 && /^\d+$/.test(arg)) ?? 10);

// ── the CMS side (run with --cms, in its own process) ─────────────────────────────────────

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'];

async function createEvents(strapi: any) {
  const group = await strapi.documents('api::group.group').create({
    data: { name: 'Bench Calendar Group', slug: SLUG, kind: 'working-group', state: 'active', summary: 'A group with a thousand events.', languages: ['en'], timezone: 'Europe/Paris' },
    status: 'published',
  });
  const first = Date.now() - 150 * 86_400_000;
  const ids: string[] = [];
  for (let n = 0; n < EVENTS; n++) {
    const start = new Date(Math.floor((first + n * 86_400_000) / 3_600_000) * 3_600_000 + 17 * 3_600_000);
    const recurring = n % 10 === 0;
    const inPerson = n % 3 !== 0;
    const event = await strapi.documents('api::event.event').create({
      data: {
        title: `Bench meetup ${n}: talks, demos; and questions`,
        slug: `bench-meetup-${n}`,
        description: `## Agenda\n\nTalks about **topic ${n}**, then questions. Notes: [the pad](https://notes.example.org/bench/${n}).\n\nEveryone is welcome — bring a friend, a laptop and your questions about the project.`,
        group: group.documentId,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        timezone: ZONES[n % ZONES.length],
        recurrence: recurring ? 'FREQ=WEEKLY;BYDAY=TU;COUNT=20' : undefined,
        exceptionDates: recurring ? [new Date(start.getTime() + 14 * 86_400_000).toISOString()] : undefined,
        format: inPerson ? 'in-person' : 'online',
        venue: inPerson ? { name: `Venue ${n}`, address: `${n} Main Street, Lyon`, latitude: 45.76 + n / 10_000, longitude: 4.83 } : undefined,
        onlineUrl: inPerson ? undefined : `https://meet.example.net/bench-${n}`,
        type: 'meetup',
        state: n % 50 === 7 ? 'cancelled' : 'scheduled',
        language: 'en',
      },
      status: 'published',
    });
    ids.push(event.documentId);
  }
  return ids;
}

async function main() {
  const self = path.join(__dirname, 'calendar.ts');
  let cms = spawnCms([self, '--cms']);
  try {
    const url = await cms.url();
    const ics = `${url}/api/community/groups/${SLUG}/calendar.ics`;
    const events = (await (await fetch(ics)).text()).split('BEGIN:VEVENT').length - 1;
    console.log(`\n${events} events in the group's calendar; requests from this process, one at a time\n`);
    await measure('group iCalendar (en)', ics, cms, rounds);
    await measure('group iCalendar (fr, texts along the fallback chain)', `${ics}?locale=fr`, cms, rounds);
    await measure('community iCalendar', `${url}/api/community/calendar.ics`, cms, rounds);
    await measure('community Atom feed', `${url}/api/community/activity.atom`, cms, rounds);
  } finally {
    await cms.stop();
  }

  // The demo has 66 groups; bench/cms-server.ts generates the rest.
  cms = spawnCms([path.join(__dirname, 'cms-server.ts')], { GROUPS: String(10_000 - 66) });
  try {
    const url = `${await cms.url()}/api/community/groups.geojson`;
    const cold = await timed(url);
    const cached: number[] = [];
    for (let i = 0; i < 50; i++) cached.push((await timed(url)).ms);
    const plain = await timed(url, { 'accept-encoding': 'identity' });
    const features = JSON.parse(plain.body.toString()).features.length;
    console.log(`\nmap GeoJSON: ${features} groups, ${(plain.body.length / 1024).toFixed(0)} KB raw, ${(gzipSync(plain.body).length / 1024).toFixed(0)} KB gzipped`);
    console.log(`  cold (first request) ${cold.ms.toFixed(0)} ms; cached (50×) ${stats(cached)}`);
  } finally {
    await cms.stop();
  }
}

const run = process.argv.includes('--cms') ? () => serveEventsCms(createEvents) : main;
run().catch((error) => {
  console.error(error);
  process.exit(1);
});
