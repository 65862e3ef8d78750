import { geodesicKm, kilometresPerDegree, type KilometresPerDegree } from './ellipsoid.ts';

/** The longest line, and the farthest latitude, for which shortLineErrorKm bounds shortLineKm's error. */
export const shortLineMaxKm = 150;
export const shortLineMaxLatitude = 70;

const midPlane: KilometresPerDegree = { x: 0, y: 0 };

/**
 * The geodesic distance (km, WGS-84) of a short line without solving the geodesic: the length of the line in the
 * plane of its mid-latitude, with the ellipsoid's radii of curvature there. It differs from geodesicKm by less than
 * shortLineErrorKm(km) for lines up to shortLineMaxKm whose ends lie within shortLineMaxLatitude of the equator
 * (short-line.test.ts checks that over seeded lines of every direction); NaN for any other line.
 */
export function shortLineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (!(Math.abs(lat1) <= shortLineMaxLatitude && Math.abs(lat2) <= shortLineMaxLatitude)) return NaN;
  const { x, y } = kilometresPerDegree((lat1 + lat2) / 2, midPlane);
  // Not Math.hypot, a call V8 does not inline (8 ms of a worker's shapes of the seeded million, by perf): the square
  // root of the sum is within an ulp of it, far inside the micrometre shortLineErrorKm allows for rounding.
  const dx = (lon2 - lon1) * x;
  const dy = (lat2 - lat1) * y;
  const km = Math.sqrt(dx * dx + dy * dy);
  return km <= shortLineMaxKm ? km : NaN;
}

/**
 * How far shortLineKm can be from geodesicKm: the plane's error grows with the cube of the length (at most
 * 1e-8 km⁻² times it within 70° of the equator, measured), taken three times over, and a micrometre for the
 * rounding of the coordinates and of both computations.
 */
export const shortLineErrorKm = (km: number): number => 3e-8 * km * km * km + 1e-9;

/**
 * One geodesic distance, as the screening rounds and compares it: known from shortLineKm to within its error, and
 * solved exactly (geodesicKm) only when a comparison or a rounding falls inside that error. Every answer is the one
 * the exact distance gives. One object, reset by each `measure`.
 */
export class LazyGeodesic {
  private distance = 0;
  private error = 0;
  private exact = false;
  private lon1 = 0;
  private lat1 = 0;
  private lon2 = 0;
  private lat2 = 0;

  measure(lon1: number, lat1: number, lon2: number, lat2: number): this {
    this.lon1 = lon1;
    this.lat1 = lat1;
    this.lon2 = lon2;
    this.lat2 = lat2;
    this.distance = shortLineKm(lon1, lat1, lon2, lat2);
    this.error = shortLineErrorKm(this.distance);
    this.exact = false;
    if (Number.isNaN(this.distance)) this.solve();
    return this;
  }

  /** geodesicKm(...) <= limitKm. */
  atMost(limitKm: number): boolean {
    if (this.distance + this.error <= limitKm) return true;
    if (this.distance - this.error > limitKm) return false;
    this.solve();
    return this.distance <= limitKm;
  }

  /** The distance rounded to `decimals` as Math.round(km * 10 ** decimals) / 10 ** decimals, of the exact km. */
  rounded(decimals: number): number {
    const scale = 10 ** decimals;
    // Rounding is monotone: when both ends of the error round alike, so does every distance between them.
    const low = Math.round((this.distance - this.error) * scale);
    if (low === Math.round((this.distance + this.error) * scale)) return low / scale;
    this.solve();
    return Math.round(this.distance * scale) / scale;
  }

  /** The exact distance: geodesicKm(...). */
  km(): number {
    this.solve();
    return this.distance;
  }

  private solve(): void {
    if (this.exact) return;
    this.distance = geodesicKm(this.lon1, this.lat1, this.lon2, this.lat2);
    this.error = 0;
    this.exact = true;
  }
}
