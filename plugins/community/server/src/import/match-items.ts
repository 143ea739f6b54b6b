/** What identifies an imported item: the feed's GUID/id, else its link, else a hash of its content. */
export interface ItemIdentity {
  itemKey: string;
  guid: string | null;
  link: string | null;
  contentHash: string;
}

export interface StoredItem extends ItemIdentity {
  id: number;
}

export interface ItemPlan<T> {
  create: T[];
  update: { id: number; item: T }[];
  unchanged: number;
}

/**
 * Sorts a feed's items into new ones, changed ones and ones already stored as they are.
 * An item is the same as a stored one when its key, GUID, link or content hash matches —
 * so the same post reached through two feeds (say a blog's RSS and Atom) is kept once —
 * and it changed when its content hash differs. Repeats within the feed count once.
 */
export function planItems<T extends ItemIdentity>(items: T[], stored: StoredItem[]): ItemPlan<T> {
  const index = new Map<string, StoredItem>();
  const remember = (item: StoredItem) => {
    for (const key of identityKeys(item)) if (!index.has(key)) index.set(key, item);
  };
  stored.forEach(remember);

  const plan: ItemPlan<T> = { create: [], update: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const item of items) {
    const keys = identityKeys(item);
    if (keys.some((key) => seen.has(key))) continue;
    keys.forEach((key) => seen.add(key));
    const match = keys.map((key) => index.get(key)).find(Boolean);
    if (!match) plan.create.push(item);
    else if (match.contentHash !== item.contentHash) plan.update.push({ id: match.id, item });
    else plan.unchanged += 1;
  }
  return plan;
}

function identityKeys(item: ItemIdentity): string[] {
  return [
    `key:${item.itemKey}`,
    item.guid ? `guid:${item.guid}` : null,
    item.link ? `link:${item.link}` : null,
    `hash:${item.contentHash}`,
  ].filter((key): key is string => key !== null);
}
