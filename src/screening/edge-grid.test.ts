import { describe, expect, test } from 'vitest';
import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { edgeWithinBand, nearestOnRings, type Closest } from './edge-distance.ts';
import { edgeGridOf } from './edge-grid.ts';
import { edgeEnd, RingPacker, ringEdgeCount, type PackedRings } from './packed-rings.ts';
import { seededRandom } from './seeded-random.ts';
import { starRing } from './synthetic-zones.ts';

/** The nearest edge point in the local plane by measuring every edge, with the search's own formula. */
function bruteForce(rings: PackedRings, ring: number, x: number, y: number): number {
  const { x: kx, y: ky } = kilometresPerDegree(y);
  const first = rings.ringStart[ring] as number;
  let best = Infinity;
  for (let edge = first; edge < first + ringEdgeCount(rings, ring); edge++) {
    const end = edgeEnd(rings, ring, edge);
    const ax = rings.coords[2 * edge] as number;
    const ay = rings.coords[2 * edge + 1] as number;
    const bx = rings.coords[2 * end] as number;
    const by = rings.coords[2 * end + 1] as number;
    const ex = (bx - ax) * kx;
    const ey = (by - ay) * ky;
    const px = (x - ax) * kx;
    const py = (y - ay) * ky;
    const length2 = ex * ex + ey * ey;
    const t = Math.max(0, Math.min(1, length2 > 0 ? (px * ex + py * ey) / length2 : 0));
    best = Math.min(best, (px - t * ex) ** 2 + (py - t * ey) ** 2);
  }
  return best;
}

describe('the edge grid of a long ring', () => {
  const random = seededRandom(11);
  const packer = new RingPacker();
  packer.addRing(starRing(random, 111, 43, 3, 6000), true);
  packer.addRing(starRing(random, 111, 43, 0.5, 300), true);
  const rings = packer.finish();

  test('is built for the long ring only, and lists every edge', () => {
    const grid = edgeGridOf(rings, 0);
    expect(grid).not.toBeNull();
    expect(edgeGridOf(rings, 1)).toBeNull();
    expect(grid!.cellStart[grid!.columns * grid!.rows]).toBeGreaterThanOrEqual(6000);
  });

  test('of a ring along one parallel is one row, and finds its edges', () => {
    const flat = new RingPacker();
    const path = Array.from({ length: 2 * 3000 }, (_, i) => (i % 2 === 0 ? 100 + i / 600 : 45));
    flat.addRing(path, false);
    const line = flat.finish();
    const grid = edgeGridOf(line, 0)!;
    expect([grid.rows, grid.columns]).toEqual([1, 750]);
    const closest: Closest = { km: 50, x: 0, y: 0, fromX: 0, fromY: 0 };
    nearestOnRings(line, 0, 1, 102.5, 45.1, kilometresPerDegree(45.1), closest);
    expect(closest.km).toBe(Math.sqrt(bruteForce(line, 0, 102.5, 45.1)));
  });

  test('finds the same nearest edge distance as measuring every edge, and the same band decision', () => {
    const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
    for (let n = 0; n < 1000; n++) {
      const x = 106 + 10 * random();
      const y = 39 + 8 * random();
      const reach = 5 + 40 * random();
      closest.km = reach;
      nearestOnRings(rings, 0, 1, x, y, kilometresPerDegree(y), closest);
      const exact = Math.sqrt(bruteForce(rings, 0, x, y));
      expect(closest.km).toBe(Math.min(exact, reach));
      const within = edgeWithinBand(rings, 0, 1, x, y, reach, closest);
      if (exact < reach * 0.98) expect(within).toBe(true);
      if (exact > reach * 1.02) expect(within).toBe(false);
    }
  });
});
