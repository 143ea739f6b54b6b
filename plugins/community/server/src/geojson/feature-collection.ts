/** The columns of a group that the public map needs; everything else stays in the CMS. */
export interface GroupPoint {
  slug: string;
  name: string;
  kind: string;
  state: string;
  city?: string | null;
  country?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** Five decimals is about a metre: enough for a map, and shorter to ship. */
const round = (value: number) => Math.round(value * 1e5) / 1e5;

const isCoordinate = (value: unknown, limit: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;

/**
 * Serializes groups as a compact GeoJSON FeatureCollection (RFC 7946): one Point per
 * group that has coordinates, ordered by slug so equal data gives byte-equal output,
 * with empty properties left out rather than written as null.
 */
export function toFeatureCollection(groups: readonly GroupPoint[]): string {
  const features = groups
    .filter((group) => isCoordinate(group.latitude, 90) && isCoordinate(group.longitude, 180))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((group) => {
      const properties: Record<string, string> = { slug: group.slug, name: group.name, kind: group.kind, state: group.state };
      if (group.city) properties.city = group.city;
      if (group.country) properties.country = group.country;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [round(group.longitude as number), round(group.latitude as number)] },
        properties,
      };
    });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
