import { crsFromName, loadProjections, toDegrees, WGS84_DEGREES } from './crs.ts';
import { readGeometry } from './geojson-geometry.ts';
import { featureAt, type FileParts, nameIn, noFeatures, propertiesOf, type SitePart } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';

/** Line and column of a character offset, counting from 1. */
function lineAndColumn(text: string, offset: number): Bilingual {
  const before = text.slice(0, offset).split('\n');
  const [line, column] = [before.length, (before[before.length - 1]?.length ?? 0) + 1];
  return { en: ` at line ${line}, column ${column}`, zh: `（第${line}行第${column}列）` };
}

/** JSON.parse, with the engine's complaint turned into a line and column where the engine gives an offset. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(reason)?.[1];
    const place = offset === undefined ? { en: '', zh: '' } : lineAndColumn(text, Number(offset));
    throw new SiteInputError({
      en: `the GeoJSON is not valid JSON${place.en}: ${reason}`,
      zh: `GeoJSON不是有效的JSON${place.zh}：${reason}`,
    });
  }
}

/** A FeatureCollection, a Feature or a bare geometry, in the coordinate system its (obsolete but common) crs names. */
export async function readGeoJson(text: string): Promise<FileParts> {
  const root = parseJson(text) as Record<string, unknown> | null;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new SiteInputError({ en: 'the GeoJSON must be an object with a "type"', zh: 'GeoJSON应为带有"type"的对象' });
  }
  const notes: Bilingual[] = [];
  const features = root['type'] === 'FeatureCollection' ? root['features'] : root['type'] === 'Feature' ? [root] : undefined;
  let parts: SitePart[];
  if (features === undefined) {
    parts = readGeometry(root, 'geometry').map((geometry) => ({ geometry, where: { en: 'the geometry', zh: '该几何' } }));
  } else {
    if (!Array.isArray(features)) throw new SiteInputError({ en: '"features" must be an array', zh: '"features"应为数组' });
    if (features.length === 0) throw new SiteInputError(noFeatures('GeoJSON'));
    const empty: number[] = [];
    parts = features.flatMap((feature: unknown, index) => {
      const path = root['type'] === 'Feature' ? 'feature' : `features[${index}]`;
      const { geometry, properties } = (typeof feature === 'object' && feature !== null ? feature : {}) as Record<string, unknown>;
      if (geometry === null || geometry === undefined) {
        empty.push(index + 1);
        return [];
      }
      const where = featureAt(index + 1, nameIn(properties));
      return readGeometry(geometry, `${path}.geometry`).map((member) => ({
        geometry: member,
        where,
        properties: propertiesOf(properties),
      }));
    });
    if (empty.length > 0)
      notes.push({ en: `skipped features without geometry: ${empty.join(', ')}`, zh: `跳过了没有几何的要素：${empty.join(', ')}` });
  }
  const crsName = (root['crs'] as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof crsName === 'string') await loadProjections();
  const crs = typeof crsName === 'string' ? crsFromName(crsName) : WGS84_DEGREES;
  return { parts: toDegrees(parts, crs), notes: [...notes, ...crs.notes], ...(typeof crsName === 'string' ? { crs: crs.name } : {}) };
}
