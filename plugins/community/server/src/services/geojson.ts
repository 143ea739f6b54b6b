import { DEFAULT_LOCALE } from '@chapterhouse/config';
import type { Core } from '@strapi/strapi';
import { toFeatureCollection, type GroupPoint } from '../geojson/feature-collection';
import { cachedRepresentation, type CachedRepresentation } from '../http/cached-representation';

const GROUP = 'api::group.group';
const COLUMNS: (keyof GroupPoint)[] = ['slug', 'name', 'kind', 'state', 'city', 'country', 'latitude', 'longitude'];

const stamp = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? ''));

/**
 * The GeoJSON of every published group, kept in memory and rebuilt only when the
 * published groups change. Each request reads a fingerprint from the database, so the
 * cache stays right when several CMS instances share it.
 */
const geojson = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { fingerprint: string; representation: Promise<CachedRepresentation> } | undefined;

  /**
   * Publishing inserts a new published row (a higher id) and unpublishing or deleting
   * removes one (a lower count); the last update catches writes to a published row in place.
   * The published rows of the default locale carry every field the map shows.
   */
  async function fingerprint(): Promise<string> {
    const meta = strapi.db.metadata.get(GROUP);
    const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
    const row = (await strapi.db
      .getConnection(meta.tableName)
      .where(column('locale'), DEFAULT_LOCALE)
      .whereNotNull(column('publishedAt'))
      .count({ rows: '*' })
      .max({ lastId: column('id') })
      .max({ lastUpdate: column('updatedAt') })
      .first()) as { rows: unknown; lastId: unknown; lastUpdate: unknown } | undefined;
    return [row?.rows, row?.lastId, stamp(row?.lastUpdate)].map(String).join('|');
  }

  async function build(): Promise<CachedRepresentation> {
    const rows = await strapi.db.query(GROUP).findMany({
      select: COLUMNS,
      where: {
        locale: DEFAULT_LOCALE,
        publishedAt: { $notNull: true },
        latitude: { $notNull: true },
        longitude: { $notNull: true },
      },
    });
    return cachedRepresentation(toFeatureCollection(rows as GroupPoint[]));
  }

  return {
    async groups(): Promise<CachedRepresentation> {
      // The fingerprint is read before the rows, so a body is never older than its key.
      const current = await fingerprint();
      if (cached?.fingerprint !== current) {
        const representation = build();
        cached = { fingerprint: current, representation };
        representation.catch(() => {
          if (cached?.representation === representation) cached = undefined;
        });
      }
      return cached.representation;
    },
  };
};

export default geojson;
