import { describe, expect, it } from 'vitest';
import { calendarRule, cancelledStarts, changedOccurrences, changeProblems, lastEnd, lastOccurrenceBefore, nextOccurrence, occurrencesBetween, readRule, seriesProblem, untilInstant, type RecurringEvent } from './recurrence';

const NY = 'America/New_York';

/** A series starting at a wall time in New York (as the RFC's examples do), an hour long. */
function nySeries(start: string, recurrence: string, offset: '-04:00' | '-05:00' = '-04:00'): RecurringEvent {
  const startsAt = new Date(`${start}${offset}`);
  return { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), timezone: NY, recurrence };
}

/** Occurrence dates as New York sees them, e.g. `1997-09-05 09:00`. */
function nyDates(event: RecurringEvent, from: string, to: string): string[] {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' });
  return occurrencesBetween(event, new Date(from), new Date(to)).map((o) => format.format(o.start));
}

describe('the recurrence engine, on the examples of RFC 5545 §3.8.5.3', () => {
  it('monthly on the first Friday for 10 occurrences', () => {
    const dates = nyDates(nySeries('1997-09-05T09:00:00', 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR'), '1997-01-01', '1999-01-01');
    expect(dates.map((d) => d.slice(0, 10))).toEqual([
      '1997-09-05', '1997-10-03', '1997-11-07', '1997-12-05', '1998-01-02', '1998-02-06', '1998-03-06', '1998-04-03', '1998-05-01', '1998-06-05',
    ]);
    // 09:00 on both sides of the change to EST.
    expect(new Set(dates.map((d) => d.slice(11)))).toEqual(new Set(['09:00']));
  });

  it('the last work day of the month (BYSETPOS=-1)', () => {
    const dates = nyDates(nySeries('1997-09-30T09:00:00', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'), '1997-09-01', '1998-04-01');
    expect(dates.map((d) => d.slice(0, 10))).toEqual(['1997-09-30', '1997-10-31', '1997-11-28', '1997-12-31', '1998-01-30', '1998-02-27', '1998-03-31']);
  });

  it('every other week on Monday, Wednesday and Friday until 24 December 1997, weeks from Sunday', () => {
    const dates = nyDates(nySeries('1997-09-01T09:00:00', 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR'), '1997-01-01', '1999-01-01');
    expect(dates.map((d) => d.slice(5, 10))).toEqual([
      '09-01', '09-03', '09-05', '09-15', '09-17', '09-19', '09-29', '10-01', '10-03', '10-13', '10-15', '10-17', '10-27', '10-29', '10-31',
      '11-10', '11-12', '11-14', '11-24', '11-26', '11-28', '12-08', '12-10', '12-12', '12-22',
    ]);
  });

  it('WKST changes which days a two-weekly rule picks', () => {
    const monday = nyDates(nySeries('1997-08-05T09:00:00', 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO'), '1997-08-01', '1997-10-01');
    const sunday = nyDates(nySeries('1997-08-05T09:00:00', 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU'), '1997-08-01', '1997-10-01');
    expect(monday.map((d) => d.slice(5, 10))).toEqual(['08-05', '08-10', '08-19', '08-24']);
    expect(sunday.map((d) => d.slice(5, 10))).toEqual(['08-05', '08-17', '08-19', '08-31']);
  });

  it('monthly on the third-to-last day of the month', () => {
    const dates = nyDates(nySeries('1997-09-28T09:00:00', 'FREQ=MONTHLY;BYMONTHDAY=-3'), '1997-09-01', '1998-03-01');
    expect(dates.map((d) => d.slice(0, 10))).toEqual(['1997-09-28', '1997-10-29', '1997-11-28', '1997-12-29', '1998-01-29', '1998-02-26']);
  });
});

describe('yearly rules read as RFC 5545 reads them', () => {
  it('BYMONTHDAY=1 in a yearly rule is the 1st of every month', () => {
    const event = nySeries('2026-04-01T19:00:00', 'FREQ=YEARLY;BYMONTHDAY=1');
    expect(nyDates(event, '2026-03-01', '2026-08-01').map((d) => d.slice(0, 10))).toEqual(['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01']);
  });

  it('BYDAY=1MO in a yearly rule is the first Monday of the year', () => {
    // 4 January 2027 and 3 January 2028 are the first Mondays of their years.
    const event = nySeries('2027-01-04T19:00:00', 'FREQ=YEARLY;BYDAY=1MO', '-05:00');
    expect(nyDates(event, '2026-01-01', '2029-01-01').map((d) => d.slice(0, 10))).toEqual(['2027-01-04', '2028-01-03']);
  });
});

describe('rules the independent expander in the property test cannot check', () => {
  it('an every-other-month rule keeps its phase through BYMONTH and BYDAY with BYMONTHDAY', () => {
    // From October: October, December, February … so October again, never January.
    const months = nySeries('2026-10-01T09:00:00', 'FREQ=MONTHLY;INTERVAL=2;BYMONTH=1,10;COUNT=2');
    expect(nyDates(months, '2026-01-01', '2030-01-01').map((d) => d.slice(0, 10))).toEqual(['2026-10-01', '2027-10-01']);
    // Months ending on a Sunday among October, December, February…: 31 October 2027, 30 April 2028, 31 December 2028.
    const sundays = nySeries('2027-10-31T09:00:00', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=SU;BYMONTHDAY=-1;COUNT=3');
    expect(nyDates(sundays, '2027-01-01', '2030-01-01').map((d) => d.slice(0, 10))).toEqual(['2027-10-31', '2028-04-30', '2028-12-31']);
  });

  it('a negative BYMONTHDAY counts from the end of each month of a yearly rule', () => {
    const event = nySeries('2026-01-30T09:00:00', 'FREQ=YEARLY;BYMONTHDAY=-2;BYMONTH=1,4;COUNT=4', '-05:00');
    expect(nyDates(event, '2026-01-01', '2030-01-01').map((d) => d.slice(0, 10))).toEqual(['2026-01-30', '2026-04-29', '2027-01-30', '2027-04-29']);
  });

  it('a monthly rule with several BYMONTH values gives each month’s dates once', () => {
    // Sundays of April 2026, then of January 2027 (the 1st is a Friday).
    const event = nySeries('2026-04-12T09:00:00', 'FREQ=MONTHLY;BYDAY=SU;BYMONTH=1,4;COUNT=5');
    expect(nyDates(event, '2026-01-01', '2028-01-01').map((d) => d.slice(0, 10))).toEqual(['2026-04-12', '2026-04-19', '2026-04-26', '2027-01-03', '2027-01-10']);
  });

  it('BYSETPOS picks within each week of a weekly rule', () => {
    // Weeks from Monday: of Thursday and Sunday, the first is Thursday.
    const event = nySeries('2026-01-01T09:00:00', 'FREQ=WEEKLY;BYDAY=TH,SU;BYSETPOS=1;COUNT=3', '-05:00');
    expect(nyDates(event, '2025-12-01', '2026-03-01').map((d) => d.slice(0, 10))).toEqual(['2026-01-01', '2026-01-08', '2026-01-15']);
  });
});

describe('zones with irregular changes', () => {
  it('follows Casablanca around Ramadan 2027 (UTC+0 from 7 February to 14 March)', () => {
    const start = new Date('2027-01-31T18:00:00Z'); // Sunday 19:00 at UTC+1
    const event = { startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), timezone: 'Africa/Casablanca', recurrence: 'FREQ=WEEKLY;COUNT=8' };
    expect(occurrencesBetween(event, start, new Date('2027-04-01')).map((o) => o.start.toISOString().slice(0, 16))).toEqual([
      '2027-01-31T18:00', '2027-02-07T19:00', '2027-02-14T19:00', '2027-02-21T19:00', '2027-02-28T19:00', '2027-03-07T19:00', '2027-03-14T18:00', '2027-03-21T18:00',
    ]);
  });
});

describe('UNTIL, read one way', () => {
  const paris = { timezone: 'Europe/Paris', allDay: false };
  it('a UTC time as that instant, a time without Z as wall time in the event’s zone, a date as the end of that day there', () => {
    expect(untilInstant('20270630T170000Z', paris)?.toISOString()).toBe('2027-06-30T17:00:00.000Z');
    // Paris is on CEST (UTC+2) in June.
    expect(untilInstant('20270630T190000', paris)?.toISOString()).toBe('2027-06-30T17:00:00.000Z');
    expect(untilInstant('20270630', paris)?.toISOString()).toBe('2027-06-30T21:59:59.000Z');
    expect(untilInstant('20270630', { timezone: 'Europe/Paris', allDay: true })?.toISOString()).toBe('2027-06-30T23:59:59.000Z');
  });

  it('is written in UTC beside a zoned start, as a date beside an all-day one', () => {
    const start = new Date('2027-03-02T18:00:00Z');
    const weekly = { startsAt: start, endsAt: start, ...paris };
    expect(calendarRule({ ...weekly, recurrence: 'RRULE:freq=weekly;until=20270630T190000;byday=TU' })).toBe('FREQ=WEEKLY;UNTIL=20270630T170000Z;BYDAY=TU');
    expect(calendarRule({ ...weekly, allDay: true, recurrence: 'FREQ=YEARLY;UNTIL=20300502T000000Z' })).toBe('FREQ=YEARLY;UNTIL=20300502');
    expect(calendarRule({ ...weekly, recurrence: '' })).toBeNull();
  });

  it('is inclusive: an occurrence exactly at UNTIL takes place', () => {
    const event = { startsAt: '2027-03-02T18:00:00Z', endsAt: '2027-03-02T20:00:00Z', timezone: 'Europe/Paris', recurrence: 'FREQ=WEEKLY;UNTIL=20270316T190000' };
    expect(lastEnd(event)?.toISOString()).toBe('2027-03-16T20:00:00.000Z');
  });
});

describe('series', () => {
  const weekly: RecurringEvent = {
    startsAt: '2026-03-17T18:00:00Z', // Tuesday 19:00 in Paris (CET)
    endsAt: '2026-03-17T20:00:00Z',
    timezone: 'Europe/Paris',
    recurrence: 'FREQ=WEEKLY;COUNT=4',
    exceptionDates: ['2026-03-24T09:00:00Z'],
  };

  it('keep their wall-clock time across daylight saving and skip the days of their exceptions, which still count', () => {
    const starts = occurrencesBetween(weekly, new Date('2026-01-01'), new Date('2027-01-01')).map((o) => o.start.toISOString());
    // Paris moves to CEST on 29 March: 19:00 is 17:00 UTC from then on; 24 March is cancelled, COUNT=4 still ends on 7 April.
    expect(starts).toEqual(['2026-03-17T18:00:00.000Z', '2026-03-31T17:00:00.000Z', '2026-04-07T17:00:00.000Z']);
    expect(cancelledStarts(weekly).map((d) => d.toISOString())).toEqual(['2026-03-24T18:00:00.000Z']);
    expect(lastEnd(weekly)?.toISOString()).toBe('2026-04-07T19:00:00.000Z');
    expect(lastEnd({ ...weekly, recurrence: 'FREQ=WEEKLY' })).toBeNull();
  });

  it('show an occurrence while it is on, and none once they are over', () => {
    expect(nextOccurrence(weekly, new Date('2026-03-31T18:00:00Z'))?.start.toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(nextOccurrence(weekly, new Date('2026-03-18T00:00:00Z'))?.start.toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(nextOccurrence(weekly, new Date('2026-04-07T19:00:00Z'))).toBeNull();
    const once = { startsAt: '2026-03-17T18:00:00Z', endsAt: '2026-03-17T20:00:00Z', timezone: 'Europe/Paris' };
    expect(nextOccurrence(once, new Date('2026-03-17T19:00:00Z'))?.start.toISOString()).toBe('2026-03-17T18:00:00.000Z');
    expect(nextOccurrence(once, new Date('2026-03-17T20:00:00Z'))).toBeNull();
  });

  it('must start on one of their own occurrences', () => {
    expect(seriesProblem(weekly)).toBeUndefined();
    // Thursday 13 August 2026; the second Tuesdays that follow are 8 September, 13 October and 10 November.
    const problem = seriesProblem({ startsAt: '2026-08-13T17:00:00Z', endsAt: '2026-08-13T19:00:00Z', timezone: 'Europe/Paris', recurrence: 'FREQ=MONTHLY;BYDAY=2TU' });
    expect(problem).toContain('startsAt (TH 2026-08-13 19:00 Europe/Paris)');
    expect(problem).toContain('TU 2026-09-08 19:00, TU 2026-10-13 19:00, TU 2026-11-10 19:00');
  });
});

describe('rules the engine does not take', () => {
  it.each([
    ['FREQ=HOURLY', 'FREQ=HOURLY is not supported'],
    ['FREQ=WEEKLY;BYHOUR=9,18', 'BYHOUR is not supported'],
    ['FREQ=YEARLY;BYWEEKNO=20', 'BYWEEKNO is not supported'],
    ['FREQ=WEEKLY;BYDAY=2TU', 'BYDAY with an ordinal'],
    ['FREQ=MONTHLY;BYDAY=6TU', 'BYDAY ordinals of a monthly rule'],
    ['FREQ=WEEKLY;BYMONTHDAY=3', 'BYMONTHDAY cannot be used with FREQ=WEEKLY'],
    ['FREQ=MONTHLY;BYSETPOS=2', 'BYSETPOS needs another BY part'],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY=0 is not valid'],
    ['FREQ=MONTHLY;BYMONTH=1,13', 'BYMONTH=1,13 is not valid'],
    ['FREQ=DAILY;UNTIL=20270231', 'UNTIL=20270231 is not valid'],
    ['FREQ=DAILY;WKST=XX', 'WKST=XX is not valid'],
    ['FREQ=DAILY;COLOUR=red', 'unknown part "COLOUR"'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20270101', 'both UNTIL and COUNT'],
  ])('%s: %s', (rule, message) => {
    expect(readRule(rule).problem).toContain(message);
  });
});

describe('occurrences changed one by one (RECURRENCE-ID)', () => {
  // Monthly on the second Tuesday at 19:00 in New York: 13 Jan, 10 Feb, 10 Mar (EDT from 8 Mar), 14 Apr 2026.
  const monthly = () => nySeries('2026-01-13T19:00:00', 'FREQ=MONTHLY;BYDAY=2TU', '-05:00');

  it('a moved occurrence leaves its day and shows at its new time, in order', () => {
    const event = { ...monthly(), changes: [{ originalStart: '2026-02-10T19:00:00-05:00', startsAt: '2026-02-12T18:30:00-05:00' }] };
    expect(nyDates(event, '2026-01-01', '2026-04-01')).toEqual(['2026-01-13 19:00', '2026-02-12 18:30', '2026-03-10 19:00']);
    const [moved] = occurrencesBetween(event, new Date('2026-02-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));
    expect(moved!.originalStart!.toISOString()).toBe('2026-02-11T00:00:00.000Z');
    // Same length as the series (an hour) when only the start is given.
    expect(moved!.end.toISOString()).toBe('2026-02-13T00:30:00.000Z');
  });

  it('an occurrence moved out of a window is not in it, and one moved into it is', () => {
    const event = { ...monthly(), changes: [{ originalStart: '2026-03-10T19:00:00-04:00', startsAt: '2026-04-02T19:00:00-04:00', endsAt: '2026-04-02T21:00:00-04:00' }] };
    expect(nyDates(event, '2026-03-01', '2026-04-01')).toEqual([]);
    expect(nyDates(event, '2026-04-01', '2026-05-01')).toEqual(['2026-04-02 19:00', '2026-04-14 19:00']);
  });

  it('a cancelled occurrence stays listed, marked, and the next one is the one after', () => {
    const event = { ...monthly(), changes: [{ originalStart: '2026-02-10T19:00:00-05:00', cancelled: true }] };
    const february = occurrencesBetween(event, new Date('2026-02-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));
    expect(february.map((o) => [o.start.toISOString(), o.cancelled])).toEqual([['2026-02-11T00:00:00.000Z', true]]);
    expect(nextOccurrence(event, new Date('2026-01-20T00:00:00Z'))!.start.toISOString()).toBe('2026-03-10T23:00:00.000Z');
    expect(lastOccurrenceBefore(event, new Date('2026-03-01T00:00:00Z'))!.start.toISOString()).toBe('2026-01-14T00:00:00.000Z');
  });

  it('the next occurrence may be a moved one, earlier than the rule\'s next', () => {
    const event = { ...monthly(), changes: [{ originalStart: '2026-03-10T19:00:00-04:00', startsAt: '2026-02-20T19:00:00-05:00' }] };
    expect(nextOccurrence(event, new Date('2026-02-15T00:00:00Z'))!.start.toISOString()).toBe('2026-02-21T00:00:00.000Z');
    expect(nextOccurrence(event, new Date('2026-02-22T00:00:00Z'))!.start.toISOString()).toBe('2026-04-14T23:00:00.000Z');
  });

  it('lists the changes with where the rule put them', () => {
    const event = { ...monthly(), changes: [{ originalStart: '2026-03-10T23:00:00Z', cancelled: true }, { originalStart: '2026-02-10T20:00:00-05:00', startsAt: '2026-02-11T19:00:00-05:00' }] };
    expect(changedOccurrences(event).map((o) => [o.originalStart.toISOString(), o.start.toISOString(), o.cancelled])).toEqual([
      // The February change named the right day at another hour: the rule's own time is the original.
      ['2026-02-11T00:00:00.000Z', '2026-02-12T00:00:00.000Z', false],
      ['2026-03-10T23:00:00.000Z', '2026-03-10T23:00:00.000Z', true],
    ]);
  });

  it('refuses changes that name no occurrence, name one twice, end before they start, or sit on a one-off', () => {
    const event = {
      ...monthly(),
      exceptionDates: ['2026-04-14T23:00:00Z'],
      changes: [
        { originalStart: '2026-02-11T19:00:00-05:00' },
        { originalStart: '2026-03-10T23:00:00Z', startsAt: '2026-03-11T23:00:00Z', endsAt: '2026-03-11T22:00:00Z' },
        { originalStart: '2026-03-10T20:00:00-04:00', cancelled: true },
        { originalStart: '2026-04-14T23:00:00Z', cancelled: true },
        { originalStart: 'soon' },
      ],
    };
    expect(changeProblems(event).map((p) => `${p.index} ${p.field}: ${p.message}`)).toEqual([
      '0 originalStart: names 2026-02-11 (America/New_York), a day on which the series has no occurrence',
      "1 endsAt: must be after the occurrence's start",
      '2 originalStart: names the same occurrence as change 2',
      '3 originalStart: names an occurrence the exception dates already cancel',
      "4 originalStart: must be the start of one of the series' occurrences, as an ISO 8601 instant",
    ]);
    const oneOff = { startsAt: '2026-02-10T19:00:00Z', endsAt: '2026-02-10T20:00:00Z', changes: [{ originalStart: '2026-02-10T19:00:00Z', cancelled: true }] };
    expect(changeProblems(oneOff)[0]!.message).toMatch(/recurring events only/);
    expect(changeProblems({ ...monthly(), changes: [{ originalStart: '2026-02-10T19:00:00-05:00', startsAt: '2026-02-11T19:00:00-05:00' }] })).toEqual([]);
  });

  it('the last occurrence before an instant reaches back over years of a running series', () => {
    const weekly = nySeries('2020-01-06T09:00:00', 'FREQ=WEEKLY;BYDAY=MO', '-05:00');
    expect(lastOccurrenceBefore(weekly, new Date('2026-12-07T12:00:00Z'))!.start.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(lastOccurrenceBefore(weekly, new Date('2020-01-06T14:00:00Z'))).toBeNull();
    const ended = nySeries('2020-01-06T09:00:00', 'FREQ=WEEKLY;BYDAY=MO;COUNT=3', '-05:00');
    expect(lastOccurrenceBefore(ended, new Date('2026-12-07T12:00:00Z'))!.start.toISOString()).toBe('2020-01-20T14:00:00.000Z');
  });
});
