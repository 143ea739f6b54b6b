import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrences, parseRecurrence, type RecurringEvent } from './recurrence';

function first(event: RecurringEvent, n: number): string[] {
  const out: string[] = [];
  for (const { start } of occurrences(event)) {
    out.push(start.toISOString());
    if (out.length === n) break;
  }
  return out;
}

describe('parseRecurrence', () => {
  it('reads the parts we expand and refuses the rest', () => {
    expect(parseRecurrence('RRULE:FREQ=MONTHLY;BYDAY=2TU,-1FR;UNTIL=20270630T000000Z')).toEqual({
      freq: 'MONTHLY',
      interval: 1,
      count: null,
      until: new Date('2027-06-30T00:00:00Z'),
      byDay: [
        { weekday: 2, nth: 2 },
        { weekday: 5, nth: -1 },
      ],
      byMonthDay: [],
      byMonth: [],
    });
    expect(parseRecurrence('FREQ=WEEKLY;INTERVAL=2;COUNT=8')).toMatchObject({ freq: 'WEEKLY', interval: 2, count: 8 });
    for (const bad of ['', 'FREQ=HOURLY', 'INTERVAL=2', 'FREQ=DAILY;BYSETPOS=1', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=DAILY;INTERVAL=0']) {
      expect(parseRecurrence(bad), bad).toBeNull();
    }
  });
});

describe('occurrences', () => {
  it('keeps the wall-clock time in the event’s zone across daylight-saving changes', () => {
    // Weekly on Tuesday 18:30 in Paris, from before to after the change of 29 March 2026.
    const event = { startsAt: '2026-03-17T17:30:00Z', endsAt: '2026-03-17T19:30:00Z', timezone: 'Europe/Paris', recurrence: 'FREQ=WEEKLY' };
    expect(first(event, 3)).toEqual(['2026-03-17T17:30:00.000Z', '2026-03-24T17:30:00.000Z', '2026-03-31T16:30:00.000Z']);
    // New York changes on another date (8 March): 19:00 local stays 19:00.
    const ny = { startsAt: '2026-03-05T00:00:00Z', endsAt: '2026-03-05T02:00:00Z', timezone: 'America/New_York', recurrence: 'FREQ=WEEKLY;BYDAY=WE' };
    expect(first(ny, 2)).toEqual(['2026-03-05T00:00:00.000Z', '2026-03-11T23:00:00.000Z']);
  });

  it('does not depend on the server’s time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      const event = { startsAt: '2026-10-20T17:30:00Z', endsAt: '2026-10-20T19:30:00Z', timezone: 'Europe/Paris', recurrence: 'FREQ=WEEKLY' };
      expect(first(event, 2)).toEqual(['2026-10-20T17:30:00.000Z', '2026-10-27T18:30:00.000Z']);
    } finally {
      process.env.TZ = before;
    }
  });

  it('expands nth weekdays of the month, including the last one', () => {
    const second = { startsAt: '2026-01-13T18:00:00Z', endsAt: '2026-01-13T20:00:00Z', timezone: 'UTC', recurrence: 'FREQ=MONTHLY;BYDAY=2TU' };
    expect(first(second, 3)).toEqual(['2026-01-13T18:00:00.000Z', '2026-02-10T18:00:00.000Z', '2026-03-10T18:00:00.000Z']);
    const last = { startsAt: '2026-01-30T09:00:00Z', endsAt: '2026-01-30T10:00:00Z', timezone: 'UTC', recurrence: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3' };
    expect(first(last, 10)).toEqual(['2026-01-30T09:00:00.000Z', '2026-02-27T09:00:00.000Z', '2026-03-27T09:00:00.000Z']);
  });

  it('honours INTERVAL, BYDAY lists, BYMONTHDAY, UNTIL and yearly rules', () => {
    const biweekly = { startsAt: '2026-01-05T10:00:00Z', endsAt: '2026-01-05T11:00:00Z', timezone: 'UTC', recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH' };
    expect(first(biweekly, 4).map((d) => d.slice(0, 10))).toEqual(['2026-01-05', '2026-01-08', '2026-01-19', '2026-01-22']);
    const monthDay = { startsAt: '2026-01-31T10:00:00Z', endsAt: '2026-01-31T11:00:00Z', timezone: 'UTC', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20260401' };
    expect(first(monthDay, 10).map((d) => d.slice(0, 10))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    const daily = { startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T11:00:00Z', timezone: 'UTC', recurrence: 'FREQ=DAILY;INTERVAL=3;COUNT=3' };
    expect(first(daily, 10).map((d) => d.slice(0, 10))).toEqual(['2026-01-01', '2026-01-04', '2026-01-07']);
    const yearly = { startsAt: '2024-02-29T10:00:00Z', endsAt: '2024-02-29T11:00:00Z', timezone: 'UTC', recurrence: 'FREQ=YEARLY;COUNT=2' };
    // 29 February exists only in leap years.
    expect(first(yearly, 10).map((d) => d.slice(0, 10))).toEqual(['2024-02-29', '2028-02-29']);
  });

  it('leaves out exception dates but counts them for COUNT', () => {
    const event = {
      startsAt: '2026-01-06T18:00:00Z',
      endsAt: '2026-01-06T19:00:00Z',
      timezone: 'UTC',
      recurrence: 'FREQ=WEEKLY;COUNT=3',
      exceptionDates: ['2026-01-13T18:00:00.000Z'],
    };
    expect(first(event, 10)).toEqual(['2026-01-06T18:00:00.000Z', '2026-01-20T18:00:00.000Z']);
  });

  it('gives a one-off event once, and nothing for an unreadable date', () => {
    expect(first({ startsAt: '2026-05-01T10:00:00Z', endsAt: '2026-05-01T12:00:00Z', timezone: 'UTC' }, 5)).toEqual(['2026-05-01T10:00:00.000Z']);
    expect(first({ startsAt: 'soon', endsAt: 'later', timezone: 'UTC', recurrence: 'FREQ=DAILY' }, 5)).toEqual([]);
  });
});

describe('nextOccurrence', () => {
  const series = { startsAt: '2026-01-06T18:00:00Z', endsAt: '2026-01-06T19:00:00Z', timezone: 'UTC', recurrence: 'FREQ=WEEKLY;UNTIL=20260301T000000Z' };

  it('is the first occurrence not over yet, including one under way', () => {
    expect(nextOccurrence(series, new Date('2026-02-04T12:00:00Z'))?.start.toISOString()).toBe('2026-02-10T18:00:00.000Z');
    expect(nextOccurrence(series, new Date('2026-02-10T18:30:00Z'))?.start.toISOString()).toBe('2026-02-10T18:00:00.000Z');
  });

  it('is null once the series or the one-off event is over', () => {
    expect(nextOccurrence(series, new Date('2026-03-01T00:00:00Z'))).toBeNull();
    expect(nextOccurrence({ ...series, recurrence: null }, new Date('2026-01-07T00:00:00Z'))).toBeNull();
  });
});
