import type { FeatureCollection, Geometry } from 'geojson';
import { polygonArea } from '../../src/geodesy/ellipsoidal-area.ts';

/**
 * Stored areas (`area_computed_km2`) are ellipsoidal, on WGS-84, like every figure of the ledger: turf.area works on
 * a sphere and reads 0.06-0.38 % low at Inner Mongolia's latitudes (1,144,221 against 1,146,430 km² for the region).
 * Rounded to 1 km² from 1,000 km² up and to 0.1 km² below, far inside the accuracy of any outline here.
 */
export function storedAreaKm2(geometry: Geometry): number | undefined {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return undefined;
  const km2 = polygonArea(geometry) / 1e6;
  return km2 >= 1000 ? Math.round(km2) : Math.round(km2 * 10) / 10;
}

/** Properties that store the area of the feature's own geometry (thematic layers, and the open lakes). */
const areaKeys = ['area_computed_km2', 'area_km2'];

/** Names every feature whose stored area is not the ellipsoidal area of its geometry, with the right figure. */
export function areaProblems(file: string, collection: FeatureCollection): string[] {
  const problems: string[] = [];
  for (const feature of collection.features) {
    for (const key of areaKeys) {
      const stored = feature.properties?.[key];
      if (typeof stored !== 'number' || !feature.geometry) continue;
      const expected = storedAreaKm2(feature.geometry);
      if (expected !== undefined && stored !== expected) {
        const name = feature.properties?.['id'] ?? feature.properties?.['name_en'];
        problems.push(`${file}: feature "${String(name)}": ${key} is ${stored}; the ellipsoidal area of its geometry is ${expected}`);
      }
    }
  }
  return problems;
}
