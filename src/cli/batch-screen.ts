/**
 * The screening of one batch of a file's sites into report text, as any thread of the screen command does it: the
 * command's own thread when it screens alone, each worker thread (screen-worker.ts) when several do. Every thread
 * writes the same bytes for the same sites, so the report does not depend on how many threads made it.
 */
import type { Point } from 'geojson';
import type { DocumentTitles } from '../report/document-title.ts';
import type { ReportLang } from '../report/columns.ts';
import { type CsvRows, csvRows, type ReportFormat, reportWriter } from '../report/writers.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { ScreeningInputError } from '../screening/input-error.ts';
import type { Report } from '../screening/report.ts';
import { edgeMarks, type PointShape, type Screener } from '../screening/screener.ts';
import type { SiteInput } from '../site-input/site-input.ts';

/**
 * A batch as a thread screens it: ids, lon/lat pairs (NaN for a site with a geometry), and the sites with
 * geometries in order. Numbers in one array, not an object per site: a worker receives it without copying the
 * points (the array is transferred), and no thread keeps thousands of small objects alive through a batch (they
 * would outlive the young generation and pile up in the old one). `first`: no site of the file came before it.
 */
export interface PackedBatch {
  ids: string[];
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

/** Templates kept before the cache starts again: more than the shapes of a million points, bounded in memory. */
const maxSharedRows = 20_000;

/** A CSV row after its id, as texts with the distance to a zone's edge between each two (texts.length = zones.length + 1). */
interface RowTemplate {
  texts: string[];
  zones: number[];
}

/** Templates one thread made, by key, for the others: a template costs a full report (some 0.3 ms), the same in any thread. */
export type MadeRows = [key: string, template: RowTemplate][];

/** The template's row for a point of its shape, with the point's figures. */
function filled(template: RowTemplate, shape: PointShape): string {
  let text = template.texts[0]!;
  for (let n = 0; n < template.zones.length; n++) {
    const at = shape.zones.indexOf(template.zones[n]!);
    // The template is of the same shape: its marks are for zones whose edge is within the accuracy, as listed.
    if (at < 0) throw new Error(`a row template names zone ${template.zones[n]}, which the point's shape does not list`);
    text += String(shape.figures[at]) + template.texts[n + 1]!;
  }
  return text;
}

/**
 * CSV rows of points, shared by the points whose rows differ only in their ids and the distances to zones' edges
 * that their doubts give. A point clear of every accuracy band is keyed by the batch path's verdict, edge stretches
 * and hit zones (cli/clear-points.test.ts checks that premise), and its row shared whole; any other by the engine's
 * point shape, its row made from the shape's template (Screener.pointTemplate) with its own figures
 * (cli/shared-rows.test.ts compares every row with the point's own full report). Each thread keeps its own: the row
 * of a key is the same whichever point made it.
 */
class SharedRows {
  private readonly templates = new Map<string, RowTemplate>();
  /** Templates made here since they were last handed on (only when the run has several threads). */
  private made: MadeRows | undefined;

  constructor(
    readonly rows: CsvRows,
    private readonly screener: Screener,
    private readonly projectType: ProjectType,
    share: boolean,
  ) {
    this.made = share ? [] : undefined;
  }

  /** The templates made here since the last call. */
  handOn(): MadeRows {
    const made = this.made ?? [];
    if (this.made) this.made = [];
    return made;
  }

  /** Keeps templates another thread made. */
  learn(made: MadeRows): void {
    for (const [key, template] of made) if (!this.templates.has(key)) this.keep(key, template);
  }

  /** The row after the id of a point that no accuracy band reaches, by its batch-path key, if one is kept. */
  clear(key: string): string | undefined {
    return this.templates.get(key)?.texts[0];
  }

  /** Keeps the row after the id of such a point, made from its report. */
  keepClear(key: string, report: Report): string {
    const text = this.rows.afterId(report);
    this.remember(key, { texts: [text], zones: [] });
    return text;
  }

  /** The row of a point within some zone's accuracy band. */
  near(id: string, x: number, y: number): string {
    const shape = this.screener.pointShape(x, y, this.projectType);
    let template = this.templates.get(shape.key);
    if (!template) {
      const parts = this.rows.afterId(this.screener.pointTemplate(x, y, this.projectType)).split(edgeMarks);
      template = { texts: parts.filter((_, n) => n % 2 === 0), zones: parts.filter((_, n) => n % 2 === 1).map(Number) };
      this.remember(shape.key, template);
    }
    return this.rows.row(id, filled(template, shape));
  }

  private remember(key: string, template: RowTemplate): void {
    this.keep(key, template);
    this.made?.push([key, template]);
  }

  private keep(key: string, template: RowTemplate): void {
    if (this.templates.size >= maxSharedRows) this.templates.clear();
    this.templates.set(key, template);
  }
}

/**
 * Rows written together: the text of a whole batch lived long enough to be promoted to the old generation, and a
 * run's memory grew with the batches the collector had not yet reclaimed. Pieces this size die young.
 */
const rowsPerPiece = 256;

/**
 * One thread's screening of batches. Every row is the site's full report (a CSV row holds certainty, conclusion and
 * reasons); a CSV report's points share rows (SharedRows). JSON Lines and GeoJSON carry each point's centroid,
 * nearest zones and distances, so every site there gets its own.
 */
export class BatchScreener {
  private readonly rows: SharedRows | undefined;

  /** `share`: hand on the CSV row templates made here, and take those of other threads (handOn, learn). */
  constructor(
    private readonly screener: Screener,
    private readonly settings: BatchSettings,
    share = false,
  ) {
    this.rows = settings.format === 'csv' ? new SharedRows(csvRows(settings.lang), screener, settings.projectType, share) : undefined;
  }

  handOn(): MadeRows {
    return this.rows?.handOn() ?? [];
  }

  learn(made: MadeRows): void {
    this.rows?.learn(made);
  }

  /**
   * The report text of a batch, in pieces. Throws at a site the engine refuses (batchStop tells which), after the
   * pieces before it.
   */
  *pieces(batch: PackedBatch): Generator<string> {
    if (this.rows) {
      yield* this.csvPieces(this.rows, batch);
      return;
    }
    const { screener, settings } = this;
    const { ids, lonLat, others } = batch;
    const writer = reportWriter(settings.format, settings.lang, settings.titles, !batch.first);
    let other = 0;
    let piece = '';
    for (let index = 0; index < ids.length; index++) {
      const geometry = geometryOf(lonLat, index, Number.isNaN(lonLat[2 * index]) ? others[other++] : undefined);
      piece += writer.record({ id: ids[index]!, geometry, report: screenOne(screener, settings.projectType, geometry, index) });
      if ((index + 1) % rowsPerPiece === 0) {
        yield piece;
        piece = '';
      }
    }
    if (piece !== '') yield piece;
  }

  /**
   * The CSV rows of a batch: its points (rows and Point sites) through the batch path and their shared rows, other
   * sites one by one.
   */
  private *csvPieces(rows: SharedRows, { ids, lonLat, others }: PackedBatch): Generator<string> {
    const { screener } = this;
    const { projectType } = this.settings;
    const siteOf: (SiteInput | undefined)[] = [];
    const pointAt = new Int32Array(ids.length).fill(-1);
    let points = 0;
    let other = 0;
    for (let index = 0; index < ids.length; index++) {
      const site = Number.isNaN(lonLat[2 * index]) ? others[other++] : undefined;
      siteOf.push(site);
      if (!site || site.geometry.type === 'Point') pointAt[index] = points++;
    }
    const batchPoints = new Float64Array(2 * points);
    for (let index = 0; index < ids.length; index++) {
      const n = pointAt[index]!;
      if (n < 0) continue;
      const site = siteOf[index];
      const point = site ? (site.geometry as Point).coordinates : [lonLat[2 * index]!, lonLat[2 * index + 1]!];
      batchPoints[2 * n] = point[0]!;
      batchPoints[2 * n + 1] = point[1]!;
    }
    const { verdicts, hitStart, hitZones, clear } = screener.screenPoints(batchPoints, projectType, true);
    let piece = '';
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index]!;
      const n = pointAt[index]!;
      const report = () => screenOne(screener, projectType, geometryOf(lonLat, index, siteOf[index]), index);
      if (n < 0) piece += rows.rows.row(id, rows.rows.afterId(report()));
      else if (clear[n] === 0) piece += rows.near(id, batchPoints[2 * n]!, batchPoints[2 * n + 1]!);
      else {
        let key = `${verdicts[n]}:${clear[n]}:`;
        for (let hit = hitStart[n]!; hit < hitStart[n + 1]!; hit++) key += `${hitZones[hit]},`;
        piece += rows.rows.row(id, rows.clear(key) ?? rows.keepClear(key, report()));
      }
      if ((index + 1) % rowsPerPiece === 0) {
        yield piece;
        piece = '';
      }
    }
    if (piece !== '') yield piece;
  }
}

/** A batch's report as UTF-8, where it stopped if it did, and the CSV row templates a worker made for it. */
export interface BatchBytes {
  bytes: Uint8Array;
  stop?: BatchStop;
  made?: MadeRows;
}

const encoder = new TextEncoder();

/**
 * The pieces of a batch's report as UTF-8, each encoded as it comes so that its text dies young (rowsPerPiece), into
 * `buffer` (a spare one: screen-pool.ts recycles them), grown when it runs short. Stops at a site the engine refuses.
 */
export function encoded(pieces: Iterable<string>, spare: ArrayBuffer | undefined): BatchBytes {
  let buffer = new Uint8Array(spare ?? new ArrayBuffer(1 << 22));
  let length = 0;
  try {
    for (const piece of pieces) {
      // UTF-8 takes at most three bytes per UTF-16 unit.
      if (length + 3 * piece.length > buffer.length) {
        const grown = new Uint8Array(Math.max(2 * buffer.length, length + 3 * piece.length));
        grown.set(buffer.subarray(0, length));
        buffer = grown;
      }
      length += encoder.encodeInto(piece, buffer.subarray(length)).written;
    }
  } catch (error) {
    const stop = batchStop(error);
    if (!stop) throw error;
    return { bytes: buffer.subarray(0, length), stop };
  }
  return { bytes: buffer.subarray(0, length) };
}
