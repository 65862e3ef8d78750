import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';

/** The geometry kinds a site may have: one shape, or several of the same dimension. */
export type SiteGeometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;

/** A site read from a file, pasted text or one record: a WGS-84 longitude, latitude geometry, checked and repaired. */
export interface SiteInput {
  geometry: SiteGeometry;
  /** What the reviewer should check (repairs made, datums converted, parts left out), in both languages. */
  warnings: Bilingual[];
}

/** One geometry from a file, with where it came from ("feature 3", "row 12") for error messages. */
export interface SitePart {
  geometry: SiteGeometry;
  where: Bilingual;
  /** The attributes of the feature it came from (a zone layer maps them to names, kinds and codes). */
  properties?: Record<string, unknown>;
}

/** What a file format reader returns: its geometries, still unchecked, and notes for the reviewer. */
export interface FileParts {
  parts: SitePart[];
  notes: Bilingual[];
  /** The coordinate system the file declared and the parts were converted from; absent when it declared none. */
  crs?: string;
}

/** "line 3" / "第3行": the place name of pasted text. */
export const lineAt = (line: number): Bilingual => ({ en: `line ${line}`, zh: `第${line}行` });

/**
 * "row 3" / "第3行": the place name of a CSV record, counted as a spreadsheet does (the header is row 1), with the
 * columns read from it when given.
 */
export const rowAt = (row: number, columns: string[] = []): Bilingual =>
  columns.length === 0
    ? { en: `row ${row}`, zh: `第${row}行` }
    : { en: `row ${row} (${columns.join(', ')})`, zh: `第${row}行（${columns.join('、')}）` };

/** "feature 3 (Site A)" / "第3个要素（Site A）": the place name of a feature, 1-based, with its name if it has one. */
export const featureAt = (feature: number, name?: string): Bilingual =>
  name
    ? { en: `feature ${feature} (${name})`, zh: `第${feature}个要素（${name}）` }
    : { en: `feature ${feature}`, zh: `第${feature}个要素` };

/** The name a feature's properties give it, if any: the usual name fields of GIS files, Chinese ones included. */
export function nameIn(properties: unknown): string | undefined {
  const record = (typeof properties === 'object' && properties !== null ? properties : {}) as Record<string, unknown>;
  const name = ['name', 'Name', 'NAME', '名称', 'MC', 'title']
    .map((field) => record[field])
    .find((value) => typeof value === 'string' && value.trim());
  return typeof name === 'string' ? name.trim() : undefined;
}

/** Properties as a plain record (a feature may have none, or null). */
export const propertiesOf = (properties: unknown): Record<string, unknown> =>
  typeof properties === 'object' && properties !== null ? { ...(properties as Record<string, unknown>) } : {};

/** A GeoJSON or FlatGeobuf file with no features, in the words of both its readers (whole file and streamed). */
export const noFeatures = (format: 'GeoJSON' | 'FlatGeobuf'): Bilingual => ({
  en: `the ${format} file has no features`,
  zh: `${format}文件没有要素`,
});

/** Joins a place and a problem: "row 3: …" / "第3行：…". */
export const at = (where: Bilingual, problem: Bilingual): Bilingual => ({
  en: `${where.en}: ${problem.en}`,
  zh: `${where.zh}：${problem.zh}`,
});
