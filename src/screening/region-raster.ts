import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import type { CellEdges } from './cell-edges.ts';
import { bandOfEdge } from './edge-accuracy.ts';
import { pointInRings } from './point-in-rings.ts';
import type { ZoneStore } from './zone-store.ts';

/** Cells a side of the region's raster: about 5 x 3.5 km over Inner Mongolia, 64 KiB packed (RegionRaster.cells). */
const regionSide = 512;

export const outsideCell = 0;
export const insideCell = 1;
/** The cell lies within the zone's accuracy band of its edge: test the point exactly. */
export const edgeCell = 2;

/** A grid over one zone (the region every batch point is tested against, or any zone a point shape meets) telling,
 * for most of its box, inside or outside without reading its edges. */
export interface RegionRaster {
  /** Cells a side; the grid is side x side cells, row by row. */
  side: number;
  /**
   * Two bits a cell, four cells a byte, the first in the low bits: every point looks up the region's raster and a
   * point shape the raster of each zone it meets, at random. At a byte a cell (256 KiB for the region, 0.27 MiB for
   * the 89 served zones' rasters together) a line profile put 119 ms of a worker's 1.9 s on that lookup; packed (64
   * KiB and 70 KiB) the region test ran x1.13 faster (tests/bench/point-shapes.ts, 1M points, 5 interleaved pairs).
   */
  cells: Uint8Array;
  /**
   * Where asked for (RasterOptions.insides), the same grid's cells classed against the zone's edges with no band:
   * inside or outside wherever no edge's box meets the cell, packed as `cells`. A point of an edge cell of `cells`
   * (within the band's reach of the edges) is then told inside or outside without its ray cast, unless an edge runs
   * through its own cell.
   */
  insides: Uint8Array | undefined;
  /**
   * A zone's point-shape raster's lists of the edges each cell's points may be nearest to (cell-edges.ts), where they
   * were built: rasterizeZone leaves them out, and the screen command adds them to the rasters it keeps (grid-cache.ts).
   */
  edges: CellEdges | undefined;
  x0: number;
  y0: number;
  /** Cells per degree. */
  sx: number;
  sy: number;
}

/** How finely, and how far from its edges, a zone is rasterized. */
export interface RasterOptions {
  /** Cells a side. */
  side: number;
  /** Grow each edge's box by the accuracy band times this. */
  reach: number;
  /** Grow every edge's box by the zone's widest band, not the band of the stretches the edge meets. */
  widest: boolean;
  /** Class the cells against the bare edges too (RegionRaster.insides). */
  insides?: boolean;
}

/**
 * How far, in degrees, an edge's box is grown where the cells are classed against the bare edges: a point farther than
 * this from every edge (about a centimetre) gets the same answer from the ray cast however its last digits round.
 */
const bareEdgeMargin = 1e-7;

const regionOptions: RasterOptions = { side: regionSide, reach: 1, widest: false };

/**
 * Marks as edge cells, row by row, the cells within the accuracy band of an edge (the worst stretch it meets, where
 * the zone's accuracy varies along its edge; or the zone's widest, see RasterOptions) times the reach, in longitude
 * and latitude, of the part of the edge that comes that near the row: no other cell holds a point within that of the
 * edge, so each is wholly inside or outside, as its centre is. A long slanting edge marks a strip along itself, not
 * its whole box: of the seeded million of tests/bench/cli.ts, the points searched for an edge and found beyond the band
 * fell from 135,812 to 105,828 (with point-shape.ts's cells of half a band; those within it: 311,234 either way).
 */
export function rasterizeZone(store: ZoneStore, zone: number, options = regionOptions): RegionRaster {
  const { side, reach, widest } = options;
  const zoneBand = store.zoneAccuracyKm[zone] as number;
  const band = zoneBand * reach;
  const [minX, minY, maxX, maxY] = Array.from(store.zoneBox.subarray(4 * zone, 4 * zone + 4)) as [number, number, number, number];
  const dy = band / kilometresPerDegree(0).y;
  const dx = band / kilometresPerDegree(Math.min(89, Math.max(Math.abs(minY), Math.abs(maxY)) + dy)).x;
  const x0 = minX - dx;
  const y0 = minY - dy;
  const grid = { side, x0, y0, sx: side / (maxX + dx - x0), sy: side / (maxY + dy - y0) };
  const share = (ax: number, ay: number, bx: number, by: number) =>
    widest ? 1 : zoneBand > 0 ? bandOfEdge(store, zone, ax, ay, bx, by) / zoneBand : 0;
  const cells = packed(
    classes(store, zone, grid, (ax, ay, bx, by) => {
      const grow = share(ax, ay, bx, by);
      return [dx * grow, dy * grow];
    }),
  );
  const bare: [number, number] = [bareEdgeMargin, bareEdgeMargin];
  const insides = options.insides ? packed(classes(store, zone, grid, () => bare)) : undefined;
  // Every raster an object of one shape, whichever options made it: the lookups read them all.
  return { side, cells, insides, edges: undefined, x0: grid.x0, y0: grid.y0, sx: grid.sx, sy: grid.sy };
}

/** A raster's grid: `side` cells a side from (x0, y0), sx and sy cells per degree. */
type Grid = Pick<RegionRaster, 'side' | 'x0' | 'y0' | 'sx' | 'sy'>;

/**
 * The class of each cell of the grid, a byte a cell: edge cells where a point of an edge, grown by `grow` of the edge
 * (degrees of longitude and latitude) into a box, meets the cell; inside or outside elsewhere, as the cell's centre is.
 */
function classes(
  store: ZoneStore,
  zone: number,
  grid: Grid,
  grow: (ax: number, ay: number, bx: number, by: number) => [number, number],
): Uint8Array {
  const { side, x0, y0, sx, sy } = grid;
  const cells = new Uint8Array(side * side);
  const { rings } = store;
  const column = (x: number) => Math.max(0, Math.min(side - 1, Math.floor((x - x0) * sx)));
  const row = (y: number) => Math.max(0, Math.min(side - 1, Math.floor((y - y0) * sy)));
  const ringFrom = store.zoneRingStart[zone] as number;
  const ringTo = store.zoneRingStart[zone + 1] as number;
  for (let ring = ringFrom; ring < ringTo; ring++) {
    const start = rings.ringStart[ring] as number;
    const end = rings.ringStart[ring + 1] as number;
    for (let a = start; a < end; a++) {
      const b = a + 1 === end ? start : a + 1;
      const ax = rings.coords[2 * a] as number;
      const ay = rings.coords[2 * a + 1] as number;
      const bx = rings.coords[2 * b] as number;
      const by = rings.coords[2 * b + 1] as number;
      const [ex, ey] = grow(ax, ay, bx, by);
      for (let r = row(Math.min(ay, by) - ey); r <= row(Math.max(ay, by) + ey); r++) {
        // The part of the edge within ey of the row (its own lines a hair wider, for the rounding of a point's row),
        // grown by ex: a point of the row within (ex, ey) of the edge is within that of this part.
        const [from, to] = partWithin(ay, by, y0 + r / sy - ey - rowMargin, y0 + (r + 1) / sy + ey + rowMargin);
        const px = ax + from * (bx - ax);
        const qx = ax + to * (bx - ax);
        cells.fill(
          edgeCell,
          r * side + column(Math.min(px, qx) - ex - rowMargin),
          r * side + column(Math.max(px, qx) + ex + rowMargin) + 1,
        );
      }
    }
  }
  // Two cells side by side in a row, neither an edge cell, are both inside or both outside: an edge crossing the row
  // between their centres would lie in one of them, which its box then marks. So a row's ray cast is needed only at
  // the first cell after each run of edge cells (262,144 ray casts for the region's raster became 2,198).
  for (let r = 0; r < side; r++) {
    let state = edgeCell;
    for (let c = 0; c < side; c++) {
      if (cells[r * side + c] === edgeCell) {
        state = edgeCell;
        continue;
      }
      if (state === edgeCell)
        state = pointInRings(rings, ringFrom, ringTo, x0 + (c + 0.5) / sx, y0 + (r + 0.5) / sy) ? insideCell : outsideCell;
      cells[r * side + c] = state;
    }
  }
  return cells;
}

/** Degrees a row's lines and an edge part's ends are moved outward by, far more than their rounding. */
const rowMargin = 1e-9;

/**
 * The parameters [from, to] (0 to 1) of the part of an edge from ay to by (its latitudes) that lies between
 * latitudes low and high; all of it where the edge runs along a parallel.
 */
function partWithin(ay: number, by: number, low: number, high: number): [number, number] {
  if (ay === by) return [0, 1];
  const t0 = (low - ay) / (by - ay);
  const t1 = (high - ay) / (by - ay);
  return [Math.max(0, Math.min(t0, t1)), Math.min(1, Math.max(t0, t1))];
}

/** Classes at a byte a cell packed at two bits a cell, four cells a byte, the first in the low bits. */
function packed(cells: Uint8Array): Uint8Array {
  const bits = new Uint8Array(Math.ceil(cells.length / 4));
  for (let at = 0; at < cells.length; at++) bits[at >> 2] = (bits[at >> 2] as number) | ((cells[at] as number) << ((at & 3) << 1));
  return bits;
}

/** The cell class of (x, y); outside the grid is outside the zone and its band. */
export const rasterCell = (raster: RegionRaster, x: number, y: number): number => classAt(raster, raster.cells, x, y);

/** The class of (x, y) against the zone's bare edges (RegionRaster.insides); edgeCell where the raster has none. */
export const rasterInside = (raster: RegionRaster, x: number, y: number): number =>
  raster.insides ? classAt(raster, raster.insides, x, y) : edgeCell;

/** The class of (x, y) in `classes` (cells or insides) of the raster's grid. */
function classAt(grid: Grid, classes: Uint8Array, x: number, y: number): number {
  const { side } = grid;
  const c = Math.floor((x - grid.x0) * grid.sx);
  const r = Math.floor((y - grid.y0) * grid.sy);
  if (!(c >= 0 && c < side && r >= 0 && r < side)) return outsideCell;
  const at = r * side + c;
  // classOf's reading written out: called from here, it made the screen command x1.077 slower (1M CSV points, 14
  // interleaved pairs), this being the lookup every point makes for every zone it meets.
  return ((classes[at >> 2] as number) >> ((at & 3) << 1)) & 3;
}

/** The class of cell `at` (row by row) in packed `classes` (RegionRaster.cells or insides). */
export const classOf = (classes: Uint8Array, at: number): number => ((classes[at >> 2] as number) >> ((at & 3) << 1)) & 3;
