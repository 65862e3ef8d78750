import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { LazyGeodesic } from '../geodesy/short-line.ts';
import { buildCellEdges, edgeEnds, edgeNearInCell, rasterCells } from './cell-edges.ts';
import { type Closest, edgeNear, edgeReach } from './edge-distance.ts';
import { edgeCell, rasterCell, rasterizeZone, type RegionRaster } from './region-raster.ts';
import { createScreener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';
import { type ZoneStore, ZoneStoreBuilder } from './zone-store.ts';

let store: ZoneStore;
beforeAll(async () => {
  store = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version }).store;
});

const closest = (): Closest => ({ km: 0, x: 0, y: 0, fromX: 0, fromY: 0 });

/**
 * Seeded points over a raster's edge cells: anywhere in them, and on the lines between the lists' cells, where a
 * point's rounding decides its cell.
 */
function pointsIn(raster: RegionRaster, count: number, seed: number): [number, number][] {
  const random = seededRandom(seed);
  const points: [number, number][] = [];
  while (points.length < count) {
    const column = random() * raster.side;
    const row = random() * raster.side;
    const onLine = random() < 0.3;
    const x = raster.x0 + (onLine ? Math.round(column / rasterCells) * rasterCells : column) / raster.sx;
    const y = raster.y0 + (onLine && random() < 0.5 ? Math.round(row / rasterCells) * rasterCells : row) / raster.sy;
    if (rasterCell(raster, x, y) === edgeCell) points.push([x, y]);
  }
  return points;
}

/**
 * A right triangle of 4 degrees a side, its edges 10 km accurate, rasterized as point shapes rasterize a zone, with its
 * cell lists: its hypotenuse's edge strip holds cells far from any edge.
 */
function triangle() {
  const builder = new ZoneStoreBuilder();
  builder.addZone([{ xy: [110, 40, 114, 40, 114, 44], hole: false }], 10);
  const zone = builder.finish();
  const raster = rasterizeZone(zone, 0, { side: 64, reach: edgeReach * 1.001, widest: true });
  return { store: zone, raster, lists: buildCellEdges(zone, 0, raster) };
}

describe("a raster's cell lists of edges", () => {
  it('find the nearest edge that edgeNear finds, or none where it finds none, at the same distance', () => {
    const { rings, zoneRingStart, zoneAccuracyKm } = store;
    const next = edgeEnds(rings);
    const [listed, searched] = [closest(), closest()];
    const [viaLists, viaSearch] = [new LazyGeodesic(), new LazyGeodesic()];
    let near = 0;
    let beyond = 0;
    for (let zone = 0; zone < store.count; zone++) {
      const band = zoneAccuracyKm[zone] as number;
      if (!(band > 0)) continue;
      // A coarse raster, and cells as fine as point shapes take for a wide band (point-shape.ts zoneRaster).
      for (const side of [24, 128]) {
        const raster = rasterizeZone(store, zone, { side, reach: edgeReach * 1.001, widest: true });
        const lists = buildCellEdges(store, zone, raster);
        for (const [x, y] of pointsIn(raster, 120, zone * 7 + side)) {
          const where = `zone ${zone} (${side} cells) at ${x}, ${y}`;
          const found = edgeNearInCell(rings, next, raster, lists, x, y, band, listed, viaLists);
          const expected = edgeNear(rings, zoneRingStart[zone]!, zoneRingStart[zone + 1]!, x, y, band, searched, viaSearch);
          expect(found, where).toBe(expected);
          expect(listed.km, where).toBe(searched.km);
          if (!expected) {
            beyond++;
            continue;
          }
          near++;
          expect(viaLists.km(), where).toBeCloseTo(viaSearch.km(), 9);
        }
      }
    }
    expect(near).toBeGreaterThan(5000);
    expect(beyond).toBeGreaterThan(500);
  });

  it('find the same nearest edge for a zone across the equator, where a cell holds both hemispheres', () => {
    const builder = new ZoneStoreBuilder();
    builder.addZone([{ xy: [10, -2, 14, -2, 12.5, 3, 11, 0.4], hole: false }], 40);
    const across = builder.finish();
    const raster = rasterizeZone(across, 0, { side: 48, reach: edgeReach * 1.001, widest: true });
    const lists = buildCellEdges(across, 0, raster);
    const [listed, searched] = [closest(), closest()];
    let near = 0;
    for (const [x, y] of pointsIn(raster, 1500, 11)) {
      const found = edgeNearInCell(across.rings, edgeEnds(across.rings), raster, lists, x, y, 40, listed, new LazyGeodesic());
      expect(found, `${x}, ${y}`).toBe(edgeNear(across.rings, 0, 1, x, y, 40, searched, new LazyGeodesic()));
      expect(listed.km, `${x}, ${y}`).toBe(searched.km);
      if (found) near++;
    }
    expect(near).toBeGreaterThan(500);
  });

  it('list no edge for cells beyond the reach of every edge, and few for cells near one', () => {
    const { raster, lists } = triangle();
    const listed = (x: number, y: number) => {
      const cell = (Math.floor((y - raster.y0) * raster.sy) >> 1) * lists.side + (Math.floor((x - raster.x0) * raster.sx) >> 1);
      return Array.from(lists.edges.subarray(lists.cellStart[cell], lists.cellStart[cell + 1]));
    };
    // Beside the middle of the bottom edge, and of the hypotenuse: that edge alone.
    expect(listed(112, 40.02)).toEqual([0]);
    expect(listed(112.02, 41.98)).toEqual([2]);
    // At the right angle's corner both of its edges, and nothing of the far hypotenuse.
    expect(listed(113.98, 40.02).sort()).toEqual([0, 1]);
    // Cells beyond the reach list nothing (none of the raster's own cells there is an edge cell).
    expect(listed(112, 41)).toEqual([]);
    expect(lists.cellStart[lists.cellStart.length - 1]).toBe(lists.edges.length);
  });

  it('damaged, find no edge rather than a wrong one or an error (grid-cache.ts checks no more than their sizes)', () => {
    const { store: zone, raster, lists } = triangle();
    const next = edgeEnds(zone.rings);
    const found = (damaged: typeof lists) =>
      edgeNearInCell(zone.rings, next, raster, damaged, 112, 40.02, 10, closest(), new LazyGeodesic());
    expect(found(lists)).toBe(true);
    expect(found({ ...lists, edges: lists.edges.map(() => 2 ** 31) })).toBe(false);
    expect(found({ ...lists, cellStart: lists.cellStart.map((start) => lists.edges.length + 5 - start) })).toBe(false);
  });
});
