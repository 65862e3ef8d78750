import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { flatGeobufFeatures } from '../data/flatgeobuf.ts';
import { crsFromEpsg, loadProjections, toDegrees, WGS84_DEGREES } from './crs.ts';
import { checkFlatGeobufLayout } from './flatgeobuf-layout.ts';
import { readGeometry } from './geojson-geometry.ts';
import { featureAt, type FileParts, nameIn, noFeatures, propertiesOf, type SitePart } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

/** Every feature of a FlatGeobuf file (read by the one FlatGeobuf reader, src/data/flatgeobuf.ts), in the EPSG system its header names (WGS 84 when it names none). */
export async function readFlatGeobuf(bytes: Uint8Array): Promise<FileParts> {
  checkFlatGeobufLayout(bytes);
  let header: HeaderMeta | undefined;
  const parts: SitePart[] = [];
  try {
    let index = 0;
    for await (const feature of flatGeobufFeatures(bytes, (meta) => {
      header = meta;
    })) {
      index++;
      if (feature.geometry) {
        const where = featureAt(index, nameIn(feature.properties));
        parts.push(
          ...readGeometry(feature.geometry, `feature ${index}`).map((geometry) => ({
            geometry,
            where,
            properties: propertiesOf(feature.properties),
          })),
        );
      }
    }
  } catch (error) {
    if (error instanceof SiteInputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SiteInputError({ en: `the FlatGeobuf file cannot be read: ${reason}`, zh: `无法读取FlatGeobuf文件：${reason}` });
  }
  if (parts.length === 0 && !header?.featuresCount) throw new SiteInputError(noFeatures('FlatGeobuf'));
  const code = header?.crs?.code;
  const epsg = code && (header?.crs?.org ?? 'EPSG').toUpperCase() === 'EPSG' ? code : undefined;
  if (epsg !== undefined) await loadProjections();
  const crs = epsg === undefined ? WGS84_DEGREES : crsFromEpsg(epsg);
  return { parts: toDegrees(parts, crs), notes: crs.notes, ...(epsg === undefined ? {} : { crs: crs.name }) };
}
