import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { crsFromEpsg, toDegrees, WGS84_DEGREES } from './crs.ts';
import { checkFlatGeobufLayout } from './flatgeobuf-layout.ts';
import { readGeometry } from './geojson-geometry.ts';
import type { FileParts, SitePart } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

/** "fgb", version 3, "fgb", then a patch version: the FlatGeobuf file signature. */
export const isFlatGeobuf = (bytes: Uint8Array) =>
  [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62].every((byte, index) => bytes[index] === byte);

/** Every feature of a FlatGeobuf file, in the EPSG system its header names (WGS 84 when it names none). */
export async function readFlatGeobuf(bytes: Uint8Array): Promise<FileParts> {
  checkFlatGeobufLayout(bytes);
  let header: HeaderMeta | undefined;
  const parts: SitePart[] = [];
  try {
    let index = 0;
    for await (const feature of deserialize(bytes, { headerMetaFn: (meta) => { header = meta; } })) {
      index++;
      if (feature.geometry) {
        const where = { en: `feature ${index}`, zh: `第${index}个要素` };
        parts.push(...readGeometry(feature.geometry, `feature ${index}`).map((geometry) => ({ geometry, where })));
      }
    }
  } catch (error) {
    if (error instanceof SiteInputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SiteInputError({ en: `the FlatGeobuf file cannot be read: ${reason}`, zh: `无法读取FlatGeobuf文件：${reason}` });
  }
  const code = header?.crs?.code;
  const crs = code && (header?.crs?.org ?? 'EPSG').toUpperCase() === 'EPSG' ? crsFromEpsg(code) : WGS84_DEGREES;
  return { parts: toDegrees(parts, crs), notes: crs.notes };
}
