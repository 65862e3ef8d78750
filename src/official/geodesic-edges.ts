/**
 * An official layer's edges follow the geodesic between their ends, as the bundled layers' do (data/build/
 * geodesic-edges.ts): a bureau's long edge read straight in longitude/latitude lies up to about a kilometre from the
 * geodesic that PostGIS geography and the areas take, so every feature is densified along geodesics once, where the
 * layer is built, for the atlas's import and the CLI's file or PostGIS table alike. Bureaus' files are dense already,
 * so short edges come through as they are.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { densifyGeometry, type KeepEdge, straightEdgeGapBoundMetres } from '../geodesy/densify.ts';
import { distanceStepKm } from '../geodesy/distance-step.ts';

/** How far (metres) an edge may stray from its geodesic: a quarter of the step distances at the stated accuracy are
 * reported in, the rule the bundled layers follow, so the drawn edge and the geodesic one round to the same figure. */
export const officialEdgeToleranceMetres = (accuracyKm: number): number => (distanceStepKm(accuracyKm) * 1000) / 4;

const vertices = (geometry: Polygon | MultiPolygon): number =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).reduce(
    (sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0),
    0,
  );

/** The features with long edges densified along geodesics to the tolerance, and how many vertices that added. */
export function densifyOfficialFeatures<P>(
  features: readonly Feature<Polygon | MultiPolygon, P>[],
  toleranceMetres: number,
): { features: Feature<Polygon | MultiPolygon, P>[]; addedVertices: number } {
  // A bureau's short edges are let through on the cheap bound, so that the exact check runs on the long ones only.
  const short: KeepEdge = (from, to) => straightEdgeGapBoundMetres(from[0]!, from[1]!, to[0]!, to[1]!) <= toleranceMetres;
  let addedVertices = 0;
  const densified = features.map((feature) => {
    const geometry = densifyGeometry(feature.geometry, toleranceMetres, short) as Polygon | MultiPolygon;
    const added = vertices(geometry) - vertices(feature.geometry);
    addedVertices += added;
    return added === 0 ? feature : { ...feature, geometry };
  });
  return { features: densified, addedVertices };
}
