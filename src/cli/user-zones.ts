import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { densifyOfficialFeatures, officialEdgeToleranceMetres } from '../official/geodesic-edges.ts';
import { loadSiteRecordReader } from '../site-input/index.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { type ByteSource, siteRecordBatches } from '../site-input/stream.ts';
import { streamFormatOf } from '../site-input/stream-format.ts';

/**
 * The user's own zones (--zones) as a dataset of the kind given: every feature is checked like a site (projected
 * metres, swapped axes, out of range, self-crossings repaired) and must be a polygon, or the run stops with the
 * feature named. A feature's id, name, accuracy_km and buffer_km properties are kept. Its long edges are densified
 * along geodesics as an official layer's are (to a quarter of the step its accuracy_km reports distances in).
 */
export async function userZones(file: string, kind: string, read: (file: string) => ByteSource): Promise<FeatureCollection> {
  const format = streamFormatOf(file);
  if (format !== 'geojson' && format !== 'geojsonl' && format !== 'flatgeobuf') {
    throw new SiteInputError({
      en: `${file}: zones must be GeoJSON, GeoJSON Lines or FlatGeobuf polygons`,
      zh: `${file}：区域文件应为GeoJSON、GeoJSON Lines或FlatGeobuf面要素`,
    });
  }
  const check = await loadSiteRecordReader();
  const features: Feature<Polygon | MultiPolygon>[] = [];
  try {
    for await (const records of siteRecordBatches(format, read(file))) {
      for (const { where, id, record, properties = {} } of records) {
        const result = check(record, where);
        if (result.error) throw new SiteInputError(result.error);
        const geometry = result.site.geometry;
        if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
          throw new SiteInputError({
            en: `${where.en}: a zone must be a polygon, not a ${geometry.type}`,
            zh: `${where.zh}：区域应为面，而不是${geometry.type}`,
          });
        }
        const name = typeof properties['name'] === 'string' ? properties['name'] : id;
        const accuracyKm = typeof properties['accuracy_km'] === 'number' ? properties['accuracy_km'] : 0;
        const zone: Feature<Polygon | MultiPolygon> = {
          type: 'Feature',
          geometry,
          properties: {
            ...properties,
            id,
            name_zh: properties['name_zh'] ?? name,
            name_en: properties['name_en'] ?? name,
            zone_kind: kind,
          },
        };
        features.push(...densifyOfficialFeatures([zone], officialEdgeToleranceMetres(accuracyKm)).features);
      }
    }
  } catch (error) {
    if (!(error instanceof SiteInputError)) throw error;
    throw new SiteInputError({ en: `--zones ${file}, ${error.text.en}`, zh: `--zones ${file}，${error.text.zh}` });
  }
  return { type: 'FeatureCollection', features };
}
