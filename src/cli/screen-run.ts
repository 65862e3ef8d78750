import type { Worker } from 'node:worker_threads';
import { basename } from 'node:path';
import type { DocumentTitles } from '../report/document-title.ts';
import { reportWriter } from '../report/writers.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { ProjectType } from '../schema/project-type.ts';
import type { ScreeningSeed } from '../schema/seed.ts';
import { ScreeningInputError } from '../screening/input-error.ts';
import type { Screener } from '../screening/screener.ts';
import { loadSiteRecordReader, readSiteFile, type SiteRecordReader } from '../site-input/index.ts';
import type { SiteInput } from '../site-input/site-input.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { IdWriter, idsSlice } from '../site-input/packed-ids.ts';
import type { RecordBatch } from '../site-input/record-batch.ts';
import { type ByteSource, recordBatches } from '../site-input/stream.ts';
import { type StreamFormat, streamFormatOf } from '../site-input/stream-format.ts';
import { type BatchBytes, BatchScreener, type BatchStop, type PackedBatch } from './batch-screen.ts';
import type { GridCache } from './grid-cache.ts';
import type { RowCache } from './row-cache.ts';
import type { Io, Options } from './screen.ts';
import { ScreenPool, shapesOnly } from './screen-pool.ts';

/**
 * Sites a thread screens at a time: a whole batch of a JSON Lines report is some 17 MB of text, held until it is
 * written, with several batches in flight; a part of 1,024 some 2 MB (a CSV part some 300 kB).
 */
const sitesPerPart = 1024;

/** A checked batch cut into parts for the threads; the error of a refused record goes with the last. */
function parts(checked: CheckedBatch): CheckedBatch[] {
  const { batch, place, error } = checked;
  const count = batch.ids.ends.length;
  // A batch of one part (the readers' size when threads screen) goes as it is: its arrays are its own.
  if (count <= sitesPerPart) return [checked];
  const cut: CheckedBatch[] = [];
  let other = 0;
  for (let start = 0; start < count; start += sitesPerPart) {
    const end = Math.min(count, start + sitesPerPart);
    let others = 0;
    for (let index = start; index < end; index++) if (Number.isNaN(batch.lonLat[2 * index])) others++;
    cut.push({
      batch: {
        ids: idsSlice(batch.ids, start, end),
        lonLat: batch.lonLat.slice(2 * start, 2 * end),
        others: batch.others.slice(other, other + others),
        first: batch.first && start === 0,
      },
      place: (index) => place(start + index),
      ...(error && end === count ? { error } : {}),
    });
    other += others;
  }
  return cut;
}

/** The one site of a file read whole. */
interface WholeSite {
  id: string;
  where: Bilingual;
  site: SiteInput;
}

/** A batch's sites checked and repaired, where each record was, and the error of the first refused if one was. */
interface CheckedBatch {
  batch: PackedBatch;
  place: (index: number) => Bilingual;
  error?: Bilingual;
}

/**
 * What screens the file: the screener, the seeds its rules came from (for worker threads to build theirs) and the
 * worker threads that screen beside the command's own (startScreenWorkers; none to screen on one thread).
 */
export interface Screening {
  screener: Screener;
  seeds: readonly ScreeningSeed[];
  workers: Worker[];
  /** The grids kept from earlier runs, for the threads that screen points to take, and where to keep those this run builds. */
  grids?: GridCache;
  /** For a CSV report over the atlas's zones: the row templates of earlier runs, and where to keep this run's. */
  rows?: RowCache;
}

/**
 * Input formats whose reading takes the command's thread longest: for a CSV report from these, worker threads write
 * the rows of their parts themselves (ScreenPool's rowsOnWorkers), as for a JSON report, rather than send their
 * points' shapes for this thread to write, and the command's thread keeps its time for reading. A million points on
 * two threads, 5 interleaved pairs each way: GeoJSON Lines x0.928, GeoJSON x0.945; CSV x1.073 and FlatGeobuf x1.177,
 * whose reading costs the command's thread less than the rows it writes, so they keep sending shapes.
 */
const rowsOnWorkers: ReadonlySet<StreamFormat> = new Set(['geojson', 'geojsonl']);

/** "f.csv, row 3 (lon, lat): …" / "f.csv，第3行（lon、lat）：…": the file named before the reader's own place. */
const inFile = (file: string, text: Bilingual): Bilingual => ({ en: `${file}, ${text.en}`, zh: `${file}，${text.zh}` });

/** The error a batch's stop makes, naming the record the engine refused. */
function stopError(stop: BatchStop, place: (index: number) => Bilingual): Error {
  if (stop.index === undefined) return new ScreeningInputError(stop.message);
  const where = place(stop.index);
  return new SiteInputError({ en: `${where.en}: ${stop.message}`, zh: `${where.zh}：${stop.message}` });
}

/**
 * Screens every site of a file and writes the report as it goes, one part per batch of records, in file order
 * however many threads screen. A bad record stops the run: what was screened before it stays written, and the
 * output is closed so that it remains a valid file.
 */
export async function screenFile(screening: Screening, options: Options, titles: DocumentTitles, io: Io): Promise<void> {
  const writer = reportWriter(options.format, options.lang, titles);
  const format = streamFormatOf(options.file);
  const settings = { format: options.format, lang: options.lang, projectType: options.projectType as ProjectType, titles };
  const onWorkers = format !== undefined && rowsOnWorkers.has(format);
  // This thread takes the kept grids only where it screens points itself; workers read them for themselves.
  const kept = screening.workers.length > 0 && shapesOnly(settings, onWorkers) ? undefined : screening.grids?.loaded;
  if (kept) screening.screener.seedGrids(kept);
  const pool =
    screening.workers.length > 0
      ? new ScreenPool(screening.screener, screening.seeds, settings, screening.workers, {
          keptGrids: screening.grids?.file,
          templates: () => screening.rows?.loaded,
          rowsOnWorkers: onWorkers,
        })
      : undefined;
  const own = pool ? undefined : new BatchScreener(screening.screener, settings, () => screening.rows?.loaded);
  let count = 0;
  let shown = 0;
  /** Batches screening on threads, in file order, with where their records were (to name a refused one). */
  const inFlight: { answer: Promise<() => BatchBytes>; done: boolean; checked: Omit<CheckedBatch, 'batch'>; sites: number }[] = [];
  const written = (sites: number, error: Bilingual | undefined) => {
    count += sites;
    if (error) throw new SiteInputError(error);
    if (io.progress && performance.now() - shown > 250) {
      io.error(`\rscreened ${count.toLocaleString('en')}`);
      shown = performance.now();
    }
  };
  const writeOldest = async () => {
    const { answer, checked, sites } = inFlight.shift()!;
    const { bytes, stop } = (await answer)();
    await io.write(bytes);
    pool!.recycle(bytes);
    if (stop) throw stopError(stop, checked.place);
    written(sites, checked.error);
  };
  await io.write(writer.start());
  try {
    // Batches of a part each when threads screen them: a batch is read whole before any of it goes out, and worker
    // threads sat idle through the reading of a larger one (2 of 5.4 s, GeoJSON Lines, 1M points on two threads).
    const bytes = io.read(options.file);
    const batches = format ? recordBatches(format, bytes, pool ? sitesPerPart : undefined) : wholeFile(options.file, bytes);
    let spare: ArrayBuffer | undefined;
    for await (const checked of checkedBatches(batches)) {
      // Parts for the threads; a batch whole when it is screened here (each part pays for its own point order).
      for (const part of pool ? parts(checked) : [checked]) {
        const sites = part.batch.ids.ends.length;
        if (!pool) {
          // Screened here, into the buffer of the batch before, which is written by the time the next is screened.
          const { bytes, stop } = own!.screen(part.batch, spare);
          await io.write(bytes);
          spare = bytes.buffer as ArrayBuffer;
          if (stop) throw stopError(stop, part.place);
          written(sites, part.error);
          continue;
        }
        // Lets the workers' answers in first, so that the part goes to a worker that is free.
        await new Promise((resolve) => setImmediate(resolve));
        const entry = { answer: pool.screen(part.batch), done: false, checked: part, sites };
        const settled = () => {
          entry.done = true;
        };
        entry.answer.then(settled, settled);
        inFlight.push(entry);
        // Written once it is the oldest and answered while the workers have parts to screen (ScreenPool.fed), else
        // only when too many are in flight (memory).
        while (inFlight.length > (part.error ? 0 : pool.depth) || (inFlight[0]?.done && pool.fed)) await writeOldest();
      }
    }
    while (inFlight.length > 0) await writeOldest();
    // The report is whole by now: a worker that cannot hand over what it built costs the next run its making, no more.
    const built = pool ? await pool.built().catch(() => []) : [];
    screening.grids?.keep([screening.screener.builtGrids(), ...built.flatMap(({ grids }) => (grids ? [grids] : []))]);
    screening.rows?.keep([...((pool ?? own)?.madeTemplates() ?? []), ...built.flatMap(({ templates }) => templates)]);
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
  } finally {
    await pool?.close();
  }
  await io.write(writer.end());
  if (io.progress) io.error(`\rscreened ${count.toLocaleString('en')}\n`);
}

/** A format read whole (KML, KMZ, zipped shapefile): one site, named after the file. */
async function* wholeFile(file: string, bytes: ByteSource): AsyncGenerator<WholeSite> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  const site = await readSiteFile(basename(file), Buffer.concat(chunks));
  yield { id: basename(file), where: { en: basename(file), zh: basename(file) }, site };
}

/**
 * The file's batches checked and packed. Its own generator so that the parsed records are unreachable while their
 * batch is screened: they would outlive young collections and pile up in the old generation. The one site reader is
 * loaded at the first record that needs it (none in a file of plain points: its 5-8 ms were on the way to the first
 * part a worker screens).
 */
async function* checkedBatches(batches: AsyncIterable<RecordBatch | WholeSite>): AsyncGenerator<CheckedBatch> {
  let first = true;
  let read: SiteRecordReader | undefined;
  for await (const batch of batches) {
    let checked: CheckedBatch;
    if ('site' in batch) checked = wholeSiteBatch(batch);
    else if (batch.records.some(Boolean)) {
      read ??= await loadSiteRecordReader();
      checked = checkedBatch(batch, read, first);
    } else checked = { batch: { ids: batch.ids, lonLat: batch.lonLat, others: [], first }, place: batch.place };
    if (checked.batch.ids.ends.length > 0) first = false;
    yield checked;
  }
}

function wholeSiteBatch({ id, where, site }: WholeSite): CheckedBatch {
  const ids = new IdWriter();
  ids.text(id);
  return {
    batch: { ids: ids.done(), lonLat: new Float64Array([Number.NaN, Number.NaN]), others: [site], first: true },
    place: () => where,
  };
}

/**
 * The records of a batch checked and repaired by the one site reader, up to the first that is refused, packed for
 * screening; `first`: no site of the file came before them. Plain points need no reading: they are screened as they
 * came.
 */
function checkedBatch({ count, lonLat, ids, records, place }: RecordBatch, read: SiteRecordReader, first: boolean): CheckedBatch {
  const others: SiteInput[] = [];
  for (let index = 0; index < count; index++) {
    const record = records[index];
    if (!record) continue;
    const result = read(record.record, record.where);
    if (result.error) {
      const batch = { ids: idsSlice(ids, 0, index), lonLat: lonLat.slice(0, 2 * index), others, first };
      return { batch, place, error: result.error };
    }
    others.push(result.site);
  }
  return { batch: { ids, lonLat, others, first }, place };
}
