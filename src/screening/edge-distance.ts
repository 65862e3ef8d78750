import { geodesicKm, kilometresPerDegree } from './ellipsoid.ts';
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
  rings: PackedRings, ringFrom: number, ringTo: number, x: number, y: number, metric: Metric, closest: Closest,
): void {
  const { coords, ringStart, ringBand, bandStart, bandEdges } = rings;
  const kx = metric.x;
  const ky = metric.y;
  for (let ring = ringFrom; ring < ringTo; ring++) {
    const start = ringStart[ring] as number;
    const end = ringStart[ring + 1] as number;
    const closed = rings.ringClosed[ring] === 1;
    const band = ringBand[ring] as number;
    let slot: number;
    let last: number;
    if (band < 0) {
      slot = start;
      last = closed ? end : end - 1;
    } else {
      const reach = closest.km / ky;
      const yMin = rings.ringYMin[ring] as number;
      const scale = rings.ringBandScale[ring] as number;
      const bands = rings.ringBandCount[ring] as number;
      const from = Math.max(0, Math.floor((y - reach - yMin) * scale));
      const to = Math.min(bands - 1, Math.floor((y + reach - yMin) * scale));
      if (from > to) continue;
      slot = bandStart[band + from] as number;
      last = bandStart[band + to + 1] as number;
    }
    for (; slot < last; slot++) {
      const a = band < 0 ? slot : (bandEdges[slot] as number);
      const b = a + 1 === end ? start : a + 1;
      const ax = coords[2 * a] as number;
      const ay = coords[2 * a + 1] as number;
      const ex = ((coords[2 * b] as number) - ax) * kx;
      const ey = ((coords[2 * b + 1] as number) - ay) * ky;
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
    }
  }
}

/**
 * Nearest point of the rings to (x, y) with no bound known in advance: searches a square that doubles from
 * `startKm` until it holds an edge, capped by the distance to the first vertex (always an upper bound).
 */
export function nearestOnRingsUnbounded(
  rings: PackedRings, ringFrom: number, ringTo: number, x: number, y: number, metric: Metric, closest: Closest, startKm: number,
): void {
  const first = rings.ringStart[ringFrom] as number;
  const upper = Math.hypot(((rings.coords[2 * first] as number) - x) * metric.x, ((rings.coords[2 * first + 1] as number) - y) * metric.y);
  const target = Math.min(closest.km, upper * (1 + 1e-9) + 1e-9);
  for (let radius = Math.min(Math.max(startKm, 1e-3), target); ; radius = Math.min(radius * 4, target)) {
    closest.km = radius;
    nearestOnRings(rings, ringFrom, ringTo, x, y, metric, closest);
    if (closest.km < radius || radius >= target) return;
  }
}

/**
 * Geodesic km from (x, y) to the nearest edge of the rings if at most limitKm, else Infinity. The local plane
 * is good to well under 1 % across a band: clear cases are decided in it, and the geodesic settles the rest.
 */
export function edgeKmWithin(
  rings: PackedRings, ringFrom: number, ringTo: number, x: number, y: number, limitKm: number, closest: Closest,
): number {
  const reach = limitKm * 1.01 + 1e-9;
  closest.km = reach;
  nearestOnRings(rings, ringFrom, ringTo, x, y, kilometresPerDegree(y), closest);
  if (closest.km >= reach) return Infinity;
  const km = geodesicKm(x, y, closest.x, closest.y);
  return km <= limitKm ? km : Infinity;
}

/** Whether (x, y) lies within limitKm of the rings' edges: edgeKmWithin without the geodesic where the plane
 * already decides (more than 1 % inside or outside the limit), for the batch path. */
export function edgeWithinBand(
  rings: PackedRings, ringFrom: number, ringTo: number, x: number, y: number, limitKm: number, closest: Closest,
): boolean {
  const reach = limitKm * 1.01 + 1e-9;
  closest.km = reach;
  nearestOnRings(rings, ringFrom, ringTo, x, y, kilometresPerDegree(y), closest);
  if (closest.km >= reach) return false;
  if (closest.km <= limitKm * 0.99) return true;
  return geodesicKm(x, y, closest.x, closest.y) <= limitKm;
}
