/**
 * Coordinates copied from Chinese web maps are shifted on purpose: GCJ-02 (Amap/Gaode, Tencent, Google China) adds a
 * published-by-leak nonlinear offset of a few hundred metres to WGS-84, and BD-09 (Baidu) shifts GCJ-02 again. The
 * forward formulas below are the widely documented public ones (Krasovsky-ellipsoid constants a = 6378245,
 * e² = 0.00669342162296594323); there is no closed-form inverse, so the inverses iterate the forward map.
 */

type LonLat = [number, number];

const KRASOVSKY_A = 6378245;
const KRASOVSKY_E2 = 0.00669342162296594323;
const BAIDU_PI = (Math.PI * 3000) / 180;

/** GCJ-02 leaves points outside mainland China's rough box alone. */
const outsideChina = ([lon, lat]: LonLat) => lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

function latitudeOffset(x: number, y: number): number {
  let offset = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  offset += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  offset += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  offset += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return offset;
}

function longitudeOffset(x: number, y: number): number {
  let offset = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  offset += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  offset += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  offset += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return offset;
}

export function wgs84ToGcj02(position: LonLat): LonLat {
  if (outsideChina(position)) return position;
  const [lon, lat] = position;
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - KRASOVSKY_E2 * Math.sin(radLat) ** 2;
  const dLat = (latitudeOffset(lon - 105, lat - 35) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (magic * Math.sqrt(magic))) * Math.PI);
  const dLon = (longitudeOffset(lon - 105, lat - 35) * 180) / ((KRASOVSKY_A / Math.sqrt(magic)) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

export function gcj02ToBd09([lon, lat]: LonLat): LonLat {
  const z = Math.hypot(lon, lat) + 0.00002 * Math.sin(lat * BAIDU_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BAIDU_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * Solves forward(x) = target by fixed-point steps x += target - forward(x); both maps are near-identities with
 * small slowly varying offsets, so each step gains several digits. Stops at 1e-10 degrees (about 0.01 mm).
 */
function invert(forward: (position: LonLat) => LonLat, target: LonLat): LonLat {
  let guess: LonLat = [...target];
  for (let step = 0; step < 30; step++) {
    const [lon, lat] = forward(guess);
    const dLon = target[0] - lon;
    const dLat = target[1] - lat;
    guess = [guess[0] + dLon, guess[1] + dLat];
    if (Math.abs(dLon) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return guess;
}

export const gcj02ToWgs84 = (position: LonLat): LonLat => invert(wgs84ToGcj02, position);
export const bd09ToGcj02 = (position: LonLat): LonLat => invert(gcj02ToBd09, position);
export const bd09ToWgs84 = (position: LonLat): LonLat => gcj02ToWgs84(bd09ToGcj02(position));
