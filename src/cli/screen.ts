/**
 * Batch screening of proposed project sites against the atlas's zones and the five documents' rules:
 *
 *   npx tsx src/cli/screen.ts <file> --type <project-type> [--format jsonl|csv|geojson] [--lang zh|en] [--threads <n>]
 *                             [--zones <file> --zone-kind <kind>]
 *                             [--zones <file or postgresql://...> --zone-profile <profile.json> [--zone-table <schema.table>] [--entry-list <csv>]]
 *
 * A thin front end: the sites are read by src/site-input (streamed for CSV, GeoJSON, GeoJSON Lines and FlatGeobuf,
 * one site per row or feature; other formats whole, as one site), screened by src/screening and written by
 * src/report, the same row the atlas exports; a large file on worker threads (screen-pool.ts), the report the same
 * bytes. Exit status: 0 done, 1 bad input, 2 bad arguments.
 */
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DatasetError } from '../data/flatgeobuf.ts';
import {
  datasetsKey,
  projectRoot,
  readCollections,
  readManifest,
  readSeedTexts,
  type SeedText,
  screeningSeedsOf,
  seedsKey,
  zoneLayer,
} from '../data/node-loader.ts';
import { documentTitles } from '../report/document-title.ts';
import { reportFormats, type ReportFormat } from '../report/writers.ts';
import { zoneKindSchema } from '../schema/zone-kind.ts';
import { ScreeningInputError } from '../screening/input-error.ts';
import type { ScreeningSeed } from '../schema/seed.ts';
import { checkProjectType, createScreener, type Screener, screenerOver } from '../screening/screener.ts';
import { megabytes, SITE_LIMITS } from '../site-input/limits.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import type { ByteSource } from '../site-input/stream.ts';
import { streamFormatOf } from '../site-input/stream-format.ts';
import { fileChunks } from './file-chunks.ts';
import { GridCache } from './grid-cache.ts';
import { readAheadOn } from './screen-pool.ts';
import { RowCache, rowKey } from './row-cache.ts';
import { type PackedZones, ZoneCache } from './zone-cache.ts';
import { type Screening, screenFile } from './screen-run.ts';
import { screeningThreads } from './thread-count.ts';
import { parseArguments, threadsOption } from './screen-arguments.ts';
import { takeWorkers } from './screen-workers.ts';
import { isDatabaseUrl, officialZones, type OfficialZonesOption } from '../official/cli-zones.ts';
import { withOfficialLayers } from '../official/screening-input.ts';
import { userZones } from './user-zones.ts';

/**
 * Where the CLI reads and writes: tests pass their own. `write` takes text, or UTF-8 bytes from worker threads.
 * `progress`: show a running count on stderr (a terminal).
 */
export interface Io {
  read: (file: string) => ByteSource;
  /** Resolves once the output is done with `text`: bytes may then be written over. */
  write: (text: string | Uint8Array) => Promise<void>;
  error: (text: string) => void;
  progress: boolean;
}

const usage =
  'usage: screen <file> --type <project-type> [--format jsonl|csv|geojson] [--lang zh|en] [--threads <n>] [--zones <file> --zone-kind <kind>]\n' +
  '       [--zones <file or postgresql://...> --zone-profile <profile.json> [--zone-table <schema.table>] [--entry-list <csv>]]';

/** What --help adds to the usage, in the language of --lang. */
const help = {
  en:
    "  --threads <n>  threads that screen: the command's own and n - 1 worker threads (default: one per core, up to 4, for a\n" +
    '                 CSV file of 64 KiB or more, a GeoJSON file of 2 MiB or more or a FlatGeobuf file of 512 KiB or more,\n' +
    '                 where they were measured to pay; else 1). The report is the same bytes with any number.\n',
  zh: '  --threads <n>  筛查线程数：命令自身线程加n - 1个工作线程（默认：64 KiB及以上的CSV文件、2 MiB及以上的GeoJSON文件或512 KiB及以上的FlatGeobuf文件每个CPU核一个，最多4个，实测在此范围内多线程更快；其余为1）。线程数不影响报告内容。\n',
};

class UsageError extends Error {}

export interface Options {
  file: string;
  /** Screening threads asked for with --threads; undefined: chosen by the file (screeningThreads). */
  threads?: number;
  projectType: string;
  format: ReportFormat;
  lang: 'zh' | 'en' | undefined;
  zones: { file: string; kind: string } | undefined;
  /** An official layer (src/official): a file or a PostGIS table, mapped by a profile. */
  official?: OfficialZonesOption;
}

/**
 * Runs the command on `argv`. `early`: worker threads the launcher started for this line (screen-early.ts), which the
 * run takes, or stops where it does not run.
 */
export async function main(argv: string[], io: Io, early: Worker[] = []): Promise<number> {
  let options: Options | undefined;
  try {
    if (argv.includes('--help')) {
      const zh = argv.some((argument, n) => argument === '--lang=zh' || (argument === '--lang' && argv[n + 1] === 'zh'));
      await io.write(`${usage}\n${help[zh ? 'zh' : 'en']}`);
      return 0;
    }
    options = parseOptions(argv);
    const screening = await screeningOf(options, io, early);
    const titles = documentTitles(screening.seeds.map((seed) => ({ id: seed.id, title: seed.document.title })));
    await screenFile(screening, options, titles, io);
    return 0;
  } catch (error) {
    // Stopped already where the run took them (ScreenPool, screeningOf); else never taken.
    await Promise.all(early.map((worker) => worker.terminate()));
    if (error instanceof UsageError) {
      io.error(`error: ${error.message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof SiteInputError) {
      io.error(`error: ${error.text[options?.lang ?? 'en']}\n`);
      return 1;
    }
    if (error instanceof ScreeningInputError) {
      io.error(`error: ${error.message}\n`);
      return 1;
    }
    if (error instanceof DatasetError) {
      io.error(`error: the atlas's data cannot be used, so nothing was screened: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/**
 * Where the command keeps its screeners' grids (grid-cache.ts), the atlas's zones packed (zone-cache.ts) and CSV row
 * templates (row-cache.ts) between runs: beside its bundle, in a folder named after the bundle's build (a run of an older build, still going while the
 * launcher rebuilt, writes where no newer one reads), all of which the launcher removes when it rebuilds; none under
 * tsx, where no rebuild would.
 */
function gridFolder(): string | undefined {
  if (!import.meta.url.endsWith('.cjs')) return undefined;
  const bundle = fileURLToPath(import.meta.url);
  return join(dirname(bundle), `grids-${Math.round(statSync(bundle).mtimeMs)}`);
}

/**
 * The screener over the atlas's zones and the user's or official ones, built in its own call: the zones' GeoJSON
 * is then unreachable while the file is screened, instead of raising every full collection's threshold, which V8
 * sets at a multiple of what is live.
 */
async function screeningOf(options: Options, io: Io, early: Worker[]): Promise<Screening> {
  const workers = takeWorkers(early, screeningThreads(options.threads, options.file) - 1);
  try {
    const shared = workers.length > 0;
    const folder = gridFolder();
    // Only the atlas's own zones are kept packed, and their CSV rows: a user's zones or an official layer change them
    // from run to run.
    const zonesKey = folder !== undefined && !options.zones && !options.official ? datasetsKey(projectRoot, zoneLayer) : undefined;
    const kept = folder !== undefined && zonesKey !== undefined ? new ZoneCache(folder, zonesKey, shared) : undefined;
    // Zones kept packed name their grid file before the seeds are read: the workers read it meanwhile.
    const gridsAhead = folder !== undefined && kept?.loaded ? new GridCache(folder, kept.loaded.store) : undefined;
    if (gridsAhead) readAheadOn(workers, gridsAhead.file);
    const seedTexts = readSeedTexts();
    const { screener, seeds } = kept?.loaded ? keptScreener(kept.loaded, seedTexts) : await packedScreener(options, io, shared, seedTexts);
    if (!kept?.loaded) kept?.keep(screener);
    const grids = folder === undefined ? undefined : (gridsAhead ?? new GridCache(folder, screener.store));
    const rows =
      folder !== undefined && zonesKey !== undefined && options.format === 'csv'
        ? new RowCache(folder, rowKey(zonesKey, seedsKey(seedTexts), options.projectType, options.lang))
        : undefined;
    return { screener, seeds, workers, ...(grids ? { grids } : {}), ...(rows ? { rows } : {}) };
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
}

/** A screener over zones packed by an earlier run (zone-cache.ts), with the rules of the seed files' texts. */
function keptScreener(zones: PackedZones, texts: readonly SeedText[]): { screener: Screener; seeds: readonly ScreeningSeed[] } {
  const seeds = screeningSeedsOf(texts);
  return { screener: screenerOver(zones.store, zones.zones, { seeds, dataVersion: readManifest().version }), seeds };
}

/** A screener over the atlas's zones read from its datasets, with the user's or the official ones, packed here. */
async function packedScreener(
  options: Options,
  io: Io,
  shared: boolean,
  texts: readonly SeedText[],
): Promise<{ screener: Screener; seeds: readonly ScreeningSeed[] }> {
  const collections = new Map(await readCollections(projectRoot, zoneLayer));
  if (options.zones) collections.set('user-zones', await userZones(options.zones.file, options.zones.kind, io.read));
  const official = options.official ? [await officialZones(options.official)] : [];
  for (const note of official.flatMap((layer) => layer.notes)) io.error(`note: ${note[options.lang ?? 'en']}\n`);
  const { collections: zones, seeds } = withOfficialLayers(collections, screeningSeedsOf(texts), official);
  return { screener: createScreener({ collections: zones, seeds, dataVersion: readManifest().version, shared }), seeds };
}

function parseOptions(argv: string[]): Options {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one input file');
  if (!values.type) throw new UsageError('--type is required');
  try {
    checkProjectType(values.type);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const format = values.format as ReportFormat;
  if (!reportFormats.includes(format)) throw new UsageError(`--format must be one of ${reportFormats.join(', ')}`);
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') throw new UsageError('--lang must be zh or en');
  const profile = values['zone-profile'];
  if (values['zone-kind'] && profile) throw new UsageError('give --zone-kind or --zone-profile, not both');
  if (Boolean(values.zones) !== Boolean(values['zone-kind'] ?? profile))
    throw new UsageError('--zones goes with --zone-kind or --zone-profile');
  if ((values['zone-table'] || values['entry-list']) && !profile) throw new UsageError('--zone-table and --entry-list need --zone-profile');
  if (values.zones && isDatabaseUrl(values.zones) && !values['zone-table'])
    throw new UsageError('--zones names a database: add --zone-table schema.table');
  if (values['zone-kind'] && !zoneKindSchema.safeParse(values['zone-kind']).success) {
    throw new UsageError(`unknown zone kind "${values['zone-kind']}"; expected one of: ${zoneKindSchema.options.join(', ')}`);
  }
  let threads: number | undefined;
  try {
    threads = threadsOption(values.threads);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const file = positionals[0] as string;
  checkFile(file);
  if (values.zones && !profile) checkFile(values.zones);
  return {
    file,
    ...(threads === undefined ? {} : { threads }),
    projectType: values.type,
    format,
    lang: values.lang,
    zones: values.zones && !profile ? { file: values.zones, kind: values['zone-kind'] as string } : undefined,
    ...(values.zones && profile
      ? {
          official: {
            zones: values.zones,
            profile,
            ...(values['zone-table'] ? { table: values['zone-table'] } : {}),
            ...(values['entry-list'] ? { entryList: values['entry-list'] } : {}),
          },
        }
      : {}),
  };
}

/** A missing, empty or unreadable file is refused before the data loads; the formats' own checks come later. */
function checkFile(file: string): void {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new SiteInputError({ en: `${file} is not a file`, zh: `${file}不是文件` });
    size = stats.size;
  } catch (error) {
    if (error instanceof SiteInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SiteInputError({ en: `cannot read ${file}: ${code}`, zh: `无法读取${file}：${code}` });
  }
  if (size === 0) throw new SiteInputError({ en: `${file} is empty`, zh: `${file}是空文件` });
  if (streamFormatOf(file) === undefined && size > SITE_LIMITS.fileBytes) {
    const [actual, limit] = [megabytes(size), megabytes(SITE_LIMITS.fileBytes)];
    throw new SiteInputError({
      en: `${file} is ${actual} MB, over the ${limit} MB limit for files read whole: convert it to CSV, GeoJSON or FlatGeobuf, which stream`,
      zh: `${file}为${actual} MB，超过整体读取文件${limit} MB的上限：请转换为可流式读取的CSV、GeoJSON或FlatGeobuf`,
    });
  }
}

/**
 * Files in 64 KiB chunks (file-chunks.ts). Stdout with back-pressure: each write waits until its text is written, so
 * that a large run does not pile its output up in memory, and a worker's bytes can then be reused. A reader that
 * stops early (`| head`) closes the pipe: the rest of the report is not wanted, so the command ends there, quietly,
 * where node would throw the pipe's error with its stack.
 */
export function processIo(): Io {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  return {
    read: fileChunks,
    write: (text) => new Promise((resolve) => (text.length === 0 ? resolve() : process.stdout.write(text, () => resolve()))),
    error: (text) => void process.stderr.write(text),
    progress: process.stderr.isTTY === true,
  };
}

// Not awaited at the top level: the bundle is CommonJS (bundle-loader.cjs), which has none.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
