import { describe, expect, it } from 'vitest';
import { boundingBox, distanceKm, nearest, parseNear, type BoundingBox, type Placed } from './nearby';

describe('boundingBox', () => {
  it('matches a hand-worked box: 1,000 km around the Statue of Liberty', () => {
    // r = 1000 / 6371.0088 = 0.156961 rad = 8.9932°; Δlng = asin(sin r / cos 40.6892°) = 11.8956°.
    const box = boundingBox({ lat: 40.6892, lng: -74.0444 }, 1000);
    expect(box.lat[0]).toBeCloseTo(31.696, 2);
    expect(box.lat[1]).toBeCloseTo(49.6824, 2);
    expect(box.lng).toHaveLength(1);
    expect(box.lng[0]![0]).toBeCloseTo(-85.94, 1);
    expect(box.lng[0]![1]).toBeCloseTo(-62.149, 1);
  });

  it('splits at the antimeridian and opens to every longitude across a pole', () => {
    const fiji = boundingBox({ lat: -17.7, lng: 178.5 }, 500);
    expect(fiji.lng).toHaveLength(2);
    expect(fiji.lng[0]![1]).toBe(180);
    expect(fiji.lng[1]![0]).toBe(-180);
    expect(fiji.lng[1]![1]).toBeGreaterThan(-180);
    const svalbard = boundingBox({ lat: 85, lng: 20 }, 1000);
    expect(svalbard.lat[1]).toBe(90);
    expect(svalbard.lng).toEqual([[-180, 180]]);
  });
});

describe('distanceKm', () => {
  it('gives the hand-worked distance of one degree of a meridian', () => {
    // 2πR / 360 with R = 6371.0088 km.
    expect(distanceKm({ lat: 0, lng: 10 }, { lat: 1, lng: 10 })).toBeCloseTo(111.195, 2);
  });
});

describe('parseNear', () => {
  it('reads a point and says what is wrong with anything else', () => {
    expect(parseNear('48.8566, 2.3522')).toEqual({ lat: 48.8566, lng: 2.3522 });
    for (const bad of ['91,0', '0,181', 'paris', '1,2,3', '', undefined, ['1,2']]) expect(parseNear(bad)).toMatch(/^near must be/);
  });
});

describe('nearest', () => {
  const points: Placed[] = Array.from({ length: 400 }, (_, i) => ({
    documentId: `g${i}`,
    name: `Group ${i}`,
    latitude: -80 + ((i * 37) % 160),
    longitude: -179 + ((i * 101) % 358),
  }));
  const inside = (box: BoundingBox) =>
    points.filter(
      (p) => p.latitude >= box.lat[0] && p.latitude <= box.lat[1] && box.lng.some(([from, to]) => p.longitude >= from && p.longitude <= to),
    );

  it('finds the same groups, in the same order, as measuring every one', async () => {
    for (const center of [{ lat: 48.85, lng: 2.35 }, { lat: -17.7, lng: 179.9 }, { lat: 89, lng: 0 }]) {
      const boxes: BoundingBox[] = [];
      const found = await nearest(center, 30, points.length, async (box) => {
        boxes.push(box);
        return inside(box);
      });
      const all = points
        .map((p) => ({ ...p, distanceKm: distanceKm(center, { lat: p.latitude, lng: p.longitude }) }))
        .sort((a, b) => a.distanceKm - b.distanceKm || a.name.localeCompare(b.name));
      expect(found.map((p) => p.documentId)).toEqual(all.slice(0, 30).map((p) => p.documentId));
      expect(boxes.length).toBeLessThanOrEqual(6);
    }
  });

  it('asks nothing when there is nothing to find', async () => {
    expect(await nearest({ lat: 0, lng: 0 }, 10, 0, () => Promise.reject(new Error('asked')))).toEqual([]);
  });
});
