import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarOrder, toCalendarEntry } from './calendar-entries';
import { escapeText, foldLines, PRODUCT_ID, renderCalendar, type CalendarEntry } from './ical-calendar';
import { renderSample } from './golden/render-sample';
import { SAMPLE_CONTEXT, SAMPLE_EVENTS } from './golden/sample';

const GOLDEN = path.join(__dirname, 'golden', 'sample.ics');
const octets = (text: string) => Buffer.byteLength(text, 'utf8');
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const lines = (ics: string) => unfold(ics).split('\r\n').slice(0, -1);

const entry = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  ...toCalendarEntry(SAMPLE_EVENTS[0]!, SAMPLE_CONTEXT),
  ...overrides,
});

describe('the calendar file', () => {
  it('matches the golden file', () => {
    const ics = renderSample();
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, ics);
    expect(ics).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('is byte-identical whatever the server’s time zone', () => {
    const render = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'golden', 'render-sample.ts')], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    const golden = fs.readFileSync(GOLDEN, 'utf8');
    expect(render('UTC')).toBe(golden);
    expect(render('Pacific/Auckland')).toBe(golden);
    expect(render('America/Los_Angeles')).toBe(golden);
    // Three Node processes: allow for a busy machine.
  }, 60_000);

  it('has CRLF line ends only and no line longer than 75 octets', () => {
    const ics = renderSample();
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line), line).toBeLessThanOrEqual(75);
  });

  it('gives each event one UID, a UTC DTSTAMP, and a VTIMEZONE for every zone it names', () => {
    const all = lines(renderSample());
    expect(all).toContain(`PRODID:-${PRODUCT_ID}`);
    const events = unfold(renderSample()).split('BEGIN:VEVENT').slice(1);
    // The weekly series' moved and cancelled evenings are components of their own under its UID.
    const overrides = events.filter((event) => event.includes('\r\nRECURRENCE-ID'));
    expect(overrides).toHaveLength(2);
    expect(events).toHaveLength(SAMPLE_EVENTS.length + overrides.length);
    for (const event of events) {
      expect(event.match(/\r\nUID:/g)).toHaveLength(1);
      expect(event).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    }
    const uids = (list: string[]) => list.map((event) => /\r\nUID:([^\r]+)/.exec(event)![1]);
    expect(new Set(uids(events)).size).toBe(SAMPLE_EVENTS.length);
    expect(uids(overrides)).toEqual(['k8s-nyc-weekly@groups.example.org', 'k8s-nyc-weekly@groups.example.org']);
    const named = new Set(all.flatMap((line) => [...line.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1])));
    const defined = new Set(all.filter((line) => line.startsWith('TZID:')).map((line) => line.slice(5)));
    expect([...named].sort()).toEqual([...defined].sort());
    expect([...defined].sort()).toEqual(['America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'Europe/Paris']);
  });

  it('writes statuses, venues, rules and exceptions as calendars expect them', () => {
    const text = unfold(renderSample());
    expect(text).toContain('\r\nSUMMARY:Rust\\; Lyon\\, and \\\\ friends\r\n');
    expect(text).toContain('\r\nLOCATION:La Cordée\\, 1 rue de Paris\\, 69001 Lyon\r\nGEO:45.7676;4.8344\r\n');
    expect(text).toContain('\r\nDTSTART;TZID=Europe/Paris:20260303T183000\r\nDTEND;TZID=Europe/Paris:20260303T210000\r\n');
    // A date-only UNTIL of a timed series becomes the end of that day in UTC; the exception keeps the series' time.
    expect(text).toContain('\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260701T035959Z\r\nEXDATE;TZID=America/New_York:20260310T180000\r\n');
    expect(text).toContain('\r\nRRULE:FREQ=MONTHLY;BYDAY=1TH;COUNT=12\r\n');
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20260502\r\nDTEND;VALUE=DATE:20260504\r\n');
    expect(text).toContain('\r\nDTSTART:20260210T150000Z\r\nDTEND:20260210T160000Z\r\n');
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(text).toContain('\r\nSTATUS:TENTATIVE\r\n');
    expect(text).toContain('\r\nURL;VALUE=URI:https://groups.example.org/en/events/rust-lyon-march\r\n');
  });

  it('writes an all-day series’ exceptions as dates and a UTC-zone series’ exceptions in UTC', () => {
    const day = renderCalendar({
      name: 'x',
      entries: [
        entry({
          allDay: true,
          start: new Date('2026-05-02T00:00:00Z'),
          end: new Date('2026-05-03T00:00:00Z'),
          recurrence: 'FREQ=YEARLY;UNTIL=20300502',
          exceptions: [new Date('2027-05-02T00:00:00Z')],
        }),
      ],
    });
    expect(unfold(day)).toContain('\r\nRRULE:FREQ=YEARLY;UNTIL=20300502\r\nEXDATE;VALUE=DATE:20270502\r\n');
    const utc = renderCalendar({
      name: 'x',
      entries: [entry({ timeZone: null, recurrence: 'FREQ=DAILY;COUNT=3', exceptions: [new Date('2026-03-04T17:30:00Z')] })],
    });
    expect(unfold(utc)).toContain('\r\nRRULE:FREQ=DAILY;COUNT=3\r\nEXDATE:20260304T173000Z\r\n');
    expect(utc).not.toContain('VTIMEZONE');
  });

  it('orders events by start, then id, whatever order they come in', () => {
    const reversed = calendarOrder([...SAMPLE_EVENTS].reverse()).map((event) => toCalendarEntry(event, SAMPLE_CONTEXT));
    expect(renderCalendar({ name: 'Sample, community; calendar', description: 'Every shape of event\nthe portal writes.', url: 'https://groups.example.org/en/events', refreshSeconds: 3600, entries: reversed })).toBe(
      renderSample(),
    );
  });
});

describe('text values', () => {
  it('are escaped', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('are folded at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'日本語のイベント🎉'.repeat(10)}`;
    const folded = foldLines(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
    const ascii = `DESCRIPTION:${'x'.repeat(200)}`;
    expect(foldLines(ascii).split('\r\n').map(octets)).toEqual([75, 75, 64]);
    expect(foldLines('SUMMARY:short\r\nEND:VEVENT')).toBe('SUMMARY:short\r\nEND:VEVENT');
  });
});
