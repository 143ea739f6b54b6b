import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone';

/** The onsets (local DTSTART/RDATE values) of the observances that move clocks to `offset`. */
function onsetsTo(lines: string[], offset: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT') current = [];
    else if (line.startsWith('DTSTART:') || line.startsWith('RDATE:')) current.push(line.slice(line.indexOf(':') + 1));
    else if (line === `TZOFFSETTO:${offset}`) out.push(...current);
  }
  return out.sort();
}

describe('vtimezone', () => {
  it('writes each change of the years asked for as an onset, with the offset in force before them', () => {
    expect(vtimezone('Europe/Paris', { from: 2026, to: 2027 })).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:STANDARD',
      'DTSTART:20250101T000000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'RDATE:20260329T020000',
      'RDATE:20270328T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'RDATE:20261025T030000',
      'RDATE:20271031T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('follows zones whose changes no yearly rule describes', () => {
    // Jerusalem: the Friday before the last Sunday of March — 24 March in 2028, not the last Friday (31 March).
    expect(onsetsTo(vtimezone('Asia/Jerusalem', { from: 2028, to: 2028 }), '+0300')).toContain('20280324T020000');
    // Casablanca leaves +01 for Ramadan: 7 February to 14 March in 2027, 23 January to 5 March in 2028.
    const casablanca = vtimezone('Africa/Casablanca', { from: 2027, to: 2028 });
    expect(onsetsTo(casablanca, '+0000')).toEqual(expect.arrayContaining(['20270207T030000', '20280123T030000']));
    expect(onsetsTo(casablanca, '+0100')).toEqual(expect.arrayContaining(['20270314T020000', '20280305T020000']));
    // Santiago: first Sunday on or after 2 April, at 24:00 — 8 April in 2029 (1 April is a Sunday).
    expect(onsetsTo(vtimezone('America/Santiago', { from: 2029, to: 2029 }), '-0400')).toContain('20290408T000000');
  });

  it('gives a zone without changes one observance', () => {
    expect(vtimezone('Asia/Tokyo', { from: 2026, to: 2026 })).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tokyo',
      'BEGIN:STANDARD',
      'DTSTART:20250101T000000',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    expect(vtimezone('Asia/Kolkata', { from: 2026, to: 2026 })).toContain('TZOFFSETTO:+0530');
  });

  it('is the same whatever the server’s time zone', () => {
    // Each run is a fresh process, so nothing is read from an earlier run's cache.
    const module = path.join(__dirname, 'vtimezone.ts');
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(module)}).then((m) => process.stdout.write(JSON.stringify((m.vtimezone ?? m.default.vtimezone)('America/Santiago', { from: 2025, to: 2030 }))))`], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    const utc = run('UTC');
    expect(JSON.parse(utc)).toEqual(vtimezone('America/Santiago', { from: 2025, to: 2030 }));
    expect(run('Pacific/Auckland')).toBe(utc);
    expect(run('America/Los_Angeles')).toBe(utc);
  }, 60_000);
});
