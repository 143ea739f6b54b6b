import { describe, expect, it } from 'vitest';
import { describeRecurrence } from './recurrence-words';

// Tuesday 13 January 2026, 18:00 UTC; Thursday 8 January for the weekly examples.
const tuesday = { startsAt: '2026-01-13T18:00:00Z', timezone: 'UTC' };
const thursday = { startsAt: '2026-01-08T14:00:00Z', timezone: 'UTC' };
const saturday = { startsAt: '2026-01-10T10:00:00Z', timezone: 'UTC' };
const words = (event: { startsAt: string; timezone: string }, recurrence: string, locale: string) =>
  describeRecurrence({ ...event, recurrence }, locale);

describe('describeRecurrence', () => {
  it('says an nth weekday of the month in every locale', () => {
    const rule = 'FREQ=MONTHLY;BYDAY=2TU';
    expect(words(tuesday, rule, 'en')).toBe('Every second Tuesday of the month');
    expect(words(tuesday, rule, 'fr')).toBe('Le deuxième mardi de chaque mois');
    expect(words(tuesday, rule, 'de')).toBe('Jeden zweiten Dienstag im Monat');
    expect(words(tuesday, rule, 'es')).toBe('El segundo martes de cada mes');
    expect(words(tuesday, rule, 'pt-BR')).toBe('Na segunda terça-feira de cada mês');
    expect(words(tuesday, rule, 'ja')).toBe('毎月第2火曜日');
    expect(words(tuesday, rule, 'zh-Hans')).toBe('每月第二个星期二');
    expect(words(saturday, 'FREQ=MONTHLY;BYDAY=2SA', 'pt-BR')).toBe('No segundo sábado de cada mês');
    expect(words(tuesday, 'FREQ=MONTHLY;BYDAY=-1FR', 'en')).toBe('Every last Friday of the month');
  });

  it('says weekly rules, every other week and counts', () => {
    expect(words(thursday, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', 'en')).toBe('Every other week on Wednesday');
    expect(words(thursday, 'FREQ=WEEKLY;COUNT=6', 'en')).toBe('Weekly on Thursday, 6 times');
    expect(words(thursday, 'FREQ=WEEKLY;COUNT=6', 'fr')).toBe('Chaque semaine le jeudi, 6 fois');
    expect(words(thursday, 'FREQ=WEEKLY;COUNT=6', 'ja')).toBe('毎週木曜日（全6回）');
    expect(words(thursday, 'FREQ=WEEKLY;BYDAY=MO,TH', 'de')).toBe('Wöchentlich am Montag und Donnerstag');
    expect(words(thursday, 'FREQ=WEEKLY;INTERVAL=3', 'es')).toBe('Cada 3 semanas el jueves');
  });

  it('adds the end date in the reader’s language', () => {
    const rule = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270630T000000Z';
    expect(words(thursday, rule, 'en')).toBe('Every other week on Thursday, until June 30, 2027');
    expect(words(thursday, rule, 'de')).toBe('Alle zwei Wochen am Donnerstag, bis zum 30. Juni 2027');
    expect(words(thursday, rule, 'zh-Hans')).toBe('每两周的星期四，直到2027年6月30日');
  });

  it('says daily, monthly-by-date and yearly rules', () => {
    expect(words(tuesday, 'FREQ=DAILY', 'en')).toBe('Every day');
    expect(words(tuesday, 'FREQ=DAILY;INTERVAL=2', 'fr')).toBe('Tous les 2 jours');
    expect(words(tuesday, 'FREQ=MONTHLY', 'en')).toBe('Monthly on day 13');
    expect(words(tuesday, 'FREQ=MONTHLY;INTERVAL=2;BYDAY=2TH', 'en')).toBe('Every 2 months on the second Thursday');
    expect(words(tuesday, 'FREQ=YEARLY', 'es')).toBe('Cada año el 13 de enero');
  });

  it('is null without a rule it understands', () => {
    expect(describeRecurrence({ ...tuesday, recurrence: null }, 'en')).toBeNull();
    expect(describeRecurrence({ ...tuesday, recurrence: 'FREQ=SECONDLY' }, 'en')).toBeNull();
  });
});
