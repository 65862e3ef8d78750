import type { Feature, FeatureCollection } from 'geojson';
import { ringCrossings } from '../../src/geodesy/segment-crossings.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';

/** Collects every problem of a dataset in one readable list, each naming the file and the feature. */
export function validateFeatures(file: string, collection: FeatureCollection, schema: LayerDefinition['properties']): string[] {
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
  const outOfRange = positions(feature.geometry).find(
    ([lon, lat]) => !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90,
  );
  if (outOfRange) problems.push(`coordinate [${outOfRange.join(', ')}] is not a WGS-84 longitude/latitude`);
  if (!strict) return problems;
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const ring of polygons.flat()) {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4) problems.push(`a ring has ${ring.length} positions; a closed ring needs at least 4`);
      else if (first![0] !== last![0] || first![1] !== last![1]) problems.push('a ring is not closed (first and last positions differ)');
    }
    const crossings = ringCrossings(polygons.flat(), { touching: false });
    if (crossings.length > 0) {
      problems.push(
        `${geometry.type} crosses itself at ${crossings.length} point(s), first near [${crossings[0]!.map((v) => v.toFixed(5)).join(', ')}]`,
      );
    }
  } else if ((geometry.type === 'LineString' || geometry.type === 'MultiLineString') && positions(geometry).length < 2) {
    problems.push(`${geometry.type} needs at least 2 positions`);
  }
  return problems;
}

function positions(geometry: Feature['geometry']): number[][] {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(positions);
  const flatten = (value: unknown): number[][] =>
    Array.isArray(value) && typeof value[0] === 'number' ? [value as number[]] : (value as unknown[]).flatMap(flatten);
  return flatten(geometry.coordinates);
}
