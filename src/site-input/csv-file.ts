import Papa from 'papaparse';
import type { Position } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import { loadProjections } from './crs.ts';
import { recordParts, type SiteRecord } from './record.ts';
import { at, type FileParts, rowAt, type SitePart } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';
import { shapeOfVertices } from './vertices.ts';

/** Header names, compared without case, spaces and bracketed units ("经度(°)", "Longitude [deg]"). */
export const CSV_COLUMNS = {
  longitude: ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经'],
  latitude: ['lat', 'latitude', 'y', '纬度', '北纬'],
  wkt: ['wkt', 'geometry', 'geom', 'the_geom', 'wkt_geom', 'shape', '几何', '图形'],
};
const normalise = (header: string) => header.toLowerCase().replace(/[(（[【].*?[)）\]】]/g, '').replace(/\s/g, '');

/** The index of the first header among `names`, or undefined. */
export function csvColumn(headers: string[], names: string[]): number | undefined {
  const index = headers.findIndex((header) => names.includes(normalise(header)));
  return index < 0 ? undefined : index;
}

/**
 * Each row's geometries through the per-record reader's checks; the first bad row ends the read with its message,
 * rows with an empty geometry are skipped with a note.
 */
function rowParts(rows: string[][], record: (fields: string[]) => SiteRecord, columns: string[], notes: Bilingual[]): SitePart[] {
  const empty: number[] = [];
  const parts = rows.flatMap((fields, index) => {
    const found = recordParts(record(fields), rowAt(index + 2, columns));
    if (found.length === 0) empty.push(index + 2);
    return found;
  });
  if (empty.length > 0) notes.push({ en: `skipped empty geometries on rows ${empty.join(', ')}`, zh: `跳过了空几何：第${empty.join('、')}行` });
  return parts;
}

/**
 * A CSV (comma, tab or semicolon; quoted fields may hold delimiters and line breaks), split by papaparse, with
 * longitude and latitude columns or a WKT column found by header name. Every row goes through the per-record reader,
 * as in the CLI; here the rows make one site: longitude, latitude rows are its vertices in order, WKT rows its parts.
 */
export async function readCsv(text: string): Promise<FileParts> {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken) {
    throw new SiteInputError(at(rowAt((broken.row ?? 0) + 1), {
      en: 'a quoted field is not closed; check the quotation marks', zh: '引号内的字段未闭合，请检查引号',
    }));
  }
  if (!header) throw new SiteInputError({ en: 'the CSV file has no rows', zh: 'CSV文件没有任何行' });
  const headers = header.map((name) => name.trim());
  if (rows.length === 0) throw new SiteInputError({ en: 'the CSV file has a header but no data rows', zh: 'CSV文件只有表头，没有数据行' });
  const notes: Bilingual[] = [];
  const wkt = csvColumn(headers, CSV_COLUMNS.wkt);
  if (wkt !== undefined) {
    // proj4 is needed only for an EWKT SRID (one other than 4326 and 4490 is undone by it).
    if (rows.some((fields) => /^\s*SRID\s*=/i.test(fields[wkt] ?? ''))) await loadProjections();
    return { parts: rowParts(rows, (fields) => ({ kind: 'wkt', text: fields[wkt] ?? '' }), [headers[wkt] ?? ''], notes), notes };
  }
  const longitude = csvColumn(headers, CSV_COLUMNS.longitude);
  const latitude = csvColumn(headers, CSV_COLUMNS.latitude);
  if (longitude === undefined || latitude === undefined) {
    throw new SiteInputError({
      en: `row 1: no longitude/latitude or WKT column among "${headers.join('", "')}"; name them lon/lng/longitude/x/经度 and lat/latitude/y/纬度, or WKT`,
      zh: `第1行：表头“${headers.join('”、“')}”中没有经纬度列或WKT列；请命名为lon/lng/longitude/x/经度和lat/latitude/y/纬度，或WKT`,
    });
  }
  const columns = [headers[longitude] ?? '', headers[latitude] ?? ''];
  const parts = rowParts(rows, (fields) => ({ kind: 'lonLat', longitude: fields[longitude] ?? '', latitude: fields[latitude] ?? '' }), columns, notes);
  const positions = parts.map((part) => part.geometry.coordinates as Position);
  const geometry = shapeOfVertices(positions, false, notes);
  if (positions.length > 1) {
    notes.push({ en: `the ${positions.length} rows were read as the vertices of one ${geometry.type}`, zh: `${positions.length}行已按一个${geometry.type}的顶点读取` });
  }
  return { parts: [{ geometry, where: { en: 'the rows', zh: '各行' } }], notes };
}
