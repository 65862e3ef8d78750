/**
 * Transverse Mercator (Gauss-Krüger) on an ellipsoid, with Krüger's series in the third flattening n to order n^6
 * as given by C. F. F. Karney, "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85 (2011),
 * eqs. (35) and (36). Within a few thousand kilometres of the central meridian the error is far below a millimetre,
 * which is what cadastral boundary-point tables need.
 */

export interface Ellipsoid {
  /** Semi-major axis in metres. */
  a: number;
  /** Flattening. */
  f: number;
}

/** CGCS2000 (GB/T 2012 national geodetic system); GRS80 differs only in constants that do not affect geometry. */
export const CGCS2000: Ellipsoid = { a: 6378137, f: 1 / 298.257222101 };
export const WGS84: Ellipsoid = { a: 6378137, f: 1 / 298.257223563 };

export interface TransverseMercator {
  ellipsoid: Ellipsoid;
  /** Longitude of the central meridian in degrees. */
  centralMeridian: number;
  /** 1 for Gauss-Krüger, 0.9996 for UTM. */
  scale: number;
  /** Added to eastings, in metres; Chinese tables fold the zone number into it (zone 37: 37 500 000). */
  falseEasting: number;
  falseNorthing: number;
}

const DEGREE = Math.PI / 180;

interface Series {
  /** Rectifying radius times the scale: metres per radian of the conformal sphere along the central meridian. */
  radius: number;
  alpha: number[];
  beta: number[];
  eccentricity: number;
}

const seriesCache = new Map<Ellipsoid, Series>();

function series(ellipsoid: Ellipsoid): Series {
  const cached = seriesCache.get(ellipsoid);
  if (cached) return cached;
  const n = ellipsoid.f / (2 - ellipsoid.f);
  const [n2, n3, n4, n5, n6] = [n ** 2, n ** 3, n ** 4, n ** 5, n ** 6];
  const made: Series = {
    radius: (ellipsoid.a / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256),
    alpha: [
      n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4 - (127 / 288) * n5 + (7891 / 37800) * n6,
      (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4 + (281 / 630) * n5 - (1983433 / 1935360) * n6,
      (61 / 240) * n3 - (103 / 140) * n4 + (15061 / 26880) * n5 + (167603 / 181440) * n6,
      (49561 / 161280) * n4 - (179 / 168) * n5 + (6601661 / 7257600) * n6,
      (34729 / 80640) * n5 - (3418889 / 1995840) * n6,
      (212378941 / 319334400) * n6,
    ],
    beta: [
      n / 2 - (2 / 3) * n2 + (37 / 96) * n3 - (1 / 360) * n4 - (81 / 512) * n5 + (96199 / 604800) * n6,
      (1 / 48) * n2 + (1 / 15) * n3 - (437 / 1440) * n4 + (46 / 105) * n5 - (1118711 / 3870720) * n6,
      (17 / 480) * n3 - (37 / 840) * n4 - (209 / 4480) * n5 + (5569 / 90720) * n6,
      (4397 / 161280) * n4 - (11 / 504) * n5 - (830251 / 7257600) * n6,
      (4583 / 161280) * n5 - (108847 / 3991680) * n6,
      (20648693 / 638668800) * n6,
    ],
    eccentricity: Math.sqrt(ellipsoid.f * (2 - ellipsoid.f)),
  };
  seriesCache.set(ellipsoid, made);
  return made;
}

/** tan of the conformal latitude from tan of the geodetic latitude (Karney 2011, eq. 7-9). */
function conformalTangent(tau: number, e: number): number {
  const sigma = Math.sinh(e * Math.atanh((e * tau) / Math.hypot(1, tau)));
  return tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
}

/** Inverts conformalTangent by Newton's method (Karney 2011, eq. 19-21); converges in 2-3 steps. */
function geodeticTangent(tauPrime: number, e: number): number {
  const e2 = e * e;
  let tau = tauPrime;
  for (let step = 0; step < 10; step++) {
    const guess = conformalTangent(tau, e);
    const change =
      ((tauPrime - guess) / Math.hypot(1, guess)) * ((1 + (1 - e2) * tau * tau) / ((1 - e2) * Math.hypot(1, tau)));
    tau += change;
    if (Math.abs(change) < 1e-14 * Math.max(1, Math.abs(tau))) break;
  }
  return tau;
}

/** Longitude, latitude in degrees -> easting, northing in metres. */
export function projectTransverseMercator(longitude: number, latitude: number, projection: TransverseMercator): [number, number] {
  const { radius, alpha, eccentricity } = series(projection.ellipsoid);
  const lambda = (longitude - projection.centralMeridian) * DEGREE;
  const tauPrime = conformalTangent(Math.tan(latitude * DEGREE), eccentricity);
  const xiPrime = Math.atan2(tauPrime, Math.cos(lambda));
  const etaPrime = Math.asinh(Math.sin(lambda) / Math.hypot(tauPrime, Math.cos(lambda)));
  let xi = xiPrime;
  let eta = etaPrime;
  alpha.forEach((coefficient, index) => {
    const j2 = 2 * (index + 1);
    xi += coefficient * Math.sin(j2 * xiPrime) * Math.cosh(j2 * etaPrime);
    eta += coefficient * Math.cos(j2 * xiPrime) * Math.sinh(j2 * etaPrime);
  });
  const k = projection.scale * radius;
  return [projection.falseEasting + k * eta, projection.falseNorthing + k * xi];
}

/** Easting, northing in metres -> longitude, latitude in degrees. */
export function unprojectTransverseMercator(easting: number, northing: number, projection: TransverseMercator): [number, number] {
  const { radius, beta, eccentricity } = series(projection.ellipsoid);
  const k = projection.scale * radius;
  const xiPrime = (northing - projection.falseNorthing) / k;
  const etaPrime = (easting - projection.falseEasting) / k;
  let xi = xiPrime;
  let eta = etaPrime;
  beta.forEach((coefficient, index) => {
    const j2 = 2 * (index + 1);
    xi -= coefficient * Math.sin(j2 * xiPrime) * Math.cosh(j2 * etaPrime);
    eta -= coefficient * Math.cos(j2 * xiPrime) * Math.sinh(j2 * etaPrime);
  });
  // Conformal latitude on the sphere, then back to the ellipsoid.
  const tauPrime = Math.sin(xi) / Math.hypot(Math.sinh(eta), Math.cos(xi));
  const latitude = Math.atan(geodeticTangent(tauPrime, eccentricity)) / DEGREE;
  const longitude = projection.centralMeridian + Math.atan2(Math.sinh(eta), Math.cos(xi)) / DEGREE;
  return [longitude, latitude];
}
