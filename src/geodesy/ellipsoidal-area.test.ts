import { describe, expect, it } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { polygonArea, ringArea, signedRingArea } from './ellipsoidal-area.ts';

/** GeographicLib's geodesic polygon area, m², positive for counter-clockwise rings. */
function geographicLibArea(ring: Position[]): number {
  const polygon = geographiclib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) polygon.AddPoint(lat!, lon!);
  return polygon.Compute(false, true).area!;
}

const cell = (lon: number, lat: number, width: number, height = width): Position[] => [
  [lon, lat],
  [lon + width, lat],
  [lon + width, lat + height],
  [lon, lat + height],
  [lon, lat],
];
const relativeError = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);

describe('ellipsoidal area against GeographicLib', () => {
  it.each([38, 45, 52])('1°x1° cell at %i° N', (lat) => {
    const ring = cell(110, lat, 1);
    expect(relativeError(ringArea(ring), geographicLibArea(ring))).toBeLessThan(1e-6);
  });

  it('a small polygon of about 100 m', () => {
    const ring = [
      [111.5, 39.5],
      [111.5012, 39.5],
      [111.5009, 39.5009],
      [111.5, 39.5007],
      [111.5, 39.5],
    ];
    expect(relativeError(ringArea(ring), geographicLibArea(ring))).toBeLessThan(1e-6);
  });

  it('a triangle with 5° edges, densified along its geodesics', () => {
    const ring = [
      [105, 40],
      [110, 40.5],
      [107, 45],
      [105, 40],
    ];
    expect(relativeError(ringArea(ring), geographicLibArea(ring))).toBeLessThan(1e-6);
  });

  it('a polygon with a hole', () => {
    const outer = cell(115, 43, 0.5);
    const hole = cell(115.1, 43.1, 0.2).reverse();
    const reference = geographicLibArea(outer) + geographicLibArea(hole);
    expect(relativeError(polygonArea({ type: 'Polygon', coordinates: [outer, hole] }), reference)).toBeLessThan(1e-6);
  });

  it('signs by winding, reads flat arrays and open rings alike, and sums MultiPolygon parts', () => {
    const ring = cell(120, 48, 0.3);
    const area = signedRingArea(ring);
    expect(area).toBeGreaterThan(0);
    expect(signedRingArea([...ring].reverse())).toBeCloseTo(-area, 3);
    expect(ringArea(ring.flat())).toBeCloseTo(area, 3);
    expect(ringArea(ring.slice(0, -1))).toBeCloseTo(area, 3);
    const other = cell(121, 48, 0.3);
    expect(polygonArea({ type: 'MultiPolygon', coordinates: [[ring], [other]] })).toBeCloseTo(area + ringArea(other), 3);
    expect(
      ringArea([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(0);
  });
});
