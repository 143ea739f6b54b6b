export interface TileConfig {
  url: string;
  attribution: string;
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * The map's tile layer from the site's configuration: OpenStreetMap when nothing is set,
 * none at all for `none` (a site without a tile server still shows its groups).
 * The attribution is HTML written by the site's operator.
 */
export function tileConfig(url: string | undefined, attribution: string | undefined): TileConfig | null {
  const chosen = url?.trim() || DEFAULT_TILE_URL;
  if (chosen.toLowerCase() === 'none') return null;
  const credit = attribution?.trim() || (chosen === DEFAULT_TILE_URL ? DEFAULT_TILE_ATTRIBUTION : '');
  return { url: chosen, attribution: credit };
}
