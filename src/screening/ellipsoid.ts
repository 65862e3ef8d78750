import geodesic from 'geographiclib-geodesic';

/**
 * WGS-84 helpers for areas and distances on packed coordinates. Areas use the authalic-latitude trapezoid
 * formula: (longitude, sin of authalic latitude) is an equal-area projection of the ellipsoid, so the shoelace
 * formula there, times the authalic radius squared, is the ellipsoidal area of the polygon whose edges are
 * straight in that projection, within 1e-6 of GeographicLib's geodesic-edge area for zone-sized edges.
 * (src/stats/ellipsoidal-area.ts computes the same on GeoJSON; this works on typed arrays in the hot path.)
 */
const { a, f } = geodesic.Constants.WGS84;
const e2 = f * (2 - f);
const e = Math.sqrt(e2);
const toRadians = Math.PI / 180;

const q = (sinLat: number) =>
  (1 - e2) * (sinLat / (1 - e2 * sinLat * sinLat) - Math.log((1 - e * sinLat) / (1 + e * sinLat)) / (2 * e));
const qPole = q(1);

/** Sine of the authalic latitude of a geodetic latitude in degrees. */
export const sinAuthalic = (latitude: number): number => q(Math.sin(latitude * toRadians)) / qPole;

/** Square metres per unit of (longitude degrees x sin authalic latitude) in the equal-area plane. */
export const squareMetresPerUnit = ((a * a * qPole) / 2) * toRadians;

/**
 * Twice the signed area contribution of the edge (x1, s1) -> (x2, s2) in the equal-area plane, negated so that
 * counter-clockwise rings sum positive; x is longitude in degrees, s is sinAuthalic(latitude).
 */
export const edgeTerm = (x1: number, s1: number, x2: number, s2: number): number => -(x2 - x1) * (s1 + s2);

/** Kilometres per degree of longitude and of latitude at a latitude: the local plane that nearest-edge
 * searches measure in before the final distance is taken geodesically. */
export function kilometresPerDegree(latitude: number): { x: number; y: number } {
  const sin = Math.sin(latitude * toRadians);
  const w = 1 - e2 * sin * sin;
  const normal = a / Math.sqrt(w);
  const meridional = (a * (1 - e2)) / (w * Math.sqrt(w));
  return { x: (normal * Math.cos(latitude * toRadians) * toRadians) / 1000, y: (meridional * toRadians) / 1000 };
}

/** Geodesic distance in kilometres on WGS-84. */
export const geodesicKm = (lon1: number, lat1: number, lon2: number, lat2: number): number =>
  (geodesic.Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, geodesic.Geodesic.DISTANCE).s12 ?? 0) / 1000;
