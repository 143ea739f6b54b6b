/**
 * Occurrences benchmark. Starts a CMS on a throwaway SQLite database (the demo community
 * plus one group with 5,000 published events, 500 of them recurring weekly) in its own
 * process, then measures `GET /api/community/occurrences` for the next 90 days of the
 * whole community calendar, first page of 100, and the same with `distinct=event` (one row per
 * event at its next occurrence, no end to the window: what the events list, home and group
 * pages ask for), first page of 20, a text search among them, and one group's past events:
 *  - cold: the first request after an editor's write (the content version changed),
 *  - cached: later requests for the same URL,
 *  - 304: requests that send the ETag they hold.
 *
 *   npm run build -w config && npm run build -w plugins/community && npx tsc -p cms/tsconfig.json && npx tsx bench/occurrences.ts [rounds=10]
 */
import path from 'node:path';
import { measure, serveEventsCms, spawnCms } from './event-bench';

const EVENTS = 5000;
const SLUG = 'bench-occurrences-group';
const rounds = Number(process.argv.find((arg, i) => i > 1 && /^\d+$/.test(arg)) ?? 10);

// ── the CMS side (run with --cms, in its own process) ─────────────────────────────────────

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'Africa/Casablanca', 'UTC'];

async function createEvents(strapi: any) {
  const group = await strapi.documents('api::group.group').create({
    data: { name: 'Bench Occurrences Group', slug: SLUG, kind: 'user-group', state: 'active', summary: 'A group with five thousand events.', languages: ['en'], timezone: 'Europe/Paris' },
    status: 'published',
  });
  const first = Date.now() - 100 * 86_400_000;
  const ids: string[] = [];
  for (let n = 0; n < EVENTS; n++) {
    const recurring = n % 10 === 0;
    // A weekly series starts on a Tuesday, its rule's own day; one-off events spread over about 14 months.
    let start = new Date(Math.floor((first + (n % 420) * 86_400_000) / 86_400_000) * 86_400_000 + 17 * 3_600_000);
    if (recurring) start = new Date(start.getTime() + ((2 - start.getUTCDay() + 7) % 7) * 86_400_000);
    const event = await strapi.documents('api::event.event').create({
      data: {
        title: `Bench event ${n}`,
        slug: `bench-occurrence-${n}`,
        group: group.documentId,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        timezone: recurring ? 'UTC' : ZONES[n % ZONES.length],
        recurrence: recurring ? 'FREQ=WEEKLY;BYDAY=TU' : undefined,
        format: n % 3 ? 'in-person' : 'online',
        type: 'meetup',
        state: 'scheduled',
        language: 'en',
      },
      status: 'published',
    });
    ids.push(event.documentId);
  }
  return ids;
}

async function main() {
  const cms = spawnCms([path.join(__dirname, 'occurrences.ts'), '--cms']);
  try {
    const url = await cms.url();
    const from = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const to = new Date(from.getTime() + 90 * 86_400_000);
    const query = `from=${from.toISOString()}&to=${to.toISOString()}&pagination[pageSize]=100`;
    const first = await (await fetch(`${url}/api/community/occurrences?${query}`)).json();
    console.log(`\n${first.meta.pagination.total} occurrences in the next 90 days; requests from this process, one at a time\n`);
    await measure('occurrences, community, first page of 100', `${url}/api/community/occurrences?${query}`, cms, rounds);
    await measure('occurrences, community, page 10', `${url}/api/community/occurrences?${query}&pagination[page]=10`, cms, rounds);
    await measure('occurrences, online only (fr)', `${url}/api/community/occurrences?${query}&format=online&locale=fr`, cms, rounds);
    const next = `from=${from.toISOString()}&distinct=event&pagination[pageSize]=20`;
    await measure('next occurrence per event, first page of 20', `${url}/api/community/occurrences?${next}`, cms, rounds);
    await measure('next occurrence per event, q=event 4', `${url}/api/community/occurrences?${next}&q=event%204`, cms, rounds);
    await measure('last occurrence per event, one group', `${url}/api/community/occurrences?to=${from.toISOString()}&distinct=event&sort=start:desc&group=${SLUG}&pagination[pageSize]=10`, cms, rounds);
  } finally {
    await cms.stop();
  }
}

const run = process.argv.includes('--cms') ? () => serveEventsCms(createEvents) : main;
run().catch((error) => {
  console.error(error);
  process.exit(1);
});
