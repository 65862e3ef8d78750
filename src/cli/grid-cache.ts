/**
 * The screen command's cache of what a screener builds as points need it (BuiltGrids: the zones' rasters, the region's
 * raster, the long rings' edge grids, the point searches' grid of zone boxes), kept between runs in a file per zone set
 * beside the command's bundle. Built in every run, they were the worker's first work on a million CSV points, and on
 * its critical path: 92-160 ms of rasters and 50-83 ms of edge grids in four runs (timed inside the worker, whose
 * 200 us profiles of such runs show it busy 1.1-1.2 s), and 8-14 ms of the zone grid; a file of 256 points or more
 * pays them on one thread too. Each is a function of the zones' rings and accuracy, which the file's name is a hash
 * of; the bundle's launcher empties the folder whenever it rebuilds the bundle, so no file outlives the code that
 * made it.
 *
 * The file is Node's own serialization (node:v8) of the grids, checked when read like any input; a file that fails the
 * check (cut short, from another version, tampered with) is ignored and replaced. Writing one is never a reason to fail
 * a run: a folder that cannot be written simply keeps nothing.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from '../schema/zod-mini.ts';
import { buildCellEdges, rasterCells } from '../screening/cell-edges.ts';
import type { EdgeGrid } from '../screening/edge-grid.ts';
import { type ZoneGrid, type ZoneGridLists, zoneGridOver } from '../screening/point-search.ts';
import type { RegionRaster } from '../screening/region-raster.ts';
import { type BuiltGrids, builtCount } from '../screening/screener.ts';
import type { ZoneStore } from '../screening/zone-store.ts';
import { type KeptAhead, keepFile, keptOnce, offsetsInOrder, readKept } from './kept-file.ts';

/** Zone sets whose files a folder keeps (the atlas's zones, and a few of users' own), the most recently written. */
const keptFiles = 8;

/** Bumped when the file's layout changes. */
const layout = 3;

const finite = z.number().check(z.refine(Number.isFinite));
const count = z.int().check(z.nonnegative());
const raster = z.object({
  side: count,
  cells: z.instanceof(Uint8Array),
  insides: z.optional(z.instanceof(Uint8Array)),
  edges: z.optional(z.object({ side: count, cellStart: z.instanceof(Uint32Array), edges: z.instanceof(Uint32Array) })),
  x0: finite,
  y0: finite,
  sx: finite,
  sy: finite,
});
const grid = z.object({
  x0: finite,
  y0: finite,
  sx: finite,
  sy: finite,
  columns: count,
  rows: count,
  cellStart: z.instanceof(Uint32Array),
  cellCoords: z.instanceof(Float64Array),
});
/** The point searches' grid as kept: its lists alone, as its frame and boxes are the zone index's (zoneGridOver). */
const zoneGrid = z.object({ columns: count, rows: count, cellStart: z.instanceof(Uint32Array), items: z.instanceof(Uint32Array) });
const fileSchema = z.object({
  layout: z.literal(layout),
  zoneRasters: z.array(z.tuple([count, z.nullable(raster)])),
  regionRaster: z.optional(raster),
  edgeGrids: z.array(z.tuple([count, z.nullable(grid)])),
  zoneGrid: z.optional(z.nullable(zoneGrid)),
});
type CachedRaster = z.infer<typeof raster>;
type CachedGrid = z.infer<typeof grid>;

/**
 * A raster rebuilt in the one shape rasterizeZone gives every raster, so that lookups stay monomorphic; its cell lists
 * checked against its side and their own length. Not each offset and edge, which would read a million numbers on a
 * worker's critical path: an offset out of order lists nothing, and an edge beyond the rings reads as NaN, never
 * nearer than another (edgeNearInCell), so a damaged list can mislead only as a damaged raster cell can, which no check
 * reads either: both are only ever written by this command, in files named by a hash of what they were made from.
 */
function rasterOf({ side, cells, insides, edges, x0, y0, sx, sy }: CachedRaster): RegionRaster {
  const packed = Math.ceil((side * side) / 4);
  if (cells.length !== packed || (insides !== undefined && insides.length !== packed)) throw new Error('a raster of the wrong size');
  const listSide = Math.ceil(side / rasterCells);
  if (
    edges &&
    (edges.side !== listSide ||
      edges.cellStart.length !== listSide * listSide + 1 ||
      edges.cellStart[0] !== 0 ||
      edges.cellStart[listSide * listSide] !== edges.edges.length)
  ) {
    throw new Error('cell lists that do not fit their raster');
  }
  return { side, cells, insides, edges, x0, y0, sx, sy };
}

/** An edge grid rebuilt in the shape buildEdgeGrid gives, its cell lists checked against its arrays. */
function gridOf({ x0, y0, sx, sy, columns, rows, cellStart, cellCoords }: CachedGrid): EdgeGrid {
  const cells = columns * rows;
  if (cellStart.length !== cells + 1 || !offsetsInOrder(cellStart, cellCoords.length / 4, true)) {
    throw new Error('an edge grid whose lists do not match its arrays');
  }
  return { x0, y0, sx, sy, columns, rows, cellStart, cellCoords };
}

/**
 * The point searches' grid of the store's index from its kept lists, which must fit it: one list per cell, in order,
 * of items the index holds.
 */
function zoneGridOf(lists: ZoneGridLists, store: ZoneStore): ZoneGrid {
  const { columns, rows, cellStart, items } = lists;
  if (!(columns >= 1 && rows >= 1) || cellStart.length !== columns * rows + 1 || !offsetsInOrder(cellStart, items.length, true)) {
    throw new Error('a zone grid whose lists do not match its cells');
  }
  const itemCount = store.index.numItems;
  for (let slot = 0; slot < items.length; slot++)
    if ((items[slot] as number) >= itemCount) throw new Error('a zone grid listing an item beyond its index');
  return zoneGridOver(store.index, lists);
}

/** What was built, each index at most once, as the file holds it (undefined entries are left out). */
function entries<T>(list: readonly (T | null | undefined)[]): [number, T | null][] {
  return list.flatMap((item, index): [number, T | null][] => (item === undefined ? [] : [[index, item]]));
}

/** Every grid that any of the sets built (the first set's where several did). */
export function mergedGrids(sets: readonly BuiltGrids[]): BuiltGrids {
  const merged: BuiltGrids = { zoneRasters: [], regionRaster: undefined, edgeGrids: [], zoneGrid: undefined };
  for (const set of sets) {
    for (const [index, item] of entries(set.zoneRasters)) merged.zoneRasters[index] ??= item;
    for (const [index, item] of entries(set.edgeGrids)) merged.edgeGrids[index] ??= item;
    merged.regionRaster ??= set.regionRaster;
    if (merged.zoneGrid === undefined) merged.zoneGrid = set.zoneGrid;
  }
  return merged;
}

/** A hash of every array the grids are made from: zones of the same rings and accuracy share their file. */
export function gridKey(store: ZoneStore): string {
  const hash = createHash('sha256').update(`grids ${layout} ${store.count}`);
  const { coords, ringStart, ringClosed } = store.rings;
  for (const array of [
    coords,
    ringStart,
    ringClosed,
    store.zoneRingStart,
    store.zoneBox,
    store.zoneAccuracyKm,
    store.zoneElsewhereKm,
    store.zoneStretchStart,
    store.stretchBox,
    store.stretchKm,
  ]) {
    hash.update(`${array.length}:`).update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return hash.digest('hex').slice(0, 32);
}

/** The grids kept for a zone set: those a file held when the run began, and the means to keep more. */
export class GridCache {
  /** The file, which worker threads read for themselves (ScreenPool). */
  readonly file: string;
  private readonly read: () => BuiltGrids | undefined;

  constructor(
    folder: string,
    private readonly store: ZoneStore,
  ) {
    this.file = join(folder, `${gridKey(store)}.grids`);
    this.read = keptOnce(this.file, (value) => checkedGrids(value, store));
  }

  /**
   * What the file held, undefined where there was none or it failed its check; read when first asked for, as a run
   * whose workers find every point's shape leaves the file to them.
   */
  get loaded(): BuiltGrids | undefined {
    return this.read();
  }

  /**
   * Writes the grids the run's screeners built (with those loaded) when they hold more than the file did, each zone's
   * raster with its cell lists (cell-edges.ts): 0.27 s cold (0.17 s warm) for the 89 rasters the seeded million of
   * tests/bench/cli.ts builds, which no single run would win back (they save some 80 ms of edge searches a million points), so they
   * are built only for the rasters kept here, once. Screeners that built nothing (a worker that built nothing beyond
   * the file's answers null) leave the file unread.
   */
  keep(built: readonly BuiltGrids[]): void {
    if (built.every((grids) => builtCount(grids) === 0)) return;
    const grids = mergedGrids([...(this.loaded ? [this.loaded] : []), ...built]);
    if (builtCount(grids) <= (this.loaded ? builtCount(this.loaded) : 0)) return;
    const zoneRasters = entries(grids.zoneRasters).map(([zone, raster]): [number, RegionRaster | null] => [
      zone,
      raster && (raster.edges ? raster : { ...raster, edges: buildCellEdges(this.store, zone, raster) }),
    ]);
    const { zoneGrid } = grids;
    const zoneGridLists = zoneGrid && {
      columns: zoneGrid.columns,
      rows: zoneGrid.rows,
      cellStart: zoneGrid.cellStart,
      items: zoneGrid.items,
    };
    keepFile(
      this.file,
      { layout, zoneRasters, regionRaster: grids.regionRaster, edgeGrids: entries(grids.edgeGrids), zoneGrid: zoneGridLists },
      keptFiles,
    );
  }
}

/**
 * The grids of a file for the store's zones and rings, or undefined where there is none or it fails its check; `ahead`:
 * the file as read before the store was known (kept-file.ts readAhead), checked here like any other reading.
 */
export const readGrids = (file: string, store: ZoneStore, ahead?: KeptAhead): BuiltGrids | undefined =>
  readKept(file, (value) => checkedGrids(value, store), ahead);

/** The grids a file held, checked against the store's zones and rings; throws what it refuses. */
function checkedGrids(value: unknown, store: ZoneStore): BuiltGrids {
  const rings = store.rings.ringClosed.length;
  const parsed = fileSchema.parse(value);
  const grids: BuiltGrids = {
    zoneRasters: [],
    regionRaster: parsed.regionRaster && rasterOf(parsed.regionRaster),
    edgeGrids: [],
    zoneGrid: parsed.zoneGrid && zoneGridOf(parsed.zoneGrid, store),
  };
  for (const [zone, item] of parsed.zoneRasters) {
    if (zone >= store.count) throw new Error(`a raster for zone ${zone} of ${store.count}`);
    grids.zoneRasters[zone] = item && rasterOf(item);
  }
  for (const [ring, item] of parsed.edgeGrids) {
    if (ring >= rings) throw new Error(`an edge grid for ring ${ring} of ${rings}`);
    grids.edgeGrids[ring] = item && gridOf(item);
  }
  return grids;
}
