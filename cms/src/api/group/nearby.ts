/** A point on Earth in degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** The mean Earth radius (IUGG), in kilometres. */
const EARTH_RADIUS_KM = 6371.0088;
/** No two points on Earth are farther apart than half its circumference. */
export const MAX_DISTANCE_KM = Math.PI * EARTH_RADIUS_KM;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const NUMBER = /^-?\d{1,3}(?:\.\d{1,12})?$/;

/** `near=lat,lng` as a point, or a message saying what is wrong with it. */
export function parseNear(value: unknown): LatLng | string {
  const how = 'near must be a latitude and a longitude in degrees, e.g. near=48.8566,2.3522';
  if (typeof value !== 'string') return how;
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length !== 2 || !parts.every((part) => NUMBER.test(part))) return how;
  const point = { lat: Number(parts[0]), lng: Number(parts[1]) };
  if (Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) return `${how} (latitude −90…90, longitude −180…180)`;
  return point;
}

/** A latitude range and one or two longitude ranges (two when the box crosses the antimeridian). */
export interface BoundingBox {
  lat: [number, number];
  lng: [number, number][];
}

/**
 * The smallest latitude/longitude box holding every point within `radiusKm` of `center`
 * (J. P. Matuschek, "Finding Points Within a Distance of a Latitude/Longitude Using
 * Bounding Coordinates"): it reaches across a pole when the circle does, and splits in two
 * at ±180°. An index on the coordinates narrows a search to it before distances are computed.
 */
export function boundingBox(center: LatLng, radiusKm: number): BoundingBox {
  const angular = radiusKm / EARTH_RADIUS_KM;
  const lat = center.lat * RAD;
  const lng = center.lng * RAD;
  let minLat = lat - angular;
  let maxLat = lat + angular;
  if (minLat <= -Math.PI / 2 || maxLat >= Math.PI / 2) {
    minLat = Math.max(minLat, -Math.PI / 2);
    maxLat = Math.min(maxLat, Math.PI / 2);
    return { lat: [minLat / RAD, maxLat / RAD], lng: [[-180, 180]] };
  }
  const dLng = Math.asin(Math.sin(angular) / Math.cos(lat));
  let minLng = lng - dLng;
  let maxLng = lng + dLng;
  const box = { lat: [minLat / RAD, maxLat / RAD] as [number, number], lng: [] as [number, number][] };
  if (minLng < -Math.PI) {
    minLng += 2 * Math.PI;
    box.lng.push([minLng / RAD, 180], [-180, maxLng / RAD]);
  } else if (maxLng > Math.PI) {
    maxLng -= 2 * Math.PI;
    box.lng.push([minLng / RAD, 180], [-180, maxLng / RAD]);
  } else {
    box.lng.push([minLng / RAD, maxLng / RAD]);
  }
  return box;
}

/** A box as document filters on `latitude` and `longitude`. */
export function boxFilter(box: BoundingBox): Record<string, unknown> {
  const lng = box.lng.map(([from, to]) => ({ longitude: { $gte: from, $lte: to } }));
  return { latitude: { $gte: box.lat[0], $lte: box.lat[1] }, ...(lng.length === 1 ? lng[0] : { $or: lng }) };
}

export interface Placed {
  documentId: string;
  name: string;
  latitude: number;
  longitude: number;
}

/** Searches start within this distance and widen fourfold until they hold enough groups. */
const FIRST_RADIUS_KM = 250;

/**
 * The `count` groups nearest to `center`, nearest first (ties by name), with their
 * distances. `within(box)` gives the placed groups inside a box; `placed` says how many
 * there are at all. Each round asks for the box around a circle, keeps the groups inside
 * the circle (a box's corners are farther than its radius) and stops once it holds
 * `count` of them: nothing outside the circle can be nearer than what is inside.
 */
export async function nearest(
  center: LatLng,
  count: number,
  placed: number,
  within: (box: BoundingBox) => Promise<Placed[]>,
): Promise<(Placed & { distanceKm: number })[]> {
  const wanted = Math.min(count, placed);
  if (wanted <= 0) return [];
  for (let radius = FIRST_RADIUS_KM; ; radius *= 4) {
    const whole = radius >= MAX_DISTANCE_KM;
    const rows = await within(boundingBox(center, whole ? MAX_DISTANCE_KM : radius));
    const inside = rows
      .map((row) => ({ ...row, distanceKm: distanceKm(center, { lat: row.latitude, lng: row.longitude }) }))
      .filter((row) => whole || row.distanceKm <= radius);
    if (inside.length >= wanted || whole) {
      return inside
        .sort((a, b) => a.distanceKm - b.distanceKm || a.name.localeCompare(b.name) || a.documentId.localeCompare(b.documentId))
        .slice(0, count);
    }
  }
}
