/**
 * The seeded synthetic official layer both official-layer benchmarks use: star-shaped patches of 12-60 vertices and
 * 0.3-3 km radius over the Inner Mongolia box, the size of a province's 三线一单 units and red-line patches, with a
 * name and a code each, as FlatGeobuf (the format a bureau's GIS exports a layer this large in).
 */
import { geojson as flatgeobuf } from 'flatgeobuf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { innerMongoliaBox, starRing } from '../../src/screening/synthetic-zones.ts';

/** A closed ring of [lon, lat] positions from interleaved coordinates. */
export function ring(xy: Float64Array): number[][] {
  const positions = Array.from({ length: xy.length / 2 }, (_, n) => [xy[2 * n] as number, xy[2 * n + 1] as number]);
  return [...positions, positions[0] as number[]];
}

export const vertexCount = (collection: FeatureCollection) =>
  collection.features.reduce((sum, feature) => {
    const geometry = feature.geometry as Polygon | MultiPolygon;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    return sum + polygons.flat().reduce((inner, part) => inner + part.length, 0);
  }, 0);

/** `count` patches drawn from `random` (seeded by the caller, so the rest of its run stays reproducible too). */
export function syntheticOfficialLayer(
  count: number,
  random = seededRandom(13),
): { collection: FeatureCollection<Polygon>; bytes: Uint8Array } {
  const [x0, y0, x1, y1] = innerMongoliaBox;
  const collection: FeatureCollection<Polygon> = {
    type: 'FeatureCollection',
    features: Array.from(
      { length: count },
      (_, n): Feature<Polygon> => ({
        type: 'Feature',
        properties: { name: `红线斑块${n + 1}`, code: `HX-${n + 1}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            ring(
              starRing(
                random,
                x0 + (x1 - x0) * random(),
                y0 + (y1 - y0) * random(),
                (0.3 + 2.7 * random()) / 111,
                12 + Math.floor(48 * random()),
              ),
            ),
          ],
        },
      }),
    ),
  };
  return { collection, bytes: flatgeobuf.serialize(collection) };
}
