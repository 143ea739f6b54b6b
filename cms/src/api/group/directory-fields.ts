import type { Core } from '@strapi/strapi';
import type { GroupStatus } from '@chapterhouse/config';

const GROUP = 'api::group.group';

/** The directory's order of states: living groups first. */
export const STATE_ORDER: readonly GroupStatus[] = ['active', 'forming', 'dormant', 'archived'];

/** A group's place in the directory's state order (1 = active … 4 = archived), null for an unknown state. */
export function stateOrderOf(state: unknown): number | null {
  const index = STATE_ORDER.indexOf(state as GroupStatus);
  return index < 0 ? null : index + 1;
}

const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;

/** A language tag as the key stores it: trimmed, lower case (BCP 47 tags are case-insensitive); null if it is not one. */
export function keyTag(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().toLowerCase();
  return TAG.test(tag) ? tag : null;
}

/**
 * The spoken languages as one delimited column (`|en|pt-br|`), so that a filter can ask
 * for a whole tag with a plain LIKE on every database: `|pt|` never matches `|pt-br|`.
 * A group that lists none gets `|`, so "not known yet" (null) stays distinct.
 */
export function languageKeyOf(languages: unknown): string {
  const tags = Array.isArray(languages) ? languages.map(keyTag).filter((tag): tag is string => tag !== null) : [];
  return `|${[...new Set(tags)].map((tag) => `${tag}|`).join('')}`;
}

/** The derived columns for the values a write sets; only those whose source is written. */
export function derivedFields(data: Record<string, unknown>): Record<string, unknown> {
  const derived: Record<string, unknown> = {};
  if ('state' in data) derived.stateOrder = stateOrderOf(data.state);
  if ('languages' in data) derived.languageKey = languageKeyOf(data.languages);
  return derived;
}

type LifecycleEvent = { params: { data?: Record<string, unknown> | Record<string, unknown>[] } };

function fill(event: LifecycleEvent) {
  const rows = Array.isArray(event.params.data) ? event.params.data : event.params.data ? [event.params.data] : [];
  for (const row of rows) Object.assign(row, derivedFields(row));
}

/**
 * Keeps a group's `stateOrder` and `languageKey` in step with its state and languages on
 * every write that reaches the database (Document Service, admin, seed, bulk inserts).
 */
export function registerDirectoryFields(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({
    models: [GROUP],
    beforeCreate: fill,
    beforeCreateMany: fill,
    beforeUpdate: fill,
    beforeUpdateMany: fill,
  } as any);
}

/** Fills the derived columns of rows written before they existed (one pass at start, nothing when all are set). */
export async function backfillDirectoryFields(strapi: Core.Strapi) {
  const rows = (await strapi.db.query(GROUP).findMany({
    where: { $or: [{ stateOrder: null }, { languageKey: null }] },
    select: ['id', 'state', 'languages'],
  })) as { id: number; state: string; languages: unknown }[];
  for (const row of rows) {
    await strapi.db.query(GROUP).update({ where: { id: row.id }, data: { state: row.state, languages: row.languages } });
  }
}
