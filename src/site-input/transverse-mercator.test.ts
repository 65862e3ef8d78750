import { expect, test } from 'vitest';
import { centralMeridianOf, gaussKruger } from './gauss-kruger-zone.ts';
import { CGCS2000, projectTransverseMercator, unprojectTransverseMercator, WGS84 } from './transverse-mercator.ts';

/** Zone-prefixed CGCS2000 Gauss-Krüger, as in EPSG:4491-4501 (6°) and EPSG:4513-4533 (3°). */
const zone = (number: number, width: 3 | 6) => ({ ...gaussKruger(centralMeridianOf(number, width)), falseEasting: number * 1e6 + 500_000 });

/*
 * Reference values computed with PROJ 9.1.1 (Debian proj-bin), whose tmerc uses the Poder/Engsager extended
 * Krüger series; for example:
 *   echo "40.8 111.7" | cs2cs EPSG:4490 EPSG:4525 -f %.4f   ->  4518598.6914  37559072.5121
 *   echo "4412345.678 37512345.678" | cs2cs EPSG:4525 EPSG:4490 -f %.10f  ->  39.8451515589  111.1442480438
 * EPSG:4490 is CGCS2000 latitude, longitude; EPSG:45xx / 449x give X (northing) then Y (easting); EPSG:32649 gives
 * easting then northing.
 */
const FORWARD = [
  { crs: 'EPSG:4525, 3° zone 37', projection: zone(37, 3), lon: 111.7, lat: 40.8, x: 4518598.6914, y: 37559072.5121 },
  { crs: 'EPSG:4527, 3° zone 39', projection: zone(39, 3), lon: 119.8, lat: 49.5, x: 5489004.5615, y: 39702809.7935 },
  { crs: 'EPSG:4527, 7.5° off its meridian', projection: zone(39, 3), lon: 109.5, lat: 39.2, x: 4367607.8284, y: 38851762.2757 },
  { crs: 'EPSG:4498, 6° zone 20', projection: zone(20, 6), lon: 119.9, lat: 43.95, x: 4872357.4218, y: 20732796.9897 },
  { crs: 'EPSG:4496, 6° zone 18 near its edge', projection: zone(18, 6), lon: 107.99, lat: 41.5, x: 4600421.3916, y: 18749667.5523 },
  {
    crs: 'EPSG:32649, WGS 84 UTM 49N',
    projection: { ellipsoid: WGS84, centralMeridian: 111, scale: 0.9996, falseEasting: 500_000, falseNorthing: 0 },
    lon: 109.8, lat: 39.6, x: 4384050.4447, y: 396971.7607,
  },
];

test.each(FORWARD)('forward matches PROJ to 0.1 mm: $crs', ({ projection, lon, lat, x, y }) => {
  const [easting, northing] = projectTransverseMercator(lon, lat, projection);
  expect(Math.abs(easting - y)).toBeLessThan(1e-4);
  expect(Math.abs(northing - x)).toBeLessThan(1e-4);
});

test.each(FORWARD)('inverse matches PROJ to 1e-9 degrees: $crs', ({ projection, lon, lat, x, y }) => {
  const [longitude, latitude] = unprojectTransverseMercator(y, x, projection);
  expect(Math.abs(longitude - lon)).toBeLessThan(1e-9);
  expect(Math.abs(latitude - lat)).toBeLessThan(1e-9);
});

test('inverse of a boundary-point table value matches PROJ (EPSG:4525 and EPSG:4549)', () => {
  const [longitude, latitude] = unprojectTransverseMercator(37512345.678, 4412345.678, zone(37, 3));
  expect(longitude).toBeCloseTo(111.1442480438, 10);
  expect(latitude).toBeCloseTo(39.8451515589, 10);
  // EPSG:4549 is 3° Gauss-Krüger with central meridian 120°E and no zone prefix.
  const [east] = unprojectTransverseMercator(512345.678, 4412345.678, gaussKruger(120));
  expect(east).toBeCloseTo(120.1442480438, 10);
});

test('forward then inverse returns to within 1 mm across every Inner Mongolia zone', () => {
  const metresPerDegree = 111_000;
  for (const width of [3, 6] as const) {
    const [first, last] = width === 3 ? [33, 42] : [16, 22];
    for (let number = first; number <= last; number++) {
      const projection = zone(number, width);
      for (const latitude of [37, 42.5, 48, 53.5]) {
        for (const offset of [-width / 2, -0.7, 0, 1.1, width / 2]) {
          const longitude = projection.centralMeridian + offset;
          const [easting, northing] = projectTransverseMercator(longitude, latitude, projection);
          const [lon, lat] = unprojectTransverseMercator(easting, northing, projection);
          expect(Math.abs(lat - latitude) * metresPerDegree).toBeLessThan(1e-3);
          expect(Math.abs(lon - longitude) * metresPerDegree * Math.cos((latitude * Math.PI) / 180)).toBeLessThan(1e-3);
        }
      }
    }
  }
});

test('the central meridian maps to the false easting and the equator to northing 0', () => {
  const [easting, northing] = projectTransverseMercator(111, 0, { ellipsoid: CGCS2000, centralMeridian: 111, scale: 1, falseEasting: 500_000, falseNorthing: 0 });
  expect(easting).toBeCloseTo(500_000, 6);
  expect(northing).toBeCloseTo(0, 6);
});
