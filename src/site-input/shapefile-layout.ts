import { SITE_LIMITS } from './limits.ts';
import { SiteInputError } from './site-input-error.ts';

/** Shape types whose records start with a box and then part and point counts (ESRI Shapefile Technical Description). */
const WITH_PARTS = [3, 5, 13, 15, 23, 25, 31];
const MULTIPOINT = [8, 18, 28];

/** The bounds a shapefile's records are checked against: a site's (SITE_LIMITS) or a zone layer's, far larger. */
export interface ShapefileLimits {
  parts: number;
  vertices: number;
}

export const damagedShapefile = (reason: string) =>
  new SiteInputError({
    en: `the .shp file is damaged or not a shapefile (${reason}); export it again from the GIS`,
    zh: `.shp文件已损坏或不是shapefile（${reason}）；请从GIS软件重新导出`,
  });

const tooMany = (what: { en: string; zh: string }, count: number, limit: number) =>
  new SiteInputError({
    en: `the shapefile holds ${count.toLocaleString('en')} ${what.en}, over the limit of ${limit.toLocaleString('en')} for a site; simplify it or keep only the site's features`,
    zh: `该shapefile有${count}个${what.zh}，超过场址${limit}个的上限；请简化，或只保留场址的要素`,
  });

/**
 * Walks the record headers of a .shp before shpjs reads it, so that its work is bounded: the file is as long as its
 * header says (shpjs reads a cut-short file as fewer records, silently), every record lies inside it, and the parts
 * and points the records declare stay within SITE_LIMITS (shpjs sorts a polygon's rings into outers and holes by
 * comparing every pair, so a record of many rings would freeze the tab).
 */
export function checkShapefileLayout(shp: Uint8Array, limits: ShapefileLimits = SITE_LIMITS): void {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  const declared = shp.length >= 100 ? view.getInt32(24) * 2 : 0;
  if (declared !== shp.length) throw damagedShapefile(`its header says ${declared} bytes but it has ${shp.length}`);
  let [parts, points] = [0, 0];
  for (let offset = 100; offset < shp.length; ) {
    const length = offset + 8 <= shp.length ? view.getInt32(offset + 4) * 2 : -1;
    const end = offset + 8 + length;
    if (length < 4 || end > shp.length) throw damagedShapefile(`the record at byte ${offset} runs past the end of the file`);
    const type = view.getInt32(offset + 8, true);
    if (WITH_PARTS.includes(type) && length >= 44) {
      parts += view.getInt32(offset + 8 + 36, true);
      points += view.getInt32(offset + 8 + 40, true);
    } else if (MULTIPOINT.includes(type) && length >= 40) {
      parts += 1;
      points += view.getInt32(offset + 8 + 36, true);
    } else if (type !== 0) {
      parts += 1;
      points += 1;
    }
    offset = end;
  }
  if (parts > limits.parts) throw tooMany({ en: 'parts', zh: '部分' }, parts, limits.parts);
  if (points > limits.vertices) throw tooMany({ en: 'vertices', zh: '顶点' }, points, limits.vertices);
}

/** Whether a .dbf holds the records its header declares: parsedbf trusts the count and would loop over a false one. */
export function dbfIsWhole(dbf: Uint8Array): boolean {
  if (dbf.length < 32) return false;
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const [records, headerLength, recordLength] = [view.getUint32(4, true), view.getUint16(8, true), view.getUint16(10, true)];
  return headerLength + records * recordLength <= dbf.length;
}
