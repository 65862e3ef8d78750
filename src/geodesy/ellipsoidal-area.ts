/**
 * Areas on the WGS-84 ellipsoid for rings whose edges are geodesics: the model of GeographicLib's PolygonArea and
 * of PostGIS geography. turf.area works on a sphere and reads 0.06-0.38 % low at Inner Mongolia's latitudes.
 *
 * Method. On the cylindrical equal-area map of the ellipsoid a point (λ, φ) has the ordinate y = a²·q(φ)/2, where q
 * is the authalic function (y is the area between the equator and latitude φ per radian of longitude), so by Green's
 * theorem a ring encloses A = -∮ y dλ. The usual trapezoid rule takes each edge as a straight line on that map; a
 * geodesic bows poleward of it, which puts 1°x1° cells 4e-6 to 2e-5 off and a 1 km triangle 6e-5 off. So each edge
 * is integrated along its geodesic instead: on Bessel's auxiliary sphere (reduced latitude β, spherical longitude ω)
 * a geodesic is a great circle, with dλ = √(1 - e²cos²β)·dω (Karney, "Algorithms for geodesics", 2013), so
 * ∫ y dλ = ∫ y·√(1 - e²cos²β) dω is a smooth integral over ω, taken by Simpson's rule with the great circle's
 * closed form tan β(ω). The ω span of the edge is fixed by requiring the same rule to give ∫ dλ = Δλ exactly.
 * Long edges are cut into panels of at most MAX_PANEL_DEG: that is the densification, done along the geodesic.
 * Measured against GeographicLib: within 1e-11 on 1° cells and small polygons, 1e-9 on 100 km and 5° triangles and
 * a polygon spanning the Inner Mongolia box, 3e-9 on 300 random star polygons (the tests hold it to the required 1e-6).
 *
 * Edges are taken as the shorter way round in longitude; rings must not enclose a pole.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const HALF_A2 = (A * A) / 2;
const DEG = Math.PI / 180;
/** Widest Simpson panel, in degrees of longitude or latitude: keeps the quadrature error under 1e-8 of the area. */
const MAX_PANEL_DEG = 0.25;

/** A ring as GeoJSON positions or as flat [lon0, lat0, lon1, lat1, ...] degrees; closed or not. */
export type RingCoordinates = readonly Position[] | ArrayLike<number>;

/** dλ/dω on the auxiliary sphere, √(1 - e²cos²β), from tan β. */
const lambdaRate = (tanBeta: number) => Math.sqrt(1 - E2 / (1 + tanBeta * tanBeta));

/** Equal-area ordinate a²q(φ)/2 from tan β. */
function ordinate(tanBeta: number): number {
  const tanPhi = tanBeta / (1 - F);
  const sinPhi = tanPhi / Math.sqrt(1 + tanPhi * tanPhi);
  return HALF_A2 * (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) + Math.atanh(E * sinPhi) / E);
}

/** What an edge integral needs at a vertex: tan β, dλ/dω and the ordinate y. Screening caches these per vertex. */
export interface VertexTerms {
  tanBeta: number;
  rate: number;
  ordinate: number;
}

/** Fills `out` with the terms of geodetic latitude φ (degrees) and returns it (no allocation). */
export function vertexTerms(latDeg: number, out: VertexTerms): VertexTerms {
  out.tanBeta = (1 - F) * Math.tan(latDeg * DEG);
  out.rate = lambdaRate(out.tanBeta);
  out.ordinate = ordinate(out.tanBeta);
  return out;
}

/** tan β at a fraction of the way along the great circle through β1 at ω = 0 and β2 at ω = dΩ:
 * (tan β1·sin(dΩ - ω) + tan β2·sin ω) / sin dΩ. At the midpoint, the usual case for short edges, that is
 * (tan β1 + tan β2) / (2·cos(dΩ/2)): one cosine for three sines. */
function tanOnGreatCircle(tan1: number, tan2: number, fraction: number, dOmega: number): number {
  if (fraction === 0.5) return (tan1 + tan2) / (2 * Math.cos(dOmega / 2));
  return (tan1 * Math.sin((1 - fraction) * dOmega) + tan2 * Math.sin(fraction * dOmega)) / Math.sin(dOmega);
}

/**
 * ∫ (y - y0) dλ (m²) along the geodesic from (lon1, lat1) to (lon2, lat2), degrees, whose vertex terms are v1 and
 * v2. Subtracting y0 (constant over a ring) keeps a ring's sum well conditioned; it integrates to zero round a ring
 * that does not enclose a pole. Screening passes y0 = 0 and sums runs of edges through prefix sums.
 */
export function geodesicEdgeIntegral(
  lon1: number,
  lat1: number,
  v1: VertexTerms,
  lon2: number,
  lat2: number,
  v2: VertexTerms,
  y0: number,
): number {
  let dLambda = (lon2 - lon1) * DEG;
  if (dLambda > Math.PI) dLambda -= 2 * Math.PI;
  else if (dLambda < -Math.PI) dLambda += 2 * Math.PI;
  // A meridian arc is a geodesic along which λ does not change.
  if (dLambda === 0) return 0;
  const intervals = 2 * Math.ceil(Math.max(Math.abs(dLambda) / DEG, Math.abs(lat2 - lat1)) / MAX_PANEL_DEG);
  // First guess of the ω span from the mean rate, then one correction so that Simpson's rule gives ∫ dλ = Δλ
  // (a second correction changes areas by under 1e-12).
  let rateSum = v1.rate + v2.rate;
  let dOmega = (2 * dLambda) / rateSum;
  for (let i = 1; i < intervals; i += 1) {
    rateSum += (i % 2 === 1 ? 4 : 2) * lambdaRate(tanOnGreatCircle(v1.tanBeta, v2.tanBeta, i / intervals, dOmega));
  }
  dOmega = (3 * intervals * dLambda) / rateSum;
  let sum = (v1.ordinate - y0) * v1.rate + (v2.ordinate - y0) * v2.rate;
  for (let i = 1; i < intervals; i += 1) {
    const tanBeta = tanOnGreatCircle(v1.tanBeta, v2.tanBeta, i / intervals, dOmega);
    sum += (i % 2 === 1 ? 4 : 2) * (ordinate(tanBeta) - y0) * lambdaRate(tanBeta);
  }
  return (sum * dOmega) / (3 * intervals);
}

/**
 * Signed area of a ring in m²: positive when it runs counter-clockwise (an RFC 7946 exterior ring), negative when
 * clockwise. The closing edge is implied, so a repeated first vertex at the end changes nothing.
 */
export function signedRingArea(ring: RingCoordinates): number {
  const flat = ring.length > 0 && typeof ring[0] === 'number' ? (ring as ArrayLike<number>) : null;
  const positions = ring as readonly Position[];
  const count = flat ? Math.floor(flat.length / 2) : positions.length;
  if (count < 3) return 0;
  const lon = (i: number) => (flat ? flat[2 * i]! : positions[i]![0]!);
  const lat = (i: number) => (flat ? flat[2 * i + 1]! : positions[i]![1]!);
  // Two term records, swapped edge by edge, so that a ring of any size allocates nothing more.
  let from = vertexTerms(lat(0), { tanBeta: 0, rate: 0, ordinate: 0 });
  let to: VertexTerms = { tanBeta: 0, rate: 0, ordinate: 0 };
  const y0 = from.ordinate;
  let sum = 0;
  for (let i = 1; i <= count; i += 1) {
    const next = i % count;
    vertexTerms(lat(next), to);
    sum += geodesicEdgeIntegral(lon(i - 1), lat(i - 1), from, lon(next), lat(next), to, y0);
    const swap = from;
    from = to;
    to = swap;
  }
  return -sum;
}

/** Area enclosed by a ring in m², whatever its winding. */
export function ringArea(ring: RingCoordinates): number {
  return Math.abs(signedRingArea(ring));
}

/** Area of a Polygon or MultiPolygon in m²: each exterior ring less its holes, whatever their winding. */
export function polygonArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const [outer, ...holes] of polygons) {
    if (!outer) continue;
    total += ringArea(outer);
    for (const hole of holes) total -= ringArea(hole);
  }
  return total;
}
