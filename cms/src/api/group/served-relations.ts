const YES = new Set([true, 'true', '*']);

/**
 * Takes `name` out of a group read's `populate` parameter, in each form Strapi accepts
 * (`name`, `region,name`, `[…, 'name']`, `{ name: true }`); `*` asks for it too (unless
 * `byStar` is false) and stays for the real relations. These are lists the group controller serves itself (coordinators,
 * imported posts and photos), so Strapi must not see them. Returns what is left for Strapi
 * to validate and whether `name` was asked for, or a message when it was given options.
 */
export function takeServed(
  populate: unknown,
  name: string,
  shape: string,
  options: { byStar?: boolean } = {},
): { wanted: boolean; rest: unknown } | string {
  // `*` asks for every list whose cost does not grow with what the group holds.
  const byStar = options.byStar ?? true;
  if (populate === undefined || populate === null) return { wanted: false, rest: populate };
  if (typeof populate === 'string') {
    const names = populate.split(',').map((entry) => entry.trim());
    if (names.includes('*') && !names.includes(name)) return { wanted: byStar, rest: populate };
    if (names.includes('*')) return { wanted: true, rest: names.filter((entry) => entry !== name).join(',') };
    if (!names.includes(name)) return { wanted: false, rest: populate };
    const rest = names.filter((entry) => entry !== name);
    return { wanted: true, rest: rest.length ? rest.join(',') : undefined };
  }
  if (Array.isArray(populate)) {
    if (populate.includes('*') && !populate.includes(name)) return { wanted: byStar, rest: populate };
    if (populate.includes('*')) return { wanted: true, rest: populate.filter((entry) => entry !== name) };
    if (!populate.includes(name)) return { wanted: false, rest: populate };
    const rest = populate.filter((entry) => entry !== name);
    return { wanted: true, rest: rest.length ? rest : undefined };
  }
  if (typeof populate === 'object') {
    const { [name]: asked, ...rest } = populate as Record<string, unknown>;
    if (asked === undefined) return { wanted: false, rest: populate };
    if (!YES.has(asked as string | boolean)) return `populate[${name}] takes no options: ${shape}; use populate[${name}]=true`;
    return { wanted: true, rest: Object.keys(rest).length ? rest : undefined };
  }
  return { wanted: false, rest: populate };
}
