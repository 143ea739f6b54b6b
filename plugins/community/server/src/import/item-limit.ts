/** How many items one import takes from one feed; the rest of a bigger feed is left out and counted. */
export const MAX_ITEMS_PER_FEED = 500;

export interface Limited<T> {
  items: T[];
  /** Items of the feed beyond the limit, not taken. */
  leftOut: number;
}

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);

/**
 * The newest `limit` posts or photos (by publication date; undated ones after the dated, in
 * feed order), themselves in that order.
 */
export function newestItems<T extends { publishedAt: string | null; takenAt?: string | null }>(items: T[], limit = MAX_ITEMS_PER_FEED): Limited<T> {
  if (items.length <= limit) return { items, leftOut: 0 };
  const ranked = items
    .map((item, index) => ({ item, index, at: time(item.publishedAt ?? item.takenAt) }))
    .sort((a, b) => b.at - a.at || a.index - b.index);
  return { items: ranked.slice(0, limit).map(({ item }) => item), leftOut: items.length - limit };
}

/**
 * The `limit` events nearest to `now` that matter most: series and events not over yet,
 * soonest first, then past ones, latest first.
 */
export function nearestEvents<T extends { startsAt: string; endsAt: string; recurrence: string | null }>(items: T[], now: Date, limit = MAX_ITEMS_PER_FEED): Limited<T> {
  if (items.length <= limit) return { items, leftOut: 0 };
  const current = (item: T) => item.recurrence !== null || Date.parse(item.endsAt) >= now.getTime();
  const ahead = items.filter(current).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const past = items.filter((item) => !current(item)).sort((a, b) => Date.parse(b.endsAt) - Date.parse(a.endsAt));
  return { items: [...ahead, ...past].slice(0, limit), leftOut: items.length - limit };
}
