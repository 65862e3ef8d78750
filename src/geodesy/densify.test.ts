import geographiclib from 'geographiclib-geodesic';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { kmGeodesicFromStraightEdge } from '../../tests/unit/edge-search.ts';
import { seededRandom } from '../screening/seeded-random.ts';
import { densifyGeometry, densifyPath, geodesicGapMetres, geodesicPoints, straightEdgeGapBoundMetres } from './densify.ts';
import { geodesicKm } from './ellipsoid.ts';
import { polygonArea } from './ellipsoidal-area.ts';

const wgs84 = geographiclib.Geodesic.WGS84;

/** The exact gap, by search, not the sampled one of densify.ts, in metres. */
const exactGapMetres = ([ax, ay]: Position, [bx, by]: Position): number => kmGeodesicFromStraightEdge(ax!, ay!, bx!, by!) * 1000;

/** Metres from p to the geodesic through a and b, at p's distance along it. */
function offGeodesicMetres([ax, ay]: Position, [bx, by]: Position, [px, py]: Position): number {
  const line = wgs84.InverseLine(ay!, ax!, by!, bx!);
  const at = line.Position(geodesicKm(ax!, ay!, px!, py!) * 1000);
  return geodesicKm(px!, py!, at.lon2 as number, at.lat2 as number) * 1000;
}

/** The edge of the red-line network drawn across the Greater Khingan: 268 km, 1.4 km from its geodesic. */
const khingan: [Position, Position] = [
  [122.2, 47.7],
  [124, 49.8],
];

describe('densifying edges along geodesics', () => {
  it('measures how far a straight edge strays from its geodesic as the exact search does', () => {
    const exact = exactGapMetres(...khingan);
    expect(exact).toBeGreaterThan(1300);
    expect(Math.abs(geodesicGapMetres(...(khingan.flat() as [number, number, number, number])) - exact)).toBeLessThan(exact * 0.01);
  });

  it.each([0.25, 25, 250])(
    'cuts a 268 km edge into pieces each within %s m of the geodesic, every point on it',
    (tolerance) => {
      const path = densifyPath(khingan, tolerance);
      expect(path[0]).toBe(khingan[0]);
      expect(path.at(-1)).toBe(khingan[1]);
      expect(path.length).toBeGreaterThan(2);
      for (let i = 1; i < path.length; i++) expect(exactGapMetres(path[i - 1]!, path[i]!)).toBeLessThanOrEqual(tolerance);
      for (const point of path.slice(1, -1)) expect(offGeodesicMetres(...khingan, point)).toBeLessThan(0.01);
      const lengths = path.slice(1).map((point, i) => geodesicKm(path[i]![0]!, path[i]![1]!, point[0]!, point[1]!));
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThan(1e-5);
    },
    30_000,
  );

  it('holds the tolerance on random edges of up to 400 km across the region', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 12; n++) {
      const from = [97 + random() * 29, 37 + random() * 16];
      const bearing = random() * 360;
      const to = wgs84.Direct(from[1]!, from[0]!, bearing, 50_000 + random() * 350_000);
      const edge: [Position, Position] = [from, [to.lon2 as number, to.lat2 as number]];
      const tolerance = [2.5, 25, 250][n % 3]!;
      const path = densifyPath(edge, tolerance);
      for (let i = 1; i < path.length; i++) expect(exactGapMetres(path[i - 1]!, path[i]!)).toBeLessThanOrEqual(tolerance);
    }
  }, 30_000);

  it('leaves short edges and meridians as they are', () => {
    const ring: Position[] = [
      [110, 40],
      [110.2, 40],
      [110.2, 40.2],
      [110, 40.2],
      [110, 40],
    ];
    expect(densifyPath(ring, 25)).toEqual(ring);
    expect(exactGapMetres(ring[0]!, ring[1]!)).toBeLessThan(25);
    const meridian: Position[] = [
      [110, 38],
      [110, 50],
    ];
    expect(densifyPath(meridian, 0.25)).toEqual(meridian);
  });

  it('inserts only where an edge strays past the tolerance, and nowhere that keep names', () => {
    const [from, to] = khingan;
    const polygon: Polygon = { type: 'Polygon', coordinates: [[from, to, [122.2, 49.8], from]] };
    const densified = densifyGeometry(polygon, 25) as Polygon;
    const ring = densified.coordinates[0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    // The diagonal is cut; the meridian side is a geodesic already; the parallel side along 49.8° N is cut too.
    expect(ring.slice(0, ring.indexOf(to) + 1).length).toBeGreaterThan(2);
    const kept = densifyGeometry(polygon, 25, (a, b) => a[1] === b[1]) as Polygon;
    const keptRing = kept.coordinates[0]!;
    expect(keptRing.filter((point) => point[1] === 49.8)).toHaveLength(2);
    expect(keptRing.length).toBeLessThan(ring.length);
    expect(densifyGeometry({ type: 'Point', coordinates: [110, 40] }, 25)).toEqual({ type: 'Point', coordinates: [110, 40] });
  });

  it('keeps the area, since a geodesic polygon does not change when points of its edges are added', () => {
    const polygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [115, 42],
          [121, 43.5],
          [119, 49],
          [112, 47],
          [115, 42],
        ],
      ],
    };
    const densified = densifyGeometry(polygon, 25);
    expect((densified as Polygon).coordinates[0]!.length).toBeGreaterThan(20);
    expect(Math.abs(polygonArea(densified as Polygon) / polygonArea(polygon) - 1)).toBeLessThan(1e-9);
  });

  it('returns no points for an edge within the tolerance', () => {
    expect(geodesicPoints(110, 40, 110.3, 40.1, 25)).toEqual([]);
  });
});

describe('the cheap bound on a straight edge gap', () => {
  it('is never below the exact gap, and within 2.5 times it on east-west edges (so it lets the short ones through)', () => {
    const random = seededRandom(41);
    for (let n = 0; n < 200; n++) {
      const ax = 97 + 30 * random();
      const ay = -60 + 140 * random();
      const lengthDegrees = 0.5 * random();
      const azimuth = 2 * Math.PI * random();
      const bx = ax + (lengthDegrees * Math.sin(azimuth)) / Math.cos((ay * Math.PI) / 180);
      const by = Math.max(-85, Math.min(85, ay + lengthDegrees * Math.cos(azimuth)));
      expect(straightEdgeGapBoundMetres(ax, ay, bx, by)).toBeGreaterThanOrEqual(exactGapMetres([ax, ay], [bx, by]));
    }
    for (const latitude of [10, 45, 70]) {
      const exact = exactGapMetres([110, latitude], [110.3, latitude]);
      expect(straightEdgeGapBoundMetres(110, latitude, 110.3, latitude)).toBeLessThan(2.5 * exact);
    }
  });
});
