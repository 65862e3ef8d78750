import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { LazyGeodesic } from '../geodesy/short-line.ts';
import { edgeNear, edgeReach, type Closest } from './edge-distance.ts';
import { insideZone, nearZone, PointContact } from './point-contact.ts';
import { pointInRings } from './point-in-rings.ts';
import { edgeCell, insideCell, rasterCell, rasterInside, rasterizeZone } from './region-raster.ts';
import { createScreener, type Screener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';

let screener: Screener;
beforeAll(async () => {
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
});

/** Seeded points over a zone's box grown by twice its band, most of them near its edges' reach. */
function pointsAround(zone: number, count: number, seed: number): [number, number][] {
  const { zoneBox, zoneAccuracyKm } = screener.store;
  const [minX, minY, maxX, maxY] = Array.from(zoneBox.subarray(4 * zone, 4 * zone + 4)) as [number, number, number, number];
  const grow = (2 * (zoneAccuracyKm[zone] as number)) / 80;
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => [
    minX - grow + random() * (maxX - minX + 2 * grow),
    minY - grow + random() * (maxY - minY + 2 * grow),
  ]);
}

describe('zone rasters', () => {
  it("grown by the widest band times edgeNear's reach, leave no cell but edge cells where edgeNear finds an edge or the ray cast disagrees", () => {
    const { store } = screener;
    const { rings, zoneRingStart, zoneAccuracyKm } = store;
    const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
    const geodesic = new LazyGeodesic();
    let decided = 0;
    for (let zone = 0; zone < store.count; zone++) {
      const band = zoneAccuracyKm[zone] as number;
      if (!(band > 0)) continue;
      const raster = rasterizeZone(store, zone, { side: 48, reach: edgeReach * 1.001, widest: true });
      const [ringFrom, ringTo] = [zoneRingStart[zone] as number, zoneRingStart[zone + 1] as number];
      for (const [x, y] of pointsAround(zone, 150, zone + 1)) {
        const cell = rasterCell(raster, x, y);
        if (cell === edgeCell) continue;
        decided++;
        expect(pointInRings(rings, ringFrom, ringTo, x, y), `zone ${zone} at ${x}, ${y}`).toBe(cell === insideCell);
        expect(edgeNear(rings, ringFrom, ringTo, x, y, band, closest, geodesic), `zone ${zone} at ${x}, ${y}`).toBe(false);
      }
    }
    expect(decided).toBeGreaterThan(2000);
  });

  it('classed against the bare edges, tell inside from outside as the ray cast does wherever no edge runs through the cell', () => {
    const { store } = screener;
    const { rings, zoneRingStart, zoneAccuracyKm } = store;
    let decided = 0;
    let nearEdges = 0;
    for (let zone = 0; zone < store.count; zone++) {
      const band = zoneAccuracyKm[zone] as number;
      if (!(band > 0)) continue;
      const raster = rasterizeZone(store, zone, { side: 48, reach: edgeReach * 1.001, widest: true, insides: true });
      const [ringFrom, ringTo] = [zoneRingStart[zone] as number, zoneRingStart[zone + 1] as number];
      // Seeded points around the zone, and points a hundredth of a millimetre to a metre off the middle of its edges.
      const offEdges: [number, number][] = [];
      const random = seededRandom(zone + 99);
      for (let ring = ringFrom; ring < ringTo; ring++) {
        const [start, end] = [rings.ringStart[ring] as number, rings.ringStart[ring + 1] as number];
        for (let a = start; a < end; a += Math.max(1, Math.floor((end - start) / 40))) {
          const b = a + 1 === end ? start : a + 1;
          const [ax, ay, bx, by] = [rings.coords[2 * a]!, rings.coords[2 * a + 1]!, rings.coords[2 * b]!, rings.coords[2 * b + 1]!];
          const length = Math.hypot(bx - ax, by - ay) || 1;
          const off = 10 ** (-10 + 5 * random()) * (random() < 0.5 ? -1 : 1);
          offEdges.push([(ax + bx) / 2 - ((by - ay) / length) * off, (ay + by) / 2 + ((bx - ax) / length) * off]);
        }
      }
      for (const [x, y] of [...pointsAround(zone, 150, zone + 1), ...offEdges]) {
        const known = rasterInside(raster, x, y);
        if (known === edgeCell) continue;
        if (rasterCell(raster, x, y) === edgeCell) nearEdges++;
        decided++;
        expect(pointInRings(rings, ringFrom, ringTo, x, y), `zone ${zone} at ${x}, ${y}`).toBe(known === insideCell);
      }
    }
    expect(decided).toBeGreaterThan(2000);
    // Most of them in the band's edge cells, where the bare classes spare the ray cast.
    expect(nearEdges).toBeGreaterThan(1000);
  });

  it("of the region, by each edge's own band, place every point of a non-edge cell as its contact does", () => {
    const { store, regionZone } = screener;
    const raster = screener.regionRaster();
    if (!raster) throw new Error('the atlas has a region');
    const contact = new PointContact(store);
    let decided = 0;
    for (const [x, y] of pointsAround(regionZone, 4000, 7)) {
      const cell = rasterCell(raster, x, y);
      if (cell === edgeCell) continue;
      decided++;
      const where = contact.of(regionZone, x, y);
      expect(where, `${x}, ${y}`).not.toBe(nearZone);
      expect(where === insideZone, `${x}, ${y}`).toBe(cell === insideCell);
    }
    expect(decided).toBeGreaterThan(2000);
  });
});
