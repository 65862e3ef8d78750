import type { Bilingual } from '../schema/bilingual.ts';
import { readAngles } from './angle.ts';
import { combineParts } from './combine-parts.ts';
import { crsFromName, loadProjections, toDegrees, WGS84_DEGREES } from './crs.ts';
import { finishSite } from './finish-site.ts';
import { positionsOf } from './geometry-walk.ts';
import { readGeometry } from './geojson-geometry.ts';
import { assertPlausible, positionError, positionProblem } from './position-check.ts';
import { at, type SiteInput, type SitePart } from './site-input.ts';
import { placed, SiteInputError } from './site-input-error.ts';
import { readWkt } from './wkt-geometry.ts';

/**
 * One record's raw fields, as a CSV row or a feature of a file gives them: longitude and latitude cells as written
 * (decimal degrees, 109°30'15", "E109.5"), a WKT or EWKT cell, or a GeoJSON geometry object (with the coordinate
 * system its file names, when it names one).
 */
export type SiteRecord =
  | { kind: 'lonLat'; longitude: string; latitude: string }
  | { kind: 'wkt'; text: string }
  | { kind: 'geometry'; geometry: unknown; crs?: string };

/** A checked and repaired site, or why the record cannot be one, its place named first ("row 12: …"). */
export type SiteRecordResult = { site: SiteInput; error?: undefined } | { site?: undefined; error: Bilingual };

/** Reads one record; never throws for bad input, so a streaming reader can report the row and go on or stop. */
export type SiteRecordReader = (record: SiteRecord, where: Bilingual) => SiteRecordResult;

function angleOf(cell: string, axis: 'longitude' | 'latitude', where: Bilingual): number {
  const axisName = axis === 'longitude' ? { en: 'longitude', zh: '经度' } : { en: 'latitude', zh: '纬度' };
  const text = cell.trim();
  const angles = text ? readAngles(text, where) : [];
  const [angle] = angles;
  if (!angle || angles.length > 1) {
    throw new SiteInputError(
      at(where, {
        en: `expected one ${axisName.en} in degrees, got "${text}"`,
        zh: `应为一个以度为单位的${axisName.zh}，实为“${text}”`,
      }),
    );
  }
  if (angle.axis && angle.axis !== axis) {
    throw new SiteInputError(
      at(where, { en: `"${text}" is marked as a ${angle.axis}, not a ${axisName.en}`, zh: `“${text}”标注的不是${axisName.zh}` }),
    );
  }
  return angle.degrees;
}

/**
 * A record's geometries in longitude, latitude, with every position checked, not yet combined or repaired (none for
 * an EMPTY WKT or a null geometry): the whole-file CSV reader joins a file's rows into one site from these. Throws
 * SiteInputError naming the place.
 */
export function recordParts(record: SiteRecord, where: Bilingual): SitePart[] {
  let parts: SitePart[];
  if (record.kind === 'lonLat') {
    const longitude = angleOf(record.longitude, 'longitude', where);
    const latitude = angleOf(record.latitude, 'latitude', where);
    const problem = positionProblem(longitude, latitude);
    if (problem) throw positionError(problem, longitude, latitude, where);
    return [{ geometry: { type: 'Point', coordinates: [longitude, latitude] }, where }];
  }
  if (record.kind === 'wkt') {
    parts = readWkt(record.text, where).map((geometry) => ({ geometry, where }));
  } else if (record.geometry === null) {
    parts = [];
  } else {
    const crs = record.crs === undefined ? WGS84_DEGREES : placed(() => crsFromName(record.crs ?? ''), where);
    parts = toDegrees(
      placed(() => readGeometry(record.geometry, 'geometry'), where).map((geometry) => ({ geometry, where })),
      crs,
    );
  }
  const nonEmpty = parts.filter((part) => positionsOf(part.geometry).length > 0);
  assertPlausible(nonEmpty);
  return nonEmpty;
}

/** The per-record reader, once loadProjections() has finished. */
export function createSiteRecordReader(): SiteRecordReader {
  return (record, where) => {
    try {
      const notes: Bilingual[] = [];
      const parts = recordParts(record, where);
      if (parts.length === 0) return { error: at(where, { en: 'the geometry is empty', zh: '几何为空' }) };
      return { site: placed(() => finishSite(combineParts(parts, notes), notes), where) };
    } catch (error) {
      if (!(error instanceof SiteInputError)) throw error;
      return { error: error.text };
    }
  };
}

/**
 * The per-record entry of the one site reader, for the CLI's streaming reader and any batch: call it once (it loads
 * the WKT reader and proj4), then call the returned function for each CSV row or feature. Every record is checked
 * (swapped axes, projected metres, out of range) and repaired like an uploaded file, with the same messages.
 */
export async function loadSiteRecordReader(): Promise<SiteRecordReader> {
  await loadProjections();
  return createSiteRecordReader();
}
