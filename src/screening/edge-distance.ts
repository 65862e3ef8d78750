import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { LazyGeodesic } from '../geodesy/short-line.ts';
import { type EdgeGrid, edgeGridOf } from './edge-grid.ts';
import type { PackedRings } from './packed-rings.ts';

/** The closest point found so far: its distance in the local plane (km) and where it lies. */
export interface Closest {
  km: number;
  x: number;
  y: number;
  /** The query point it was measured from (a site vertex, or the site point). */
  fromX: number;
  fromY: number;
}

/** Kilometres per degree of longitude and latitude of the local plane a search measures in. */
export interface Metric {
  x: number;
  y: number;
}

/**
 * Improves `closest` with the nearest point of the edges of rings ringFrom..ringTo-1 to (x, y), looking only
 * within closest.km (edges outside that square cannot be nearer). Distances are taken in the local plane of
 * `metric`; the caller measures the winner geodesically. Banded rings read only the bands within reach; an edge
 * listed in several of them is simply measured again, which costs less than checking for repeats.
 */
export function nearestOnRings(
  rings: PackedRings,
  ringFrom: number,
  ringTo: number,
  x: number,
  y: number,
  metric: Metric,
  closest: Closest,
): void {
  scanEdges(rings, ringFrom, ringTo, x, y, metric.x, metric.y, closest, -1);
}

/**
 * nearestOnRings with kx, ky km per degree, which also stops (and returns true) at the first edge within
 * √stopKm2 km: the batch path only needs to know that a point is well within a band, not how far.
 */
function scanEdges(
  rings: PackedRings,
  ringFrom: number,
  ringTo: number,
  x: number,
  y: number,
  kx: number,
  ky: number,
  closest: Closest,
  stopKm2: number,
): boolean {
  const { ringIndex, bandStart, bandCoords } = rings;
  const stopKm = stopKm2 > 0 ? Math.sqrt(stopKm2) : 0;
  for (let ring = ringFrom; ring < ringTo; ring++) {
    const reach = closest.km / ky;
    const grid = edgeGridOf(rings, ring);
    if (grid !== null) {
      if (scanGrid(grid, x, y, kx, ky, closest, stopKm2, stopKm)) return true;
      continue;
    }
    const meta = 4 * ring;
    const yMin = ringIndex[meta] as number;
    const scale = ringIndex[meta + 1] as number;
    const first = ringIndex[meta + 2] as number;
    const bands = ringIndex[meta + 3] as number;
    const from = Math.max(0, Math.floor((y - reach - yMin) * scale));
    const to = Math.min(bands - 1, Math.floor((y + reach - yMin) * scale));
    if (from > to) continue;
    if (
      measureEdges(
        bandCoords,
        bandStart[first + from] as number,
        bandStart[first + to + 1] as number,
        x,
        y,
        kx,
        ky,
        closest,
        stopKm2,
        stopKm,
      )
    )
      return true;
  }
  return false;
}

/**
 * scanEdges over one ring's grid: only the cells within reach, a row of them at a time (each row's cells are listed
 * one after another), from the point's row outward, so that the nearest edges come first and shrink the reach (and
 * with it the rows and cells still to read) as early as they can.
 */
function scanGrid(
  grid: EdgeGrid,
  x: number,
  y: number,
  kx: number,
  ky: number,
  closest: Closest,
  stopKm2: number,
  stopKm: number,
): boolean {
  const { x0, y0, sx, sy, columns, rows, cellStart, cellCoords } = grid;
  const home = Math.min(rows - 1, Math.max(0, Math.floor((y - y0) * sy)));
  for (let step = 0; ; step++) {
    const reach = closest.km / ky;
    const low = Math.max(0, Math.floor((y - reach - y0) * sy));
    const high = Math.min(rows - 1, Math.floor((y + reach - y0) * sy));
    const up = home + step;
    const down = home - step;
    const upward = up >= low && up <= high;
    const downward = step > 0 && down >= low && down <= high;
    if (!upward && !downward) return false;
    // The row above the point's, then the one below; no array made per step, as this runs for every band point.
    for (let side = 0; side < 2; side++) {
      if (side === 0 ? !upward : !downward) continue;
      const row = side === 0 ? up : down;
      const xReach = Math.max(closest.km, stopKm) / kx;
      const col0 = Math.max(0, Math.floor((x - xReach - x0) * sx));
      const col1 = Math.min(columns - 1, Math.floor((x + xReach - x0) * sx));
      if (col0 > col1) return false;
      const from = cellStart[row * columns + col0] as number;
      if (measureEdges(cellCoords, from, cellStart[row * columns + col1 + 1] as number, x, y, kx, ky, closest, stopKm2, stopKm))
        return true;
    }
  }
}

/** scanEdges over the edges listed in slots from..to-1 of `edgeCoords` (x1, y1, x2, y2 each). */
function measureEdges(
  edgeCoords: Float64Array,
  from: number,
  to: number,
  x: number,
  y: number,
  kx: number,
  ky: number,
  closest: Closest,
  stopKm2: number,
  stopKm: number,
): boolean {
  // An edge wholly farther east or west than this can neither be nearer than closest.km nor within the stop: a band
  // spans the ring's whole width (a grid row as many cells as the reach), so most of its edges are skipped on two
  // comparisons instead of measured.
  let xReach = Math.max(closest.km, stopKm) / kx;
  for (let slot = from; slot < to; slot++) {
    const c = 4 * slot;
    const ax = edgeCoords[c] as number;
    const bx = edgeCoords[c + 2] as number;
    if ((ax < x - xReach && bx < x - xReach) || (ax > x + xReach && bx > x + xReach)) continue;
    const km = closest.km;
    // Within the stop, closest may have moved: the caller that stops reads it no further.
    if (measureEdge(ax, edgeCoords[c + 1] as number, bx, edgeCoords[c + 3] as number, x, y, kx, ky, closest) <= stopKm2) return true;
    if (closest.km !== km) xReach = Math.max(closest.km, stopKm) / kx;
  }
  return false;
}

/**
 * Moves `closest` to the nearest point of the edge (ax, ay)-(bx, by) to (x, y), in the plane of kx, ky km per degree,
 * where that is nearer than closest.km; returns its squared distance (km²).
 */
export function measureEdge(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  x: number,
  y: number,
  kx: number,
  ky: number,
  closest: Closest,
): number {
  const ex = (bx - ax) * kx;
  const ey = (by - ay) * ky;
  const px = (x - ax) * kx;
  const py = (y - ay) * ky;
  const length2 = ex * ex + ey * ey;
  let t = length2 > 0 ? (px * ex + py * ey) / length2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const dx = px - t * ex;
  const dy = py - t * ey;
  const km2 = dx * dx + dy * dy;
  if (km2 < closest.km * closest.km) {
    closest.km = Math.sqrt(km2);
    closest.x = ax + (t * ex) / kx;
    closest.y = ay + (t * ey) / ky;
    closest.fromX = x;
    closest.fromY = y;
  }
  return km2;
}

/**
 * Nearest point of the rings to (x, y) within closest.km (Infinity: however far): searches a square that grows
 * fourfold from `startKm`, capped by the distance to the first vertex, which always bounds the answer.
 * Returns whether a point nearer than the starting closest.km was found.
 */
export function nearestOnRingsUnbounded(
  rings: PackedRings,
  ringFrom: number,
  ringTo: number,
  x: number,
  y: number,
  metric: Metric,
  closest: Closest,
  startKm: number,
): boolean {
  const first = rings.ringStart[ringFrom] as number;
  const upper = Math.hypot(((rings.coords[2 * first] as number) - x) * metric.x, ((rings.coords[2 * first + 1] as number) - y) * metric.y);
  const cap = Math.min(closest.km, upper * (1 + 1e-9) + 1e-9);
  for (let radius = Math.min(Math.max(startKm, 1e-3), cap); ; radius = Math.min(radius * 4, cap)) {
    closest.km = radius;
    nearestOnRings(rings, ringFrom, ringTo, x, y, metric, closest);
    if (closest.km < radius) return true;
    if (radius >= cap) return false;
  }
}

/**
 * Geodesic km from (x, y) to the nearest edge of the rings if at most limitKm, else Infinity. The local plane
 * is good to well under 1 % across a band: clear cases are decided in it, and the geodesic settles the rest.
 */
export function edgeKmWithin(
  rings: PackedRings,
  ringFrom: number,
  ringTo: number,
  x: number,
  y: number,
  limitKm: number,
  closest: Closest,
): number {
  return edgeNear(rings, ringFrom, ringTo, x, y, limitKm, closest, withinGeodesic) ? withinGeodesic.km() : Infinity;
}

/** How far, in parts of the limit, edgeNear looks in the local plane: the plane is good to well under 1 % across a band. */
export const edgeReach = 1.01;

/** The kilometres edgeNear looks within for a limit, in the local plane (cell-edges.ts lists the edges within it). */
export const edgeSearchReach = (limitKm: number): number => limitKm * edgeReach + 1e-9;

/**
 * Whether edgeKmWithin(...) would be finite, without its distance: `geodesic` holds that distance afterwards (to
 * the edge point left in `closest`), for the caller's further comparisons and rounding, solved only if they need it.
 */
export function edgeNear(
  rings: PackedRings,
  ringFrom: number,
  ringTo: number,
  x: number,
  y: number,
  limitKm: number,
  closest: Closest,
  geodesic: LazyGeodesic,
): boolean {
  closest.km = edgeSearchReach(limitKm);
  nearestOnRings(rings, ringFrom, ringTo, x, y, kilometresPerDegree(y, plane), closest);
  return foundWithin(x, y, limitKm, closest, geodesic);
}

/** After a search from (x, y) within edgeSearchReach(limitKm): whether it found an edge, and that within the limit. */
export const foundWithin = (x: number, y: number, limitKm: number, closest: Closest, geodesic: LazyGeodesic): boolean =>
  closest.km < edgeSearchReach(limitKm) && geodesic.measure(x, y, closest.x, closest.y).atMost(limitKm);

/**
 * Whether (x, y) lies within limitKm of the rings' edges, for the batch path: as edgeKmWithin, but it stops at
 * the first edge clearly within the limit (1 % inside it in the local plane) and measures geodesically only
 * when the plane cannot decide.
 */
export function edgeWithinBand(
  rings: PackedRings,
  ringFrom: number,
  ringTo: number,
  x: number,
  y: number,
  limitKm: number,
  closest: Closest,
): boolean {
  const { x: kx, y: ky } = kilometresPerDegree(y, plane);
  const reach = limitKm * edgeReach;
  closest.km = reach;
  if (scanEdges(rings, ringFrom, ringTo, x, y, kx, ky, closest, (limitKm * 0.99) ** 2)) return true;
  return closest.km < reach && bandGeodesic.measure(x, y, closest.x, closest.y).atMost(limitKm);
}

/** Scratch of the searches above: the local plane of the point, and the distances of edgeKmWithin and edgeWithinBand. */
const plane: Metric = { x: 0, y: 0 };
const withinGeodesic = new LazyGeodesic();
const bandGeodesic = new LazyGeodesic();
