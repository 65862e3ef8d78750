/**
 * The one reader of sites. Every site the atlas, window.atlas and the CLI take in (an uploaded or named file, pasted
 * coordinates, a CSV row or a feature streamed by the CLI) goes through these entries, is checked (swapped axes,
 * projected metres, out of range, the limits in limits.ts) and repaired once, and fails with one bilingual message.
 * The format readers and their libraries (proj4, shpjs, togeojson, papaparse, fflate, betterknown) load only when a
 * file of their kind is read, so importing this module costs next to nothing.
 */
import type { CoordinateTextOptions } from './coordinate-text.ts';
import type { SiteRecordReader } from './record.ts';
import type { FileParts, SiteInput } from './site-input.ts';
import type { ReadOptions } from './site-file.ts';
import type { Bilingual } from '../schema/bilingual.ts';

export type { Bilingual } from '../schema/bilingual.ts';
export type { CoordinateTextOptions, Datum } from './coordinate-text.ts';
export { fileTooLarge, SITE_LIMITS } from './limits.ts';
export type { SiteRecord, SiteRecordReader, SiteRecordResult } from './record.ts';
export { featureAt, rowAt, type FileParts, type SiteGeometry, type SiteInput, type SitePart } from './site-input.ts';
export type { ReadOptions } from './site-file.ts';
export { SiteInputError } from './site-input-error.ts';

/**
 * A site from a whole file (an upload, a dropped file, a file the CLI reads whole): GeoJSON, KML or KMZ, a zipped
 * shapefile, a bare .shp, CSV (longitude and latitude columns, or a WKT column) or FlatGeobuf, told apart by content
 * first and extension second. Several features become one Multi- geometry. Throws SiteInputError.
 */
export async function readSiteFile(name: string, bytes: Uint8Array): Promise<SiteInput> {
  return (await import('./site-file.ts')).readSiteFile(name, bytes);
}

/**
 * A site from pasted text: degree pairs (decimal or degrees-minutes-seconds, any order marked by E/N or 东经/北纬),
 * or a CGCS2000 Gauss-Krüger boundary-point table. Throws SiteInputError.
 */
export async function readSiteText(text: string, options: CoordinateTextOptions): Promise<SiteInput> {
  return (await import('./coordinate-text.ts')).readSiteText(text, options);
}

/**
 * The per-record entry, for streaming readers: `const read = await loadSiteRecordReader()` once, then
 * `read(record, rowAt(12, ['lon', 'lat']))` for each CSV row or `read(record, featureAt(3))` for each feature.
 * It returns `{ site }` (a checked, repaired WGS-84 site with its warnings) or `{ error }` (a bilingual message
 * starting with the place given); it never throws for bad input. A record is one site, never joined to the next.
 */
export async function loadSiteRecordReader(): Promise<SiteRecordReader> {
  return (await import('./record.ts')).loadSiteRecordReader();
}

/**
 * The features of a file that holds many (a zone layer: zipped shapefile, GeoJSON, FlatGeobuf, KML), each part with
 * its feature's attributes, by the same format readers as a site. Parts are not checked or joined: a file that
 * declares no coordinate system keeps its coordinates as they are (FileParts.crs is then absent), for the caller to
 * guess and confirm. Throws SiteInputError.
 */
export async function readFeatureFile(name: string, bytes: Uint8Array, options: ReadOptions): Promise<FileParts> {
  const notes: Bilingual[] = [];
  const read = await (await import('./site-file.ts')).readByFormat(name, bytes, notes, options);
  return { ...read, notes: [...notes, ...read.notes] };
}
