import { canonicalLanguage } from './filters';
import { nextOccurrence, type RecurringEvent } from '@chapterhouse/config';

export interface Placed<T> {
  event: T;
  start: Date;
  end: Date;
}

/**
 * Each event at its next occurrence that has not ended by `now` (series that are over are
 * dropped), soonest first; ties keep a stable order by title.
 */
export function placeUpcoming<T extends RecurringEvent & { title: string }>(events: T[], now: Date): Placed<T>[] {
  const placed: Placed<T>[] = [];
  for (const event of events) {
    const next = nextOccurrence(event, now);
    if (next) placed.push({ event, ...next });
  }
  return placed.sort((a, b) => a.start.getTime() - b.start.getTime() || a.event.title.localeCompare(b.event.title));
}

/** Whether an event in `eventLanguage` matches a `wanted` language: `pt` matches `pt-BR`, case aside. */
export function matchesLanguage(eventLanguage: string | null | undefined, wanted: string): boolean {
  if (!eventLanguage) return false;
  const have = canonicalLanguage(eventLanguage).toLowerCase();
  const want = wanted.toLowerCase();
  return have === want || have.startsWith(`${want}-`);
}

/** The distinct languages of `events`, canonical, sorted. */
export function languagesOf(events: { language?: string | null }[]): string[] {
  const found = new Set<string>();
  for (const { language } of events) if (language) found.add(canonicalLanguage(language));
  return [...found].sort();
}
