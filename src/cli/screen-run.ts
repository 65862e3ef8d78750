import type { Point } from 'geojson';
import { basename } from 'node:path';
import type { DocumentTitles } from '../report/document-title.ts';
import { reportWriter, type ReportWriter } from '../report/writers.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { ScreeningInputError } from '../screening/input-error.ts';
import type { Report } from '../screening/report.ts';
import type { Screener } from '../screening/screener.ts';
import { loadSiteRecordReader, readSiteFile, type SiteRecordReader } from '../site-input/index.ts';
import type { SiteInput } from '../site-input/site-input.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { type ByteSource, siteRecordBatches, type StreamedRecord, streamFormatOf } from '../site-input/stream.ts';
import type { Io, Options } from './screen.ts';

/** A checked site with what to call it in the report. */
interface Screenable {
  id: string;
  where: Bilingual;
  site: SiteInput;
}

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
  const reports: ReportsByHits = new Map();
  await io.write(writer.start());
  try {
    const batches = format ? siteRecordBatches(format, io.read(options.file)) : wholeFile(options.file, io.read(options.file));
    for await (const records of batches) {
      const sites = checked(records, read);
      await io.write(screenBatch(screener, options, writer, sites.screenable, reports));
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
      screenable.push({
        id: record.id,
        where: record.where,
        site: { geometry: { type: 'Point', coordinates: record.point }, warnings: [] },
      });
      continue;
    }
    const result = read(record.record, record.where);
    if (result.error) return { screenable, error: result.error };
    screenable.push({ id: record.id, where: record.where, site: result.site });
  }
  return { screenable };
}

/** Full reports by verdict and hit zones, for points that no accuracy band reaches (see screenBatch). */
type ReportsByHits = Map<string, Report>;

/**
 * For each point of the batch that no zone's accuracy band reaches, its verdict, edge stretches and hit zones as a
 * key; undefined for every other site. Such a point's full report differs from another's with the same key only in
 * what a CSV row does not show (centroid, nearest zones), so one full report per key writes all their rows
 * (cli/clear-points.test.ts checks that premise).
 */
function clearPointKeys(screener: Screener, projectType: ProjectType, sites: readonly Screenable[]): (string | undefined)[] {
  const points = sites.flatMap((entry, index) => (entry.site.geometry.type === 'Point' ? [index] : []));
  const lonLat = new Float64Array(2 * points.length);
  for (const [n, index] of points.entries()) lonLat.set((sites[index]!.site.geometry as Point).coordinates.slice(0, 2), 2 * n);
  const { verdicts, hitStart, hitZones, clear } = screener.screenPoints(lonLat, projectType, true);
  const keys: (string | undefined)[] = new Array(sites.length);
  points.forEach((index, n) => {
    if (clear[n] !== 0) keys[index] = `${verdicts[n]}:${clear[n]}:${hitZones.subarray(hitStart[n], hitStart[n + 1]).join(',')}`;
  });
  return keys;
}

/**
 * The report text of a batch. Every row is the site's full report (a CSV row holds certainty, conclusion and reasons);
 * for a CSV report, points clear of every accuracy band take the engine's batch path first and share one full report
 * per verdict and hit zones, since nothing in their rows depends on where exactly they lie.
 */
function screenBatch(
  screener: Screener,
  options: Options,
  writer: ReportWriter,
  sites: readonly Screenable[],
  reports: ReportsByHits,
): string {
  const projectType = options.projectType as ProjectType;
  const keys = options.format === 'csv' ? clearPointKeys(screener, projectType, sites) : [];
  let text = '';
  for (const [index, { id, where, site }] of sites.entries()) {
    const key = keys[index];
    let report: Report | undefined = key === undefined ? undefined : reports.get(key);
    try {
      report ??= screener.screen(site.geometry, projectType);
      if (key !== undefined) reports.set(key, report);
    } catch (error) {
      if (error instanceof ScreeningInputError)
        throw new SiteInputError({ en: `${where.en}: ${error.message}`, zh: `${where.zh}：${error.message}` });
      throw error;
    }
    text += writer.record({ id, geometry: site.geometry, report });
  }
  return text;
}
