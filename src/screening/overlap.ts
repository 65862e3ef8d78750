import type { Crossings } from './crossings.ts';
import { edgeTerm } from '../geodesy/ellipsoid.ts';
import { ringEdgeCount, type PackedRings } from './packed-rings.ts';
import { pointInRings } from './point-in-rings.ts';

/**
 * Green's theorem: the boundary of site ∩ zone is the part of the site's boundary inside the zone plus the part
 * of the zone's boundary inside the site, so its area is the sum of edgeTerm along those pieces (each piece
 * from crossing point to crossing point, geodesic edges between consecutive points, as polygon-clipping's
 * intersection polygon has them). With the prefix sums a piece costs O(1) however many vertices it spans, and
 * no intersection polygon is built. Returns the area in m², or NaN when the crossings cannot be paired (odd
 * count), which the caller answers by exact clipping.
 */
export function overlapTerm(
  site: PackedRings,
  siteBox: ArrayLike<number>,
  zone: PackedRings,
  ringFrom: number,
  ringTo: number,
  crossings: Crossings,
): number {
  const siteRings = site.ringClosed.length;
  let total = 0;
  const siteOrder = sortedCrossings(crossings, crossings.siteRing, crossings.siteKey);
  const zoneOrder = sortedCrossings(crossings, crossings.zoneRing, crossings.zoneKey);
  let next = 0;
  for (let ring = 0; ring < siteRings; ring++) {
    const first = next;
    while (next < siteOrder.length && crossings.siteRing[siteOrder[next] as number] === ring) next++;
    const start = site.ringStart[ring] as number;
    if (first === next) {
      if (pointInRings(zone, ringFrom, ringTo, site.coords[2 * start] as number, site.coords[2 * start + 1] as number))
        total += site.ringTerm[ring] as number;
      continue;
    }
    const piece = pieces(site, ring, siteOrder.subarray(first, next), crossings.siteKey, crossings, (x, y) =>
      pointInRings(zone, ringFrom, ringTo, x, y),
    );
    if (Number.isNaN(piece)) return NaN;
    total += piece;
  }
  next = 0;
  for (let ring = ringFrom; ring < ringTo; ring++) {
    const first = next;
    while (next < zoneOrder.length && crossings.zoneRing[zoneOrder[next] as number] === ring) next++;
    const start = zone.ringStart[ring] as number;
    if (first === next) {
      const x = zone.coords[2 * start] as number;
      const y = zone.coords[2 * start + 1] as number;
      const inBox =
        x >= (siteBox[0] as number) && x <= (siteBox[2] as number) && y >= (siteBox[1] as number) && y <= (siteBox[3] as number);
      if (inBox && pointInRings(site, 0, siteRings, x, y)) total += zone.ringTerm[ring] as number;
      continue;
    }
    const piece = pieces(zone, ring, zoneOrder.subarray(first, next), crossings.zoneKey, crossings, (x, y) =>
      pointInRings(site, 0, siteRings, x, y),
    );
    if (Number.isNaN(piece)) return NaN;
    total += piece;
  }
  return total;
}

/** Indices of the crossings ordered by ring, then by position along it. */
function sortedCrossings(crossings: Crossings, ring: Uint32Array, key: Float64Array): Uint32Array {
  const order = new Uint32Array(crossings.count);
  for (let n = 0; n < order.length; n++) order[n] = n;
  return order.sort((i, j) => (ring[i] as number) - (ring[j] as number) || (key[i] as number) - (key[j] as number));
}

/** Sum of edgeTerm over the pieces of one ring, between consecutive crossings, that lie inside the other shape. */
function pieces(
  rings: PackedRings,
  ring: number,
  order: Uint32Array,
  key: Float64Array,
  crossings: Crossings,
  inside: (x: number, y: number) => boolean,
): number {
  if (order.length % 2 === 1) return NaN;
  const start = rings.ringStart[ring] as number;
  const edges = ringEdgeCount(rings, ring);
  const { coords } = rings;
  let total = 0;
  for (let n = 0; n < order.length; n++) {
    const from = order[n] as number;
    const to = order[(n + 1) % order.length] as number;
    const fromKey = key[from] as number;
    const toKey = key[to] as number;
    const fx = crossings.x[from] as number;
    const fy = crossings.y[from] as number;
    const tx = crossings.x[to] as number;
    const ty = crossings.y[to] as number;
    const fromEdge = Math.floor(fromKey);
    const toEdge = Math.floor(toKey);
    const direct = fromEdge === toEdge && toKey > fromKey;
    const corner = start + ((fromEdge + 1) % edges);
    const mx = direct ? (fx + tx) / 2 : (fx + (coords[2 * corner] as number)) / 2;
    const my = direct ? (fy + ty) / 2 : (fy + (coords[2 * corner + 1] as number)) / 2;
    if (!inside(mx, my)) continue;
    if (direct) {
      total += edgeTerm(fx, fy, tx, ty);
      continue;
    }
    const cornerX = coords[2 * corner] as number;
    const cornerY = coords[2 * corner + 1] as number;
    const last = start + toEdge;
    const lastX = coords[2 * last] as number;
    const lastY = coords[2 * last + 1] as number;
    const full = fromEdge === toEdge ? edges - 1 : (toEdge - fromEdge - 1 + edges) % edges;
    total += edgeTerm(fx, fy, cornerX, cornerY) + runTerm(rings, ring, (fromEdge + 1) % edges, full) + edgeTerm(lastX, lastY, tx, ty);
  }
  return total;
}

/** Sum of edgeTerm over `count` whole edges of a closed ring from edge `first` (ring-relative), wrapping. */
function runTerm(rings: PackedRings, ring: number, first: number, count: number): number {
  const start = rings.ringStart[ring] as number;
  const edges = ringEdgeCount(rings, ring);
  const prefixAt = (k: number) => (k === edges ? (rings.ringTerm[ring] as number) : (rings.prefix[start + k] as number));
  return first + count <= edges
    ? prefixAt(first + count) - prefixAt(first)
    : (rings.ringTerm[ring] as number) - prefixAt(first) + prefixAt(first + count - edges);
}
