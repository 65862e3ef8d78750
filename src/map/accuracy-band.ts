import { bboxClip, buffer, featureCollection, flatten, polygonToLine, simplify } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

/**
 * The band a zone's edge may lie in: its drawn edge buffered by `km` on both sides (around a point, a disc), along
 * the stretch of edge near the site only (within `km` of `near`, a west-south-east-north box around the site): the
 * doubt is about that stretch, and buffering a whole province's outline takes seconds. It is drawn as polygons, so a
 * translucent fill shows it evenly, where a line `km` wide would darken at every joint. The edge is simplified to a
 * tenth of the band's width first: finer detail cannot show and would only slow the buffer.
 */
export function accuracyBand(zone: Feature, km: number, near: [number, number, number, number]): Feature<Polygon | MultiPolygon>[] {
  if (!zone.geometry || km <= 0) return [];
  const reach = (3 * km) / 111;
  const cosine = Math.cos((((near[1] + near[3]) / 2) * Math.PI) / 180);
  const window: [number, number, number, number] = [near[0] - reach / cosine, near[1] - reach, near[2] + reach / cosine, near[3] + reach];
  const parts = flatten(zone as Feature<Point | LineString | MultiLineString | Polygon | MultiPolygon>).features;
  const edges = parts.flatMap((part): Feature<Point | LineString | MultiLineString>[] => {
    if (part.geometry.type === 'Point') return [part as Feature<Point>];
    const lines = part.geometry.type === 'Polygon' ? polygonToLine(part as Feature<Polygon>) : (part as Feature<LineString>);
    const rings = lines.type === 'FeatureCollection' ? lines.features : [lines];
    return rings
      .map((ring) => bboxClip(ring as Feature<LineString | MultiLineString>, window) as Feature<LineString | MultiLineString>)
      .filter((clipped) => clipped.geometry.coordinates.length > 0);
  });
  if (edges.length === 0) return [];
  const simple = simplify(featureCollection(edges), { tolerance: km / 1110, highQuality: false });
  return (buffer(simple, km, { units: 'kilometers', steps: 4 })?.features ?? []) as Feature<Polygon | MultiPolygon>[];
}
