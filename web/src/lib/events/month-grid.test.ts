import { describe, expect, it } from 'vitest';
import { buildMonthGrid, firstDayOfWeek, monthWindow, shiftMonth } from './month-grid';

const at = (localStart: string, localEnd: string, id: string) => ({ localStart, localEnd, id });

describe('the month grid', () => {
  it('lays January 2027 out in weeks from Monday: it starts on a Friday and needs five rows', () => {
    const grid = buildMonthGrid('2027-01', [], 1);
    expect(grid.weekdays).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(grid.weeks).toHaveLength(5);
    expect(grid.weeks[0]!.map((d) => d.date)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(grid.weeks[0]!.map((d) => d.inMonth)).toEqual([false, false, false, false, true, true, true]);
    expect(grid.weeks[4]!.at(-1)!.date).toBe('2027-01-31');
  });

  it('starts weeks on Sunday or Saturday where the locale does', () => {
    expect(buildMonthGrid('2027-01', [], 0).weeks[0]![0]!.date).toBe('2026-12-27');
    // February 2026 starts on a Sunday: from Sunday it fills exactly four rows.
    expect(buildMonthGrid('2026-02', [], 0).weeks).toHaveLength(4);
    expect(buildMonthGrid('2027-01', [], 6).weeks[0]![0]!.date).toBe('2026-12-26');
  });

  it('takes the first day of the week from the locale', () => {
    expect(firstDayOfWeek('fr')).toBe(1);
    expect(firstDayOfWeek('de')).toBe(1);
    expect(firstDayOfWeek('en')).toBe(0);
    expect(firstDayOfWeek('pt-BR')).toBe(0);
    expect(firstDayOfWeek('ar')).toBe(6);
  });

  it('puts each occurrence on the local dates it covers, only within the month', () => {
    const items = [
      at('2027-01-12T19:00:00', '2027-01-12T21:30:00', 'meetup'),
      // A conference over three days, stored as all-day dates with a midnight end.
      at('2027-01-30T00:00:00', '2027-02-02T00:00:00', 'summit'),
      at('2027-01-31T23:00:00', '2027-02-01T01:00:00', 'late'),
      at('2026-12-31T20:00:00', '2026-12-31T23:00:00', 'outside'),
    ];
    const grid = buildMonthGrid('2027-01', items, 1);
    const on = (date: string) => grid.weeks.flat().find((d) => d.date === date)!.items.map((i) => i.id);
    expect(on('2027-01-12')).toEqual(['meetup']);
    expect(on('2027-01-30')).toEqual(['summit']);
    expect(on('2027-01-31')).toEqual(['summit', 'late']);
    expect(on('2026-12-31')).toEqual([]);
    expect(grid.weeks.flat().reduce((n, d) => n + d.items.length, 0)).toBe(4);
  });

  it('steps months and widens the window by the zones’ largest offsets', () => {
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthWindow('2027-01')).toEqual({ from: new Date('2026-12-31T10:00:00Z'), to: new Date('2027-02-01T12:00:00Z') });
  });
});
