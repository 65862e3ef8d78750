import { EdgeList, edgesInBox } from './edges-in-range.ts';
import { edgeEnd, type PackedRings } from './packed-rings.ts';

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
 * within closest.km (edges whose box lies outside that square cannot be nearer). Distances are taken in the
 * local plane of `metric`; the caller measures the winner geodesically.
 */
export function nearestOnRings(
  rings: PackedRings, ringFrom: number, ringTo: number, x: number, y: number, metric: Metric, edges: EdgeList, closest: Closest,
): void {
  const { coords } = rings;
  for (let ring = ringFrom; ring < ringTo; ring++) {
    const dx = closest.km / metric.x;
    const dy = closest.km / metric.y;
    edgesInBox(rings, ring, x - dx, y - dy, x + dx, y + dy, edges);
    for (let n = 0; n < edges.length; n++) {
      const a = edges.items[n] as number;
      const b = edgeEnd(rings, ring, a);
      const ax = coords[2 * a] as number;
      const ay = coords[2 * a + 1] as number;
      const ex = ((coords[2 * b] as number) - ax) * metric.x;
      const ey = ((coords[2 * b + 1] as number) - ay) * metric.y;
      const px = (x - ax) * metric.x;
      const py = (y - ay) * metric.y;
      const length2 = ex * ex + ey * ey;
      const t = length2 > 0 ? Math.max(0, Math.min(1, (px * ex + py * ey) / length2)) : 0;
      const km = Math.hypot(px - t * ex, py - t * ey);
      if (km < closest.km) {
        closest.km = km;
        closest.x = ax + (t * ex) / metric.x;
        closest.y = ay + (t * ey) / metric.y;
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
  rings: PackedRings, ringFrom: number, ringTo: number, x: number, y: number, metric: Metric, edges: EdgeList, closest: Closest,
  startKm: number,
): void {
  const first = rings.ringStart[ringFrom] as number;
  const upper = Math.hypot(((rings.coords[2 * first] as number) - x) * metric.x, ((rings.coords[2 * first + 1] as number) - y) * metric.y);
  const target = Math.min(closest.km, upper * (1 + 1e-9) + 1e-9);
  for (let radius = Math.min(Math.max(startKm, 1e-3), target); ; radius = Math.min(radius * 4, target)) {
    closest.km = radius;
    nearestOnRings(rings, ringFrom, ringTo, x, y, metric, edges, closest);
    if (closest.km < radius || radius >= target) return;
  }
}
