/**
 * The data build serves every edge as the geodesic between its ends, within what the report can show: each line and
 * ring of data/ is densified along geodesics (src/geodesy/densify.ts) before it is written. Without it the map, turf
 * and the screening engine would draw and measure an edge straight in longitude/latitude while the areas and PostGIS
 * geography take the geodesic, up to 1.4 km apart on the longest hand-drawn edges (tests/bench/edge-distance.ts).
 */
import { bbox } from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import { densifyGeometry, type KeepEdge } from '../../src/geodesy/densify.ts';
import { distanceStepKm } from '../../src/geodesy/distance-step.ts';

/** What the manifest says of the edges of every dataset it lists. */
export const geodesicEdgesNote =
  'Every edge follows the geodesic between its ends (save where a context layer was cut along a parallel when it was extracted): long edges are densified along it (data/build/geodesic-edges.ts) to within a quarter of the step distances to them are reported in, so that the map, the screening, the areas and PostGIS geography read the same line.';

/**
 * How far (metres) an edge of a feature may stray from its geodesic: a quarter of the step its distances are reported
 * in (25 m where they read in 0.1 km), so that the drawn edge and the geodesic one round to the same figure with room
 * left for the engine's own error. The step follows the finest accuracy the feature declares (a stretch of its edge
 * may be better than the rest), else its layer's.
 */
export function edgeToleranceMetres(properties: Record<string, unknown> | null, layerAccuracyKm: number): number {
  const stretches = properties?.['accuracy_stretches'];
  const figures = [
    properties?.['accuracy_km'],
    properties?.['accuracy_km_elsewhere'],
    ...(Array.isArray(stretches) ? stretches.map((stretch: { km?: unknown }) => stretch?.km) : []),
  ].filter((value): value is number => typeof value === 'number' && value > 0);
  const accuracyKm = figures.length > 0 ? Math.min(...figures) : layerAccuracyKm;
  return (distanceStepKm(accuracyKm) * 1000) / 4;
}

/**
 * Edges along the north or south side of the layer's extent are kept on their parallel: there the context layers
 * (surrounding countries, neighbouring provinces) were cut by a longitude/latitude box when they were extracted, and
 * that cut is no boundary; along its geodesic it would bulge up to tens of kilometres past the box.
 */
export function keepExtentParallels(collection: FeatureCollection): KeepEdge {
  const [, south, , north] = bbox(collection);
  return (from: Position, to: Position) => from[1] === to[1] && (from[1] === south || from[1] === north);
}

/** The collection with every feature's lines and rings densified along geodesics to its tolerance. */
export function geodesicEdges(collection: FeatureCollection, layerAccuracyKm: number): FeatureCollection {
  const keep = keepExtentParallels(collection);
  return {
    ...collection,
    features: collection.features.map((feature) =>
      feature.geometry
        ? { ...feature, geometry: densifyGeometry(feature.geometry, edgeToleranceMetres(feature.properties, layerAccuracyKm), keep) }
        : feature,
    ),
  };
}
