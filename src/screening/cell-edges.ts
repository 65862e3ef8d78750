import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import type { LazyGeodesic } from '../geodesy/short-line.ts';
import { type Closest, edgeSearchReach, foundWithin, measureEdge, type Metric } from './edge-distance.ts';
import { EdgeList, edgesInBox } from './edges-in-range.ts';
import { Growable } from './growable.ts';
import type { PackedRings } from './packed-rings.ts';
import { classOf, edgeCell, type RegionRaster } from './region-raster.ts';
import type { ZoneStore } from './zone-store.ts';

/**
 * For each cell of a grid over a zone's point-shape raster (point-shape.ts), each cell two raster cells a side, the
 * edges that may be the nearest within edgeNear's reach to some point of the cell: those of cell n are
 * edges[cellStart[n] .. cellStart[n + 1]), each named by its start vertex (edgeEnds gives its end), row by row over
 * `side` cells a side; a cell over no edge cell of the raster lists none. A point's edge search then measures the few
 * edges of its cell instead of reading the band index or edge grid within its reach, and a point beyond the reach in
 * a cell that lists none measures none. Over the seeded million of tests/bench/cli.ts (386,225 edge searches) a search
 * measures 10.3 listed edges, where it read 40 band or grid slots and measured 12.5 of their edges before; the shapes
 * took x0.80 the time (in one process, 4 alternate runs of 4 passes: 310-330 ms a pass against 396-425). Cells of one
 * raster cell (5.7 edges a search) were as fast and held 3.3 million offsets and edges for the 89 rasters those points
 * build, against 1.2 million; cells of three, x1.07 slower.
 */
export interface CellEdges {
  side: number;
  cellStart: Uint32Array;
  edges: Uint32Array;
}

/** Raster cells a side of a list's cell (edgeNearInCell halves a raster cell's row and column). */
export const rasterCells = 2;
/** Cells a side of the blocks that collect their edges from the band index together. */
const blockSide = 4;
/** Degrees a cell is grown by on each side, far more than a point's rounding into it. */
const cellMargin = 1e-9;

const ends = new WeakMap<PackedRings, Uint32Array>();

/** The end vertex of every edge of the rings, by its start vertex; built once per rings. */
export function edgeEnds(rings: PackedRings): Uint32Array {
  let list = ends.get(rings);
  if (list) return list;
  list = new Uint32Array(rings.coords.length / 2);
  for (let ring = 0; ring + 1 < rings.ringStart.length; ring++) {
    const first = rings.ringStart[ring] as number;
    const end = rings.ringStart[ring + 1] as number;
    for (let vertex = first; vertex < end; vertex++) list[vertex] = vertex + 1 === end ? first : vertex + 1;
  }
  ends.set(rings, list);
  return list;
}

/**
 * The least and greatest kilometres per degree (longitude and latitude) between two latitudes, a little wider for
 * their rounding: a distance measured in any plane of that range lies between those measured in the two extremes.
 */
function metricRange(y0: number, y1: number): { low: Metric; high: Metric } {
  const south = kilometresPerDegree(y0);
  const north = kilometresPerDegree(y1);
  // A degree of longitude is longest at the equator and one of latitude shortest there: a range across it has both.
  const equator = y0 < 0 && y1 > 0 ? kilometresPerDegree(0) : undefined;
  return {
    low: { x: Math.min(south.x, north.x) * (1 - 1e-12), y: (equator?.y ?? Math.min(south.y, north.y)) * (1 - 1e-12) },
    high: { x: (equator?.x ?? Math.max(south.x, north.x)) * (1 + 1e-12), y: Math.max(south.y, north.y) * (1 + 1e-12) },
  };
}

/**
 * The cell lists of a zone's raster. For a cell of centre c and half diagonal h, an edge e is listed when
 * |c e| - h, measured in the lowest plane of the cell's latitudes, is at most the bound: the least over all edges of
 * |c e| + h in the highest plane, or the reach where that is less. Every point p of the cell in its own plane is then
 * at least the first from e and at most the second from some edge, so its nearest edge (and any within the reach) is
 * listed. The edges near a block of cells are collected from the band index once for the block.
 */
export function buildCellEdges(store: ZoneStore, zone: number, raster: RegionRaster): CellEdges {
  const { rings } = store;
  const { coords } = rings;
  const { x0, y0 } = raster;
  const side = Math.ceil(raster.side / rasterCells);
  const sx = raster.sx / rasterCells;
  const sy = raster.sy / rasterCells;
  const reach = edgeSearchReach(store.zoneAccuracyKm[zone] as number);
  const next = edgeEnds(rings);
  const ringFrom = store.zoneRingStart[zone] as number;
  const ringTo = store.zoneRingStart[zone + 1] as number;
  const isEdge = (row: number, column: number) => {
    for (let r = row * rasterCells; r < Math.min(raster.side, (row + 1) * rasterCells); r++) {
      for (let c = column * rasterCells; c < Math.min(raster.side, (column + 1) * rasterCells); c++) {
        if (classOf(raster.cells, r * raster.side + c) === edgeCell) return true;
      }
    }
    return false;
  };
  const cellStart = new Uint32Array(side * side + 1);
  const listed = new Growable(Uint32Array, 1024);
  const found = new EdgeList();
  const kept = new Growable(Uint32Array, 64);
  const lowers = new Growable(Float64Array, 64);
  const halfX = 0.5 / sx + cellMargin;
  const halfY = 0.5 / sy + cellMargin;
  for (let rowFrom = 0; rowFrom < side; rowFrom += blockSide) {
    const rowTo = Math.min(side, rowFrom + blockSide);
    const blockY0 = y0 + rowFrom / sy - cellMargin;
    const blockY1 = y0 + rowTo / sy + cellMargin;
    const blockPlanes = metricRange(blockY0, blockY1);
    // Every edge a cell of the block may list lies within the reach and its half diagonal, in its own lowest plane, of
    // its centre: within these, taken with the block's lowest plane and a half diagonal no cell's exceeds.
    const blockHalf = Math.hypot(halfX * blockPlanes.high.x, halfY * blockPlanes.high.y);
    const growX = (reach + blockHalf) / blockPlanes.low.x;
    const growY = (reach + blockHalf) / blockPlanes.low.y;
    const blocks: Uint32Array[] = [];
    for (let columnFrom = 0; columnFrom < side; columnFrom += blockSide) {
      const columnTo = Math.min(side, columnFrom + blockSide);
      let any = false;
      for (let r = rowFrom; r < rowTo && !any; r++) for (let c = columnFrom; c < columnTo && !any; c++) any = isEdge(r, c);
      const collected = new Growable(Uint32Array, any ? 64 : 0);
      for (let ring = ringFrom; any && ring < ringTo; ring++) {
        edgesInBox(rings, ring, x0 + columnFrom / sx - growX, blockY0 - growY, x0 + columnTo / sx + growX, blockY1 + growY, found);
        for (let k = 0; k < found.length; k++) collected.push(found.items[k] as number);
      }
      blocks.push(collected.finish());
    }
    for (let r = rowFrom; r < rowTo; r++) {
      const cy = y0 + (r + 0.5) / sy;
      const { low, high } = metricRange(y0 + r / sy - cellMargin, y0 + (r + 1) / sy + cellMargin);
      const lowHalf = Math.hypot(halfX * low.x, halfY * low.y);
      const highHalf = Math.hypot(halfX * high.x, halfY * high.y);
      for (let c = 0; c < side; c++) {
        const cell = r * side + c;
        cellStart[cell] = listed.length;
        if (!isEdge(r, c)) continue;
        const cx = x0 + (c + 0.5) / sx;
        const near = blocks[Math.floor(c / blockSide)] as Uint32Array;
        let bound = reach;
        kept.length = 0;
        lowers.length = 0;
        for (let k = 0; k < near.length; k++) {
          const a = near[k] as number;
          const b = next[a] as number;
          const ax = coords[2 * a] as number;
          const ay = coords[2 * a + 1] as number;
          const bx = coords[2 * b] as number;
          const by = coords[2 * b + 1] as number;
          // An edge wholly beyond the bound's box around the centre cannot come within it.
          const rx = (bound + lowHalf) / low.x;
          const ry = (bound + lowHalf) / low.y;
          if ((ax < cx - rx && bx < cx - rx) || (ax > cx + rx && bx > cx + rx)) continue;
          if ((ay < cy - ry && by < cy - ry) || (ay > cy + ry && by > cy + ry)) continue;
          const lower = segmentKm(ax, ay, bx, by, cx, cy, low) - lowHalf;
          if (lower > bound) continue;
          bound = Math.min(bound, segmentKm(ax, ay, bx, by, cx, cy, high) + highHalf);
          kept.push(a);
          lowers.push(lower);
        }
        // The bound only fell while edges were kept: those kept early against a wider one are dropped here.
        const limit = bound * (1 + 1e-9) + 1e-9;
        for (let k = 0; k < kept.length; k++) if (lowers.get(k) <= limit) listed.push(kept.get(k));
      }
    }
  }
  cellStart[side * side] = listed.length;
  return { side, cellStart, edges: listed.finish() };
}

/** A closest point at no distance, which measureEdge therefore never moves: segmentKm wants only its distance. */
const unmoved: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };

/** Kilometres from (x, y) to the edge (ax, ay)-(bx, by) in the plane of `metric`, as the edge search measures them. */
const segmentKm = (ax: number, ay: number, bx: number, by: number, x: number, y: number, metric: Metric): number =>
  Math.sqrt(measureEdge(ax, ay, bx, by, x, y, metric.x, metric.y, unmoved));

/**
 * The local plane of the point being measured (edgeNearInCell), and the latitude it is of: a point's zones are
 * searched one after another, and its plane (a sine, a cosine and square roots) was near 3 % of a worker's time by perf.
 */
const plane: Metric = { x: 0, y: 0 };
let planeLatitude = Number.NaN;

/**
 * edgeNear (edge-distance.ts) for a point of an edge cell of `raster`, from its cell lists: the same nearest edge in
 * the same plane, so the same answer, and `geodesic` left holding the same distance. `next`: edgeEnds of the rings.
 */
export function edgeNearInCell(
  rings: PackedRings,
  next: Uint32Array,
  raster: RegionRaster,
  lists: CellEdges,
  x: number,
  y: number,
  limitKm: number,
  closest: Closest,
  geodesic: LazyGeodesic,
): boolean {
  closest.km = edgeSearchReach(limitKm);
  if (y !== planeLatitude) {
    kilometresPerDegree(y, plane);
    planeLatitude = y;
  }
  const { x: kx, y: ky } = plane;
  // The point lies in an edge cell of the raster, whose row and column are not negative.
  const cell = (Math.floor((y - raster.y0) * raster.sy) >> 1) * lists.side + (Math.floor((x - raster.x0) * raster.sx) >> 1);
  const { coords } = rings;
  const { cellStart, edges } = lists;
  const to = cellStart[cell + 1] as number;
  for (let slot = cellStart[cell] as number; slot < to; slot++) {
    const a = 2 * (edges[slot] as number);
    const b = 2 * (next[edges[slot] as number] as number);
    measureEdge(coords[a] as number, coords[a + 1] as number, coords[b] as number, coords[b + 1] as number, x, y, kx, ky, closest);
  }
  return foundWithin(x, y, limitKm, closest, geodesic);
}
