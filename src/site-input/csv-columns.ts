import type { Bilingual } from '../schema/bilingual.ts';
import type { SiteRecord } from './record.ts';
import { SiteInputError } from './site-input-error.ts';

/** Header names, compared without case, spaces and bracketed units ("经度(°)", "Longitude [deg]"). */
export const CSV_COLUMNS = {
  longitude: ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经'],
  latitude: ['lat', 'latitude', 'y', '纬度', '北纬'],
  wkt: ['wkt', 'geometry', 'geom', 'the_geom', 'wkt_geom', 'shape', '几何', '图形'],
  id: ['id', 'name', '编号', '名称'],
};
const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/\s/g, '');

/** The index of the first header among `names`, or -1. */
export const csvColumn = (headers: string[], names: string[]) => headers.findIndex((header) => names.includes(normalise(header)));

/** How a CSV's rows become records: a WKT column, or longitude and latitude columns, found by header name. */
export interface CsvLayout {
  /** The columns read, named as the header names them, for "row 3 (lon, lat)". */
  columns: string[];
  /** The id column, or -1. */
  id: number;
  /** The longitude and latitude columns, where the rows are points. */
  lonLat?: [number, number];
  record(fields: string[]): SiteRecord;
}

/** The layout of a CSV by its header (on row `row`, counting from 1); throws when it has no coordinate columns. */
export function csvLayout(headers: string[], row = 1): CsvLayout {
  const id = csvColumn(headers, CSV_COLUMNS.id);
  const wkt = csvColumn(headers, CSV_COLUMNS.wkt);
  if (wkt >= 0) return { columns: [headers[wkt] ?? ''], id, record: (fields) => ({ kind: 'wkt', text: fields[wkt] ?? '' }) };
  const longitude = csvColumn(headers, CSV_COLUMNS.longitude);
  const latitude = csvColumn(headers, CSV_COLUMNS.latitude);
  if (longitude < 0 || latitude < 0) {
    throw new SiteInputError({
      en: `row ${row}: no longitude/latitude or WKT column among "${headers.join('", "')}"; name them lon/lng/longitude/x/经度 and lat/latitude/y/纬度, or WKT`,
      zh: `第${row}行：表头“${headers.join('”、“')}”中没有经纬度列或WKT列；请命名为lon/lng/longitude/x/经度和lat/latitude/y/纬度，或WKT`,
    });
  }
  return {
    columns: [headers[longitude] ?? '', headers[latitude] ?? ''],
    id,
    lonLat: [longitude, latitude],
    record: (fields) => ({ kind: 'lonLat', longitude: fields[longitude] ?? '', latitude: fields[latitude] ?? '' }),
  };
}

/** The CSV messages both CSV readers (whole file and streamed) give. */
export const CSV_MESSAGES = {
  unclosedQuote: (row: number): Bilingual => ({ en: `row ${row}: a quoted field is never closed`, zh: `第${row}行：引号内的字段没有闭合` }),
  noRows: { en: 'the CSV file has no rows', zh: 'CSV文件没有任何行' },
  headerOnly: { en: 'the CSV file has a header but no data rows', zh: 'CSV文件只有表头，没有数据行' },
} as const;
