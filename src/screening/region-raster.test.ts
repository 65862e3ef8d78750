import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { LazyGeodesic } from '../geodesy/short-line.ts';
import { edgeNear, edgeReach, type Closest } from './edge-distance.ts';
import { insideZone, nearZone, PointContact } from './point-contact.ts';
import { pointInRings } from './point-in-rings.ts';
import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { edgeCell, insideCell, outsideCell, rasterCell, rasterInside, rasterizeZone } from './region-raster.ts';
import { createScreener, type Screener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';
import { ZoneStoreBuilder } from './zone-store.ts';

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

/** Seeded points 0.97 to 1.3 times the zone's band off its edges (about 40 edges a ring), either side. */
function pointsAtBand(zone: number, seed: number): [number, number][] {
  const { rings, zoneRingStart, zoneAccuracyKm } = screener.store;
  const band = zoneAccuracyKm[zone] as number;
  const random = seededRandom(seed);
  const points: [number, number][] = [];
  for (let ring = zoneRingStart[zone] as number; ring < (zoneRingStart[zone + 1] as number); ring++) {
    const [start, end] = [rings.ringStart[ring] as number, rings.ringStart[ring + 1] as number];
    for (let a = start; a < end; a += Math.max(1, Math.floor((end - start) / 40))) {
      const b = a + 1 === end ? start : a + 1;
      const [ax, ay, bx, by] = [rings.coords[2 * a]!, rings.coords[2 * a + 1]!, rings.coords[2 * b]!, rings.coords[2 * b + 1]!];
      const t = random();
      const [x, y] = [ax + t * (bx - ax), ay + t * (by - ay)];
      const metric = kilometresPerDegree(y);
      // The unit normal in kilometres, turned back into degrees.
      const [nx, ny] = [-(by - ay) * metric.y, (bx - ax) * metric.x];
      const length = Math.hypot(nx, ny) || 1;
      const km = band * (0.97 + 0.33 * random()) * (random() < 0.5 ? -1 : 1);
      points.push([x + ((nx / length) * km) / metric.x, y + ((ny / length) * km) / metric.y]);
    }
  }
  return points;
}

describe('zone rasters', () => {
  it("grown by the widest band times edgeNear's reach, leave no cell but edge cells where edgeNear finds an edge or the ray cast disagrees", () => {
    const { store } = screener;
    const { rings, zoneRingStart, zoneAccuracyKm } = store;
    const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
    const geodesic = new LazyGeodesic();
    let decided = 0;
    let atBand = 0;
    for (let zone = 0; zone < store.count; zone++) {
      const band = zoneAccuracyKm[zone] as number;
      if (!(band > 0)) continue;
      // Coarse cells, and cells as fine as point shapes take for a wide band (point-shape.ts zoneRaster).
      for (const side of [48, 256]) {
        const raster = rasterizeZone(store, zone, { side, reach: edgeReach * 1.001, widest: true });
        const [ringFrom, ringTo] = [zoneRingStart[zone] as number, zoneRingStart[zone + 1] as number];
        const nearBand = pointsAtBand(zone, zone + side);
        for (const [n, [x, y]] of [...pointsAround(zone, 150, zone + 1), ...nearBand].entries()) {
          const cell = rasterCell(raster, x, y);
          if (cell === edgeCell) continue;
          decided++;
          if (n >= 150) atBand++;
          expect(pointInRings(rings, ringFrom, ringTo, x, y), `zone ${zone} at ${x}, ${y}`).toBe(cell === insideCell);
          expect(edgeNear(rings, ringFrom, ringTo, x, y, band, closest, geodesic), `zone ${zone} at ${x}, ${y}`).toBe(false);
        }
      }
    }
    expect(decided).toBeGreaterThan(4000);
    // Points just beyond the band's reach, decided by the fine rasters without their edges.
    expect(atBand).toBeGreaterThan(400);
  });

  it('mark the cells along an edge within its reach, not the whole box of a long slanting edge', () => {
    const builder = new ZoneStoreBuilder();
    // A right triangle of 4 degrees a side whose hypotenuse runs from corner to corner, its edges 10 km accurate.
    builder.addZone([{ xy: [110, 40, 114, 40, 114, 44], hole: false }], 10);
    const store = builder.finish();
    const raster = rasterizeZone(store, 0, { side: 64, reach: edgeReach * 1.001, widest: true });
    // Over 100 km from every edge, inside and outside the hypotenuse, yet within its box.
    expect(rasterCell(raster, 113, 41)).toBe(insideCell);
    expect(rasterCell(raster, 111, 43)).toBe(outsideCell);
    expect(rasterCell(raster, 112, 42.05)).toBe(edgeCell);
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
