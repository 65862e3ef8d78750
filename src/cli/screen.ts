/**
 * Batch screening of proposed project sites against the atlas's zones and the five documents' rules:
 *
 *   npx tsx src/cli/screen.ts <file> --type <project-type> [--format json|csv|geojson] [--zones <file> --zone-kind <kind>]
 *
 * <file> is GeoJSON (.geojson/.json, read whole, up to 50 MB), CSV (.csv, streamed line by line: lon and lat
 * columns, or a wkt column; an `id` column names the rows, else their number) or FlatGeobuf (.fgb, streamed
 * feature by feature). One report per input, in input order, carrying the input's id or row number. --zones adds
 * your own GeoJSON polygons as zones of --zone-kind, so the rules of that kind apply to them (a feature's `id`,
 * `name`, `accuracy_km` and `buffer_km` properties are used when present). Exit status: 0 done, 1 bad input,
 * 2 bad arguments.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { zoneKindSchema } from '../schema/zone-kind.ts';
import { ScreeningInputError } from '../screening/input-error.ts';
import { checkProjectType, createScreener, type Screener } from '../screening/screener.ts';
import { verdictOfCode } from '../screening/verdict.ts';
import { formats, writers, zoneList, type Format } from './report-writers.ts';
import { geoJsonFeatures, InputError, inputSource, type Input } from './screen-inputs.ts';

/** Where the CLI writes: tests pass their own. `progress`: show a running count on stderr (a terminal). */
export interface Io {
  write: (text: string) => Promise<void>;
  error: (text: string) => void;
  progress: boolean;
}

/** Files read whole (GeoJSON inputs and zone files) stop here; CSV and FlatGeobuf stream at any size. */
export const wholeFileLimit = 50 * 1024 * 1024;

const usage = 'usage: screen <file> --type <project-type> [--format json|csv|geojson] [--zones <file> --zone-kind <kind>]';

class UsageError extends Error {}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const options = parseOptions(argv);
    const screener = await loadScreener(options.zones);
    await run(screener, options, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.error(`error: ${error.message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof ScreeningInputError) {
      io.error(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

interface Options {
  file: string;
  projectType: string;
  format: Format;
  zones: { file: string; kind: string } | undefined;
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: { type: { type: 'string' }, format: { type: 'string', default: 'json' }, zones: { type: 'string' }, 'zone-kind': { type: 'string' } },
    });
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
  if (!(formats as readonly string[]).includes(values.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  if (Boolean(values.zones) !== Boolean(values['zone-kind'])) throw new UsageError('--zones and --zone-kind go together');
  if (values['zone-kind'] && !zoneKindSchema.safeParse(values['zone-kind']).success) {
    throw new UsageError(`unknown zone kind "${values['zone-kind']}"; expected one of: ${zoneKindSchema.options.join(', ')}`);
  }
  const file = positionals[0] as string;
  checkFile(file);
  if (values.zones) checkFile(values.zones);
  return {
    file, projectType: values.type, format: values.format as Format,
    zones: values.zones ? { file: values.zones, kind: values['zone-kind'] as string } : undefined,
  };
}

function checkFile(file: string): void {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new InputError(`${file} is not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size === 0) throw new InputError(`${file} is empty`);
  const readWhole = ['.geojson', '.json'].includes(extname(file).toLowerCase());
  if (readWhole && size > wholeFileLimit) {
    throw new InputError(`${file} is ${(size / 2 ** 20).toFixed(1)} MB, over the 50 MB limit for GeoJSON: split it, or convert it to FlatGeobuf or CSV, which stream`);
  }
}

/** The atlas's zones, plus the user's own as zones of the kind given. */
async function loadScreener(zones: Options['zones']): Promise<Screener> {
  const collections = new Map(await readCollections());
  if (zones) collections.set('user-zones', userZones(zones.file, zones.kind));
  return createScreener({ collections, seeds: readSeeds(), dataVersion: readManifest().version });
}

function userZones(file: string, kind: string): FeatureCollection {
  const features = geoJsonFeatures(file).map((feature, n) => {
    const properties = feature.properties ?? {};
    const id = String(properties['id'] ?? feature.id ?? `user-zone-${n + 1}`);
    const name = typeof properties['name'] === 'string' ? properties['name'] : id;
    return {
      type: 'Feature' as const,
      geometry: feature.geometry as FeatureCollection['features'][number]['geometry'],
      properties: { ...properties, id, name_zh: properties['name_zh'] ?? name, name_en: properties['name_en'] ?? name, zone_kind: kind },
    };
  });
  return { type: 'FeatureCollection', features };
}

async function run(screener: Screener, { file, projectType, format }: Options, io: Io): Promise<void> {
  const writer = writers[format];
  const source = await inputSource(file);
  let count = 0;
  let shown = 0;
  const progress = () => {
    if (io.progress && performance.now() - shown > 250) {
      io.error(`\rscreened ${count.toLocaleString('en')}`);
      shown = performance.now();
    }
  };
  await io.write(writer.start);
  const screenOne = async ({ id, geometry }: Input) => {
    let report;
    try {
      report = screener.screen(geometry, projectType);
    } catch (error) {
      if (error instanceof ScreeningInputError) throw new ScreeningInputError(`${file} input ${id}: ${error.message}`);
      throw error;
    }
    await io.write(writer.row(id, report.verdict, zoneList(report), report, geometry, count === 0));
    count++;
    progress();
  };
  if (source.kind === 'geometries') {
    for await (const input of source.inputs) await screenOne(input);
  } else {
    for await (const { ids, lonLat } of source.blocks) {
      if (format !== 'csv') {
        for (let i = 0; i < ids.length; i++) await screenOne({ id: ids[i] as string, geometry: { type: 'Point', coordinates: [lonLat[2 * i], lonLat[2 * i + 1]] } });
        continue;
      }
      // CSV out of CSV points: the batch path, whose verdicts and zones are those of screen() for each point.
      const { verdicts, hitStart, hitZones } = screener.screenPoints(lonLat, projectType);
      let text = '';
      for (let i = 0; i < ids.length; i++) {
        const zones = [...new Set(Array.from(hitZones.subarray(hitStart[i], hitStart[i + 1]), (zone) => screener.zones[zone]?.id ?? ''))].sort();
        text += writer.row(ids[i] as string, verdictOfCode(verdicts[i] as number), zones);
      }
      await io.write(text);
      count += ids.length;
      progress();
    }
  }
  await io.write(writer.end);
  if (io.progress) io.error(`\rscreened ${count.toLocaleString('en')}\n`);
}

/** stdout with back-pressure, so that a large run does not pile its output up in memory. */
const processIo = (): Io => ({
  write: (text) => new Promise((resolve) => (text === '' || process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve))),
  error: (text) => void process.stderr.write(text),
  progress: process.stderr.isTTY === true,
});

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2), processIo());
