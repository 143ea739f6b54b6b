import type { FeedKind } from '../feeds';

export interface LeftOut {
  kind: FeedKind;
  /** Items the feed holds (events within the calendar window, for a calendar). */
  total: number;
  /** Of those, not taken because of the per-feed limit. */
  beyondLimit: number;
  /** Calendar events that ended before the past window. */
  outsideWindow: number;
  pastDays: number;
}

const count = (n: number, one: string, many: string) => `${new Intl.NumberFormat('en').format(n)} ${n === 1 ? one : many}`;

/** What the last import left out of a feed and why, in words for the feed's health line; null when nothing. */
export function leftOutNote({ kind, total, beyondLimit, outsideWindow, pastDays }: LeftOut): string | null {
  const notes: string[] = [];
  if (outsideWindow > 0) {
    notes.push(`${count(outsideWindow, 'event', 'events')} ended more than ${pastDays} days ago and ${outsideWindow === 1 ? 'was' : 'were'} not imported.`);
  }
  if (beyondLimit > 0) {
    const taken = count(total - beyondLimit, '', '').trim();
    notes.push(
      kind === 'calendar'
        ? `The calendar holds ${count(total, 'event', 'events')} in its window; only the ${taken} nearest to today were imported.`
        : `The feed holds ${count(total, 'item', 'items')}; only the newest ${taken} were imported.`,
    );
  }
  return notes.length ? notes.join(' ') : null;
}
