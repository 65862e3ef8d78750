import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';
import type { Message } from './site-input-error.ts';

/** The geometry kinds a site may have: one shape, or several of the same dimension. */
export type SiteGeometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;

/**
 * A site read from a file or pasted text: a WGS-84 longitude, latitude geometry, and what the reviewer should check.
 * `warnings` are English and `warningsZh` the same warnings, in the same order, in Chinese.
 */
export interface SiteInput {
  geometry: SiteGeometry;
  warnings: string[];
  warningsZh: string[];
}

/** One geometry from a file, with where it came from ("feature 3", "line 12") for error messages. */
export interface SitePart {
  geometry: SiteGeometry;
  where: Message;
}

/** What a file format reader returns: its geometries, still unchecked, and notes for the reviewer. */
export interface FileParts {
  parts: SitePart[];
  notes: Message[];
}

export function toSiteInput(geometry: SiteGeometry, notes: Message[]): SiteInput {
  return { geometry, warnings: notes.map((note) => note.en), warningsZh: notes.map((note) => note.zh) };
}

/** "line 3" / "第3行": the most common place name in messages. */
export const lineAt = (line: number): Message => ({ en: `line ${line}`, zh: `第${line}行` });

/** Joins a place and a problem: "line 3: …" / "第3行：…". */
export const at = (where: Message, problem: Message): Message => ({
  en: `${where.en}: ${problem.en}`,
  zh: `${where.zh}：${problem.zh}`,
});
