import geodesic from 'geographiclib-geodesic';
import { geodesicEdgeIntegral, vertexTerms, type VertexTerms } from './ellipsoidal-area.ts';

/** WGS-84 helpers for areas and distances on packed coordinates. */
const { a, f } = geodesic.Constants.WGS84;
const e2 = f * (2 - f);
const toRadians = Math.PI / 180;
const from: VertexTerms = { tanBeta: 0, rate: 0, ordinate: 0 };
const to: VertexTerms = { tanBeta: 0, rate: 0, ordinate: 0 };

/** -∫ y dλ (m²) along the geodesic edge between two vertices whose terms are given (see vertexTerms). */
export const geodesicEdgeTerm = (x1: number, y1: number, v1: VertexTerms, x2: number, y2: number, v2: VertexTerms): number =>
  -geodesicEdgeIntegral(x1, y1, v1, x2, y2, v2, 0);

/**
 * Area term (m²) of the geodesic edge from (x1, y1) to (x2, y2): summed round a ring it gives the ring's area,
 * positive counter-clockwise, and any run of edges of the boundary of an intersection sums the same way, which
 * is what the overlap pieces need. Edges are geodesics, as in src/stats/ellipsoidal-area.ts, so overlaps agree
 * with polygon-clipping + polygonArea to 1e-9 rather than the 1e-5 a straight-edge formula would give.
 */
export const edgeTerm = (x1: number, y1: number, x2: number, y2: number): number =>
  geodesicEdgeTerm(x1, y1, vertexTerms(y1, from), x2, y2, vertexTerms(y2, to));

export interface KilometresPerDegree {
  x: number;
  y: number;
}

/** Kilometres per degree of longitude and of latitude at a latitude: the local plane that nearest-edge
 * searches measure in before the final distance is taken geodesically. Written into `out` when given (a batch
 * of points allocates nothing). */
export function kilometresPerDegree(latitude: number, out: KilometresPerDegree = { x: 0, y: 0 }): KilometresPerDegree {
  const sin = Math.sin(latitude * toRadians);
  const w = 1 - e2 * sin * sin;
  const normal = a / Math.sqrt(w);
  const meridional = (a * (1 - e2)) / (w * Math.sqrt(w));
  out.x = (normal * Math.cos(latitude * toRadians) * toRadians) / 1000;
  out.y = (meridional * toRadians) / 1000;
  return out;
}

/** Geodesic distance in kilometres on WGS-84. */
export const geodesicKm = (lon1: number, lat1: number, lon2: number, lat2: number): number =>
  (geodesic.Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, geodesic.Geodesic.DISTANCE).s12 ?? 0) / 1000;
