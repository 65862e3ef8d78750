import { booleanValid, kinks } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import type { ZodType } from 'zod';

/** Collects every problem of a dataset in one readable list, each naming the file and the feature. */
export function validateFeatures(file: string, collection: FeatureCollection, schema: ZodType | undefined): string[] {
  const problems: string[] = [];
  collection.features.forEach((feature, index) => {
    const name = `${file}: feature ${featureName(feature, index)}`;
    if (!feature.geometry) {
      problems.push(`${name}: has no geometry`);
      return;
    }
    // Base-map context (countries, provinces) is drawn as published; thematic features are also measured, so they must be valid.
    problems.push(...geometryProblems(feature, schema !== undefined).map((problem) => `${name}: ${problem}`));
    if (schema) {
      const parsed = schema.safeParse(feature.properties);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push(`${name}: ${issue.path.join('.') || 'properties'}: ${issue.message}`);
        }
      }
    }
  });
  return problems;
}

function featureName(feature: Feature, index: number): string {
  const id = feature.properties?.['id'];
  return typeof id === 'string' ? `"${id}"` : `#${index + 1}`;
}

function geometryProblems(feature: Feature, strict: boolean): string[] {
  const problems: string[] = [];
  const outOfRange = positions(feature.geometry).find(([lon, lat]) =>
    !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90);
  if (outOfRange) problems.push(`coordinate [${outOfRange.join(', ')}] is not a WGS-84 longitude/latitude`);
  if (!strict) return problems;
  if (!booleanValid(feature)) problems.push(`invalid ${feature.geometry.type} geometry`);
  const type = feature.geometry.type;
  if (type === 'Polygon' || type === 'MultiPolygon') {
    const crossings = kinks(feature as Feature<Polygon | MultiPolygon>).features.length;
    if (crossings > 0) problems.push(`${type} crosses itself at ${crossings} point(s)`);
  }
  return problems;
}

function positions(geometry: Feature['geometry']): number[][] {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(positions);
  const flatten = (value: unknown): number[][] =>
    Array.isArray(value) && typeof value[0] === 'number' ? [value as number[]] : (value as unknown[]).flatMap(flatten);
  return flatten(geometry.coordinates);
}
