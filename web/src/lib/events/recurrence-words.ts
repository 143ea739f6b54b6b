import { dateTimeFormat } from '$lib/intl';
import { t } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/messages';
import { parseRecurrence, seriesZone, untilInstant, wallTime, type RecurrenceRule } from '@chapterhouse/config';

// 2023-01-01 was a Sunday: day `n` of that week gives weekday n's name.
const weekdayName = (weekday: number, locale: string) =>
  dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + weekday)));

const list = (items: string[], locale: string) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

const capitalize = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

function ordinalKey(nth: number, weekday: number): MessageKey {
  // Portuguese ordinals agree with the weekday: "segunda terça-feira" but "segundo sábado".
  const weekend = weekday === 0 || weekday === 6;
  return `recurrence.${weekend ? 'nthWeekend' : 'nth'}.${nth}` as MessageKey;
}

function base(rule: RecurrenceRule, start: { month: number; day: number; weekday: number }, locale: string): string {
  const n = rule.interval;
  switch (rule.freq) {
    case 'DAILY':
      return n === 1 ? t(locale, 'recurrence.daily') : t(locale, 'recurrence.dailyInterval', { count: n });
    case 'WEEKLY': {
      const weekdays = rule.byDay.length ? rule.byDay.map((d) => d.weekday) : [start.weekday];
      // Monday first, as the rule's week starts.
      const days = list(
        [...new Set(weekdays)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => weekdayName(d, locale)),
        locale,
      );
      if (n === 1) return t(locale, 'recurrence.weekly', { days });
      if (n === 2) return t(locale, 'recurrence.weeklyOther', { days });
      return t(locale, 'recurrence.weeklyInterval', { count: n, days });
    }
    case 'MONTHLY': {
      const [only] = rule.byDay;
      if (rule.byDay.length === 1 && only!.nth !== null && !rule.byMonthDay.length) {
        const params = { nth: t(locale, ordinalKey(only!.nth, only!.weekday)), weekday: weekdayName(only!.weekday, locale) };
        return n === 1 ? t(locale, 'recurrence.monthlyNth', params) : t(locale, 'recurrence.monthlyNthInterval', { ...params, count: n });
      }
      if (rule.byDay.length) {
        const days = list(rule.byDay.map((d) => weekdayName(d.weekday, locale)), locale);
        return n === 1 ? t(locale, 'recurrence.monthlyWeekdays', { days }) : t(locale, 'recurrence.monthlyWeekdaysInterval', { days, count: n });
      }
      const day = list((rule.byMonthDay.length ? rule.byMonthDay : [start.day]).map(String), locale);
      return n === 1 ? t(locale, 'recurrence.monthlyDay', { day }) : t(locale, 'recurrence.monthlyDayInterval', { day, count: n });
    }
    case 'YEARLY': {
      const date = dateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, (rule.byMonth[0] ?? start.month) - 1, rule.byMonthDay[0] ?? start.day)),
      );
      return n === 1 ? t(locale, 'recurrence.yearly', { date }) : t(locale, 'recurrence.yearlyInterval', { date, count: n });
    }
  }
}

/**
 * A recurrence rule in the reader's words, e.g. "Every second Tuesday of the month, until
 * 30 June 2027". Null when the rule is missing or not one we understand.
 */
export function describeRecurrence(
  event: { recurrence?: string | null; startsAt: string; timezone: string | null; allDay?: boolean | null },
  locale: string,
): string | null {
  const rule = parseRecurrence(event.recurrence);
  const first = new Date(event.startsAt);
  if (!rule || Number.isNaN(first.getTime())) return null;
  const timeZone = seriesZone(event);
  let text = base(rule, wallTime(first, timeZone), locale);
  if (rule.count !== null) text = t(locale, 'recurrence.times', { rule: text, count: rule.count });
  const until = rule.until ? untilInstant(rule.until, event) : null;
  if (until) {
    const date = dateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(until);
    text = t(locale, 'recurrence.until', { rule: text, date });
  }
  return capitalize(text, locale);
}
