/**
 * The screening of one batch of a file's sites into report text, as any thread of the screen command does it: the
 * command's own thread when it screens alone, each worker thread (screen-worker.ts) when several do. Every thread
 * writes the same bytes for the same sites, so the report does not depend on how many threads made it.
 */
import type { Point } from 'geojson';
import type { DocumentTitles } from '../report/document-title.ts';
import type { ReportLang } from '../report/columns.ts';
import { csvCell, csvCellIsPlain } from '../report/csv.ts';
import { csvRows, type ReportFormat, reportWriter } from '../report/writers.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { ScreeningInputError } from '../screening/input-error.ts';
import type { Report } from '../screening/report.ts';
import type { Screener } from '../screening/screener.ts';
import { idStart, idText, type PackedIds } from '../site-input/packed-ids.ts';
import type { SiteInput } from '../site-input/site-input.ts';
import { ByteWriter } from './byte-writer.ts';
import { type Numbered, noteFresh, type PackedShapes, ShapeNumbers } from './packed-shapes.ts';
import { type KeptTemplate, SharedRows } from './shared-rows.ts';

/**
 * A batch as a thread screens it: ids, lon/lat pairs (NaN for a site with a geometry), and the sites with
 * geometries in order. Numbers and ids in arrays, not an object per site: a worker receives them without copying
 * (the arrays are transferred), and no thread keeps thousands of small objects alive through a batch (they would
 * outlive the young generation and pile up in the old one). `first`: no site of the file came before it.
 */
export interface PackedBatch {
  ids: PackedIds;
  lonLat: Float64Array;
  others: SiteInput[];
  first: boolean;
}

/** What every batch of a run is screened for. */
export interface BatchSettings {
  format: ReportFormat;
  lang: ReportLang;
  projectType: ProjectType;
  titles: DocumentTitles;
}

/**
 * Why a batch stopped partway: the engine refused the site at `index` of the batch (the caller, which knows where
 * its record was, names it), or, without an index, the batch as a whole.
 */
export interface BatchStop {
  index?: number;
  message: string;
}

/** A site the engine refused, by its index in the batch. */
class RefusedSite extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

/** The stop an error of the engine's checks makes; undefined for any other error (a fault, which goes up as it is). */
export function batchStop(error: unknown): BatchStop | undefined {
  if (error instanceof RefusedSite) return { index: error.index, message: error.message };
  if (error instanceof ScreeningInputError) return { message: error.message };
  return undefined;
}

/** The geometry of a site, a point row's made when it is screened alone. */
const geometryOf = (lonLat: Float64Array, index: number, site: SiteInput | undefined): unknown =>
  site?.geometry ?? { type: 'Point', coordinates: [lonLat[2 * index], lonLat[2 * index + 1]] };

/** A site's full report; a site the engine refuses stops the batch there. */
function screenOne(screener: Screener, projectType: ProjectType, geometry: unknown, index: number): Report {
  try {
    return screener.screen(geometry, projectType);
  } catch (error) {
    if (error instanceof ScreeningInputError) throw new RefusedSite(index, error.message);
    throw error;
  }
}

/** A site's id cell and its comma: the id's bytes as they are when csvCell would leave them so, else its cell. */
function writeIdCell(out: ByteWriter, ids: PackedIds, index: number): void {
  const from = idStart(ids, index);
  const to = ids.ends[index] as number;
  if (csvCellIsPlain(ids.bytes, from, to)) out.copyRange(ids.bytes, from, to);
  else out.text(csvCell(idText(ids, index)));
  out.byte(44);
}

/** A batch's report as UTF-8, and where it stopped if it did. */
export interface BatchBytes {
  bytes: Uint8Array;
  stop?: BatchStop;
}

/**
 * The points of a batch for the batch path: its point rows and Point sites, in order, as lon/lat pairs (`lonLat`, the
 * batch's own array when it has no other sites), `pointAt` each site's index among them (-1: not a point), and
 * `siteOf` the site with a geometry of each index. Both are undefined for a batch of point rows only (most batches:
 * each site is its own point), which then holds no array per site while it waits in flight.
 */
export interface BatchPoints {
  lonLat: Float64Array;
  pointAt: Int32Array | undefined;
  siteOf: (SiteInput | undefined)[] | undefined;
}

/** The points of a batch (BatchPoints). */
export function batchPoints({ ids, lonLat, others }: PackedBatch): BatchPoints {
  if (others.length === 0) return { lonLat, pointAt: undefined, siteOf: undefined };
  const count = ids.ends.length;
  const siteOf: (SiteInput | undefined)[] = [];
  const pointAt = new Int32Array(count).fill(-1);
  let points = 0;
  let other = 0;
  for (let index = 0; index < count; index++) {
    const site = Number.isNaN(lonLat[2 * index]) ? others[other++] : undefined;
    siteOf.push(site);
    if (!site || site.geometry.type === 'Point') pointAt[index] = points++;
  }
  const pointLonLat = new Float64Array(2 * points);
  for (let index = 0; index < count; index++) {
    const n = pointAt[index] as number;
    if (n < 0) continue;
    const site = siteOf[index];
    const point = site ? (site.geometry as Point).coordinates : [lonLat[2 * index] as number, lonLat[2 * index + 1] as number];
    pointLonLat[2 * n] = point[0] as number;
    pointLonLat[2 * n + 1] = point[1] as number;
  }
  return { lonLat: pointLonLat, pointAt, siteOf };
}

/**
 * A CSV batch whose points' shapes a worker thread found (packed-shapes.ts): its points, their shapes in that order,
 * and the templates of that worker's shape numbers.
 */
export interface ShapedPoints {
  points: BatchPoints;
  shapes: PackedShapes;
  numbered: Numbered<KeptTemplate>;
}

/**
 * One thread's screening of batches. Every row is the site's full report (a CSV row holds certainty, conclusion and
 * reasons); a CSV report's points share rows (shared-rows.ts). JSON Lines and GeoJSON carry each point's centroid,
 * nearest zones and distances, so every site there gets its own.
 */
export class BatchScreener {
  private readonly rows: SharedRows | undefined;
  /** The shape numbers of a worker thread's points (shapes). */
  private readonly numbers = new ShapeNumbers();

  /** `templates`: gives the CSV row templates an earlier run made (row-cache.ts), for a CSV report (SharedRows). */
  constructor(
    private readonly screener: Screener,
    private readonly settings: BatchSettings,
    templates?: () => readonly KeptTemplate[] | undefined,
  ) {
    this.rows = settings.format === 'csv' ? new SharedRows(csvRows(settings.lang), screener, settings.projectType, templates) : undefined;
  }

  /** The CSV row templates this thread made (none for a JSON report). */
  madeTemplates(): readonly KeptTemplate[] {
    return this.rows?.madeTemplates() ?? [];
  }

  /** The shapes of points (lon/lat pairs), for a CSV report whose rows another thread writes. */
  shapes(lonLat: Float64Array): PackedShapes {
    return this.numbers.pack(this.screener, lonLat, this.settings.projectType);
  }

  /**
   * The report of a batch as UTF-8, written into `spare` when given (grown when it runs short). Stops at a site the
   * engine refuses, with the rows before it. `shaped`: for a CSV report, its points' shapes as another thread found them.
   */
  screen(batch: PackedBatch, spare?: ArrayBuffer, shaped?: ShapedPoints): BatchBytes {
    const out = new ByteWriter(spare);
    try {
      if (this.rows) this.csvRows(this.rows, batch, out, shaped);
      else this.records(batch, out);
    } catch (error) {
      const stop = batchStop(error);
      if (!stop) throw error;
      return { bytes: out.written(), stop };
    }
    return { bytes: out.written() };
  }

  /** JSON Lines or GeoJSON records, each site's own. */
  private records(batch: PackedBatch, out: ByteWriter): void {
    const { screener, settings } = this;
    const { ids, lonLat, others } = batch;
    const writer = reportWriter(settings.format, settings.lang, settings.titles, !batch.first);
    let other = 0;
    for (let index = 0; index < ids.ends.length; index++) {
      const geometry = geometryOf(lonLat, index, Number.isNaN(lonLat[2 * index]) ? others[other++] : undefined);
      out.text(writer.record({ id: idText(ids, index), geometry, report: screenOne(screener, settings.projectType, geometry, index) }));
    }
  }

  /**
   * The CSV rows of a batch: its points (rows and Point sites) through the batch path and their shared rows, other
   * sites one by one.
   */
  private csvRows(rows: SharedRows, batch: PackedBatch, out: ByteWriter, shaped: ShapedPoints | undefined): void {
    const { screener } = this;
    const { projectType } = this.settings;
    const { ids } = batch;
    const count = ids.ends.length;
    const { lonLat, pointAt, siteOf } = shaped?.points ?? batchPoints(batch);
    if (shaped) noteFresh(shaped.numbered, shaped.shapes);
    const outside = shaped ? undefined : screener.pointsOutsideRegion(lonLat, true);
    // A site the engine refuses stops the batch after the rows before it, with none of its own row.
    let rowStart = out.length;
    try {
      for (let index = 0; index < count; index++) {
        rowStart = out.length;
        writeIdCell(out, ids, index);
        const n = pointAt ? (pointAt[index] as number) : index;
        const x = lonLat[2 * n] as number;
        const y = lonLat[2 * n + 1] as number;
        if (n < 0) out.text(rows.rows.afterId(screenOne(screener, projectType, geometryOf(batch.lonLat, index, siteOf?.[index]), index)));
        else if (shaped) {
          if (shaped.shapes.shapeIds[n] === -1) rows.writeOutside(out, x, y);
          else rows.writePacked(out, shaped.shapes, shaped.numbered, n, x, y);
        } else if (outside?.[n] === 1) rows.writeOutside(out, x, y);
        else rows.writeShaped(out, x, y, outside?.[n]);
      }
    } catch (error) {
      out.length = rowStart;
      throw error;
    }
  }
}
