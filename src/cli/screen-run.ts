import type { Point } from 'geojson';
import { basename } from 'node:path';
import type { DocumentTitles } from '../report/document-title.ts';
import { type CsvRows, csvRows, reportWriter, type ReportWriter } from '../report/writers.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { ScreeningInputError } from '../screening/input-error.ts';
import type { Report } from '../screening/report.ts';
import { edgeMarks, type PointShape, type Screener } from '../screening/screener.ts';
import { loadSiteRecordReader, readSiteFile, type SiteRecordReader } from '../site-input/index.ts';
import type { SiteInput } from '../site-input/site-input.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { type ByteSource, siteRecordBatches, type StreamedRecord, streamFormatOf } from '../site-input/stream.ts';
import type { Io, Options } from './screen.ts';

/** A checked site with what to call it in the report; a plain lon/lat row keeps its point without a geometry object. */
type Screenable = { id: string; where: Bilingual } & (
  | { site: SiteInput; point?: undefined }
  | { point: [number, number]; site?: undefined }
);

/** "f.csv, row 3 (lon, lat): …" / "f.csv，第3行（lon、lat）：…": the file named before the reader's own place. */
const inFile = (file: string, text: Bilingual): Bilingual => ({ en: `${file}, ${text.en}`, zh: `${file}，${text.zh}` });

/**
 * Screens every site of a file and writes the report as it goes, one part per batch of records. A bad record stops
 * the run: what was screened before it stays written, and the output is closed so that it remains a valid file.
 */
export async function screenFile(screener: Screener, options: Options, titles: DocumentTitles, io: Io): Promise<void> {
  const writer = reportWriter(options.format, options.lang, titles);
  const format = streamFormatOf(options.file);
  const read = await loadSiteRecordReader();
  let count = 0;
  let shown = 0;
  const rows = options.format === 'csv' ? new SharedRows(csvRows(options.lang), screener, options.projectType as ProjectType) : undefined;
  await io.write(writer.start());
  try {
    const batches = format ? siteRecordBatches(format, io.read(options.file)) : wholeFile(options.file, io.read(options.file));
    for await (const records of batches) {
      const sites = checked(records, read);
      for (const piece of screenBatch(screener, options, rows ?? writer, sites.screenable)) await io.write(piece);
      count += sites.screenable.length;
      if (sites.error) throw new SiteInputError(sites.error);
      if (io.progress && performance.now() - shown > 250) {
        io.error(`\rscreened ${count.toLocaleString('en')}`);
        shown = performance.now();
      }
    }
  } catch (error) {
    const text =
      error instanceof SiteInputError
        ? error.text
        : error instanceof ScreeningInputError
          ? { en: error.message, zh: error.message }
          : undefined;
    if (!text) throw error;
    await io.write(writer.fail({ ...text, file: options.file }));
    throw new SiteInputError(inFile(options.file, text));
  }
  await io.write(writer.end());
  if (io.progress) io.error(`\rscreened ${count.toLocaleString('en')}\n`);
}

/** A format read whole (KML, KMZ, zipped shapefile): one site, named after the file. */
async function* wholeFile(file: string, bytes: ByteSource): AsyncGenerator<StreamedRecord[] | Screenable[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  const site = await readSiteFile(basename(file), Buffer.concat(chunks));
  yield [{ id: basename(file), where: { en: basename(file), zh: basename(file) }, site }];
}

/** The records of a batch checked and repaired by the one site reader, up to the first that is refused. */
function checked(
  records: readonly (StreamedRecord | Screenable)[],
  read: SiteRecordReader,
): { screenable: Screenable[]; error?: Bilingual } {
  const screenable: Screenable[] = [];
  for (const record of records) {
    if ('site' in record) {
      screenable.push(record);
      continue;
    }
    if (record.point) {
      screenable.push({ id: record.id, where: record.where, point: record.point });
      continue;
    }
    const result = read(record.record, record.where);
    if (result.error) return { screenable, error: result.error };
    screenable.push({ id: record.id, where: record.where, site: result.site });
  }
  return { screenable };
}

/** The geometry of a site, a point row's made when it is screened alone. */
const geometryOf = (entry: Screenable): unknown => entry.site?.geometry ?? { type: 'Point', coordinates: entry.point };

/** A point's longitude and latitude, or undefined for a line or polygon site. */
function pointOf(entry: Screenable): readonly number[] | undefined {
  if (entry.point) return entry.point;
  const geometry = entry.site.geometry;
  return geometry.type === 'Point' ? (geometry as Point).coordinates : undefined;
}

/** A site's full report, with the place of the record named when the engine refuses it. */
function screenOne(screener: Screener, projectType: ProjectType, entry: Screenable): Report {
  try {
    return screener.screen(geometryOf(entry), projectType);
  } catch (error) {
    if (error instanceof ScreeningInputError)
      throw new SiteInputError({ en: `${entry.where.en}: ${error.message}`, zh: `${entry.where.zh}：${error.message}` });
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
 * (cli/shared-rows.test.ts compares every row with the point's own full report).
 */
class SharedRows {
  private readonly templates = new Map<string, RowTemplate>();

  constructor(
    readonly rows: CsvRows,
    private readonly screener: Screener,
    private readonly projectType: ProjectType,
  ) {}

  /** The row of a point that no accuracy band reaches, by its batch-path key. */
  clear(id: string, key: string, entry: Screenable): string {
    let template = this.templates.get(key);
    if (!template) {
      template = { texts: [this.rows.afterId(screenOne(this.screener, this.projectType, entry))], zones: [] };
      this.remember(key, template);
    }
    return this.rows.row(id, template.texts[0]!);
  }

  /** The row of a point within some zone's accuracy band. */
  near(id: string, x: number, y: number): string {
    const shape = this.screener.pointShape(x, y);
    let template = this.templates.get(shape.key);
    if (!template) {
      const parts = this.rows.afterId(this.screener.pointTemplate(x, y, this.projectType)).split(edgeMarks);
      template = { texts: parts.filter((_, n) => n % 2 === 0), zones: parts.filter((_, n) => n % 2 === 1).map(Number) };
      this.remember(shape.key, template);
    }
    return this.rows.row(id, filled(template, shape));
  }

  private remember(key: string, template: RowTemplate): void {
    if (this.templates.size >= maxSharedRows) this.templates.clear();
    this.templates.set(key, template);
  }
}

/**
 * Rows written together: the text of a whole batch lived long enough to be promoted to the old generation, and a
 * run's memory grew with the batches the collector had not yet reclaimed. Pieces this size die young.
 */
const rowsPerPiece = 256;

/** The CSV rows of a batch, in pieces: its points through the batch path and their shared rows, other sites one by one. */
function* csvBatch(screener: Screener, projectType: ProjectType, rows: SharedRows, sites: readonly Screenable[]): Generator<string> {
  const pointAt = new Int32Array(sites.length).fill(-1);
  let points = 0;
  for (let index = 0; index < sites.length; index++) if (pointOf(sites[index]!)) pointAt[index] = points++;
  const lonLat = new Float64Array(2 * points);
  for (let index = 0; index < sites.length; index++) {
    const point = pointOf(sites[index]!);
    if (!point) continue;
    lonLat[2 * pointAt[index]!] = point[0]!;
    lonLat[2 * pointAt[index]! + 1] = point[1]!;
  }
  const { verdicts, hitStart, hitZones, clear } = screener.screenPoints(lonLat, projectType, true);
  let piece = '';
  for (let index = 0; index < sites.length; index++) {
    const entry = sites[index]!;
    const n = pointAt[index]!;
    if (n < 0) piece += rows.rows.row(entry.id, rows.rows.afterId(screenOne(screener, projectType, entry)));
    else if (clear[n] === 0) piece += rows.near(entry.id, lonLat[2 * n]!, lonLat[2 * n + 1]!);
    else {
      let key = `${verdicts[n]}:${clear[n]}:`;
      for (let hit = hitStart[n]!; hit < hitStart[n + 1]!; hit++) key += `${hitZones[hit]},`;
      piece += rows.clear(entry.id, key, entry);
    }
    if ((index + 1) % rowsPerPiece === 0) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

/**
 * The report text of a batch, in pieces. Every row is the site's full report (a CSV row holds certainty, conclusion
 * and reasons); a CSV report's points share rows (SharedRows). JSON Lines and GeoJSON carry each point's centroid,
 * nearest zones and distances, so every site there gets its own.
 */
function* screenBatch(
  screener: Screener,
  options: Options,
  writer: ReportWriter | SharedRows,
  sites: readonly Screenable[],
): Generator<string> {
  const projectType = options.projectType as ProjectType;
  if (writer instanceof SharedRows) {
    yield* csvBatch(screener, projectType, writer, sites);
    return;
  }
  let piece = '';
  for (let index = 0; index < sites.length; index++) {
    const entry = sites[index]!;
    piece += writer.record({ id: entry.id, geometry: geometryOf(entry), report: screenOne(screener, projectType, entry) });
    if ((index + 1) % rowsPerPiece === 0) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}
