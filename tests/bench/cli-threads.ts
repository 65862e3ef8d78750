/**
 * The screen command on one thread and on several (a script, not a test): `npx tsx tests/bench/cli-threads.ts
 * [threads] [pairs] [points...] [--format=csv|geojsonl|flatgeobuf]`. For each count of seeded points (default 2,000
 * to 1,000,000), written in the format (default CSV; FlatGeobuf with GDAL's ogr2ogr, as tests/bench/cli.ts does), runs
 * the command (`npm run screen`: its bundle, CSV report to /dev/null) with `--threads 1` and with `--threads <threads>`
 * (default: the cores, up to 4), alternately in child processes (A B A B), and prints wall and CPU time and maximum
 * resident set of each, and the median of the pairs' wall-time ratios: where the threads start to pay for their
 * start-up is where thread-count.ts's threadedBytes should lie for the format (the file's size is printed beside its points).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { type Run, runChild, screenCommand } from './cli-child.ts';
import { median } from './interleave.ts';

const format = process.argv.find((argument) => argument.startsWith('--format='))?.slice('--format='.length) ?? 'csv';
if (!['csv', 'geojsonl', 'flatgeobuf'].includes(format)) throw new Error(`--format must be csv, geojsonl or flatgeobuf, not ${format}`);
const [threadsArgument, pairsArgument, ...sizeArguments] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const threads = Number(threadsArgument ?? Math.min(4, availableParallelism()));
const pairs = Number(pairsArgument ?? 3);
const sizes = sizeArguments.length > 0 ? sizeArguments.map(Number) : [2_000, 5_000, 10_000, 30_000, 100_000, 300_000, 1_000_000];
const root = new URL('../..', import.meta.url).pathname;
const folder = join(root, 'node_modules/.cache/cli-threads-bench');
mkdirSync(folder, { recursive: true });

/** Seeded points over the region's box (and a little beyond), as `id,lon,lat` rows or GeoJSON Lines features. */
async function pointsFile(points: number, lines: boolean): Promise<string> {
  const file = join(folder, `points-${points}.${lines ? 'geojsonl' : 'csv'}`);
  const random = seededRandom(16_016);
  const stream = createWriteStream(file);
  if (!lines) stream.write('id,lon,lat\n');
  for (let start = 0; start < points; start += 10_000) {
    let text = '';
    for (let n = start; n < Math.min(points, start + 10_000); n++) {
      const [x, y] = [(97.2 + random() * 28.8).toFixed(6), (37.4 + random() * 16).toFixed(6)];
      text += lines
        ? `{"type":"Feature","properties":{"id":"p${n}"},"geometry":{"type":"Point","coordinates":[${x},${y}]}}\n`
        : `p${n},${x},${y}\n`;
    }
    if (!stream.write(text)) await once(stream, 'drain');
  }
  await new Promise((resolve) => stream.end(resolve));
  return file;
}

/** The points in the format asked for: FlatGeobuf written by ogr2ogr from GeoJSON Lines (spatially sorted, as GDAL writes it). */
async function inputFile(points: number): Promise<string> {
  if (format !== 'flatgeobuf') return pointsFile(points, format === 'geojsonl');
  const fgb = join(folder, `points-${points}.fgb`);
  rmSync(fgb, { force: true });
  const ogr = spawnSync('ogr2ogr', ['-f', 'FlatGeobuf', fgb, await pointsFile(points, true)], { encoding: 'utf8' });
  if (ogr.status !== 0) throw new Error(`ogr2ogr could not write ${fgb}: ${ogr.error?.message ?? ogr.stderr}`);
  return fgb;
}

const screen = screenCommand();
// Untimed, so that no timed run pays for the launcher rebuilding the bundle after a change (tests/bench/cli.ts).
await runChild(screen, ['--help']);
const args = (file: string, count: number) => [file, '--type', 'solar-pv', '--format', 'csv', '--threads', String(count)];
// Untimed too: the largest file's run builds every raster and edge grid its points need and keeps them for the runs
// after it (src/cli/grid-cache.ts), so that no timed run, on one thread or several, builds them.
await runChild(screen, args(await inputFile(Math.max(...sizes)), 1));
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const summary = (runs: Run[]) =>
  `${seconds(median(runs.map((run) => run.wallMs)))} s wall, ${seconds(median(runs.map((run) => run.cpuMs)))} s CPU, ` +
  `${Math.round(Math.max(...runs.map((run) => run.maxRssMiB)))} MiB`;

console.log(
  `screen command, ${format} input, CSV report, --threads 1 against --threads ${threads}, median of ${pairs} interleaved pairs, the grids kept from an untimed run`,
);
for (const points of sizes) {
  const file = await inputFile(points);
  const one: Run[] = [];
  const several: Run[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    one.push(await runChild(screen, args(file, 1)));
    several.push(await runChild(screen, args(file, threads)));
  }
  const ratio = median(one.map((run, pair) => run.wallMs / several[pair]!.wallMs));
  const mebibytes = (statSync(file).size / 2 ** 20).toFixed(1);
  console.log(
    `  ${points.toLocaleString('en').padStart(9)} points (${mebibytes} MiB): 1 thread ${summary(one)}; ${threads} threads ${summary(several)}; ` +
      `x${ratio.toFixed(2)} faster on ${threads}`,
  );
}
