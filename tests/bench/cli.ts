/**
 * Batch screening end to end (a script, not a test): `npx tsx tests/bench/cli.ts [points] [pairs]`.
 * Writes `points` seeded points (default 1,000,000) over the region's box as CSV, GeoJSON, GeoJSON Lines and
 * FlatGeobuf (the last with GDAL's ogr2ogr where it is installed), then runs, in each of `pairs` rounds (default 5:
 * with two, a median is the mean of both, and one round on a busy spell moved every figure; with three, four runs at
 * three commits whose screening of CSV was the same within this machine's noise read the CSV ratio to its floor from
 * x2.38 to x2.66, then with NODE_EXTRA_CA_CERTS set, see cli-child.ts), one after
 * another in child processes: the screen command on one point (start-up: data, zones, seeds, and the worker threads'
 * start), then for each format the command (`npm run screen`: its esbuild bundle, src/cli/bundled.cjs; CSV report to
 * /dev/null) and a floor that only reads and parses the same file the same way (tests/bench/cli-floor.ts, bundled the
 * same way), then the command on the CSV file's first half (the rate once warm). Each child reports its own CPU time
 * and maximum resident set (tests/bench/cli-usage.mjs). Every ratio and rate is taken within a round and the median
 * over rounds printed, so that a busy spell moves both sides of it alike.
 * Where PostgreSQL and PostGIS are installed, the command on the CSV file is then timed against warm PostGIS on
 * subdivided zones (tests/bench/cli-postgis.ts), again alternately. `--postgis-only`: the CSV file and PostGIS only.
 * `--threads=N`: the command's --threads (default: its own choice by format and size, printed beside each format;
 * tests/bench/cli-threads.ts compares them).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { buildBundle } from '../../src/cli/bundled.cjs';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { type Run, runChild as run, screenCommand } from './cli-child.ts';
import { startPostgisScreening, postgisQuery } from './cli-postgis.ts';
import { median, targetLine } from './interleave.ts';
import { screeningThreads } from '../../src/cli/thread-count.ts';

const postgisOnly = process.argv.includes('--postgis-only');
const threads = process.argv.find((argument) => argument.startsWith('--threads='))?.slice('--threads='.length);
const [pointsArgument, pairsArgument] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const points = Number(pointsArgument ?? 1_000_000);
const pairs = Number(pairsArgument ?? 5);
/** PostGIS pairs: at most three, as each takes its query some 30 s and its ratio lies far from the limit. */
const postgisPairs = Math.min(pairs, 3);
const root = new URL('../..', import.meta.url).pathname;
const folder = join(root, 'node_modules/.cache/cli-bench');
mkdirSync(folder, { recursive: true });

/** The seeded points, written in every format; FlatGeobuf only where ogr2ogr can make it. */
async function writeInputs(): Promise<Map<string, string>> {
  const random = seededRandom(1_000_003);
  const files = new Map<string, string>([
    ['csv', join(folder, `points-${points}.csv`)],
    ['geojson', join(folder, `points-${points}.geojson`)],
    ['geojsonl', join(folder, `points-${points}.geojsonl`)],
  ]);
  const csv = createWriteStream(files.get('csv')!);
  const geojson = createWriteStream(files.get('geojson')!);
  const lines = createWriteStream(files.get('geojsonl')!);
  csv.write('id,lon,lat\n');
  geojson.write('{"type":"FeatureCollection","features":[\n');
  const block = 10_000;
  for (let start = 0; start < points; start += block) {
    let csvText = '';
    let featureText = '';
    for (let n = start; n < Math.min(points, start + block); n++) {
      const x = (97.2 + random() * 28.8).toFixed(6);
      const y = (37.4 + random() * 16).toFixed(6);
      csvText += `p${n},${x},${y}\n`;
      featureText += `{"type":"Feature","properties":{"id":"p${n}"},"geometry":{"type":"Point","coordinates":[${x},${y}]}}\n`;
    }
    const written: [NodeJS.WritableStream, string][] = [
      [csv, csvText],
      [lines, featureText],
      [geojson, (start > 0 ? ',' : '') + featureText.trimEnd().replaceAll('\n', ',\n')],
    ];
    // Waits only on the streams whose buffer is full, so that memory stays flat at any size.
    await Promise.all(written.map(([stream, text]) => (stream.write(text) ? undefined : once(stream, 'drain'))));
  }
  geojson.write('\n]}\n');
  await Promise.all([csv, geojson, lines].map((stream) => new Promise((resolve) => stream.end(resolve))));
  if (postgisOnly) return new Map([['csv', files.get('csv')!]]);
  const fgb = join(folder, `points-${points}.fgb`);
  // ogr2ogr cannot overwrite a FlatGeobuf file in place: the last run's goes first.
  rmSync(fgb, { force: true });
  const ogr = spawnSync('ogr2ogr', ['-f', 'FlatGeobuf', fgb, files.get('geojsonl')!], { encoding: 'utf8' });
  if (ogr.status === 0) files.set('flatgeobuf', fgb);
  else console.log(`FlatGeobuf input not written (ogr2ogr ${ogr.error ? 'not installed' : `failed: ${ogr.stderr.trim()}`}): skipped`);
  return files;
}

const files = await writeInputs();
// The command as `npm run screen` runs it (its esbuild bundle), and the floor bundled the same way, so that neither
// pays for compiling TypeScript; the floor as an ES module, without the command's code cache (src/cli/bundle-loader.cjs):
// it is 126 kB to compile, the command 3.3 MB. Nor with the command's node options (package.json's script): with
// them the floor read the million CSV points x1.02-1.035 slower (12 alternate runs), so the floor is its fastest.
const screen = screenCommand();
// The launcher rebuilds the command's bundle when a source changed since its last build: once here, untimed, so that
// no timed run pays for it (a start-up median of two once read 1.16 s instead of about 0.6 for that).
await run(screen, ['--help']);
await buildBundle(['tests/bench/cli-floor.ts'], 'tests/bench', join(folder, 'bundle'));
const floor = [join(folder, 'bundle', 'cli-floor.mjs')];
/** The command's arguments for a file, on `count` threads (default: as --threads asked, else the command's choice). */
const cliArgs = (file: string, count: string | number | undefined = threads) => [
  file,
  '--type',
  'solar-pv',
  '--format',
  'csv',
  ...(count ? ['--threads', String(count)] : []),
];

// The threads the command screens a file on, as it chooses them (screen-run.ts: by format and size) or as asked.
const threadsFor = (file: string) => screeningThreads(threads === undefined ? undefined : Number(threads), file);
const csvThreads = threadsFor(files.get('csv')!);

// Start-up: the whole command on one point (data read and checked, zones packed, seeds read), on as many threads as
// the CSV file is screened on (a worker's start and its first part are part of that run's start-up), and on one.
const single = join(folder, 'one-point.csv');
writeFileSync(single, 'id,lon,lat\np0,111.6,40.8\n');
const middleRun = (runs: Run[]): Run => ({
  wallMs: median(runs.map((entry) => entry.wallMs)),
  cpuMs: median(runs.map((entry) => entry.cpuMs)),
  maxRssMiB: Math.max(...runs.map((entry) => entry.maxRssMiB)),
});
/** Start-up runs in all: at least five, as a run on one point is short and one slow run would move a median of two by half of it. */
const startupCount = Math.max(5, pairs);
/** `count` runs of the command on the one point, on `threadCount` threads. */
async function startupRuns(threadCount: number, count: number): Promise<Run[]> {
  const runs: Run[] = [];
  for (let n = 0; n < count; n++) runs.push(await run(screen, cliArgs(single, threadCount)));
  return runs;
}
const oneThreadStartup = csvThreads === 1 ? undefined : middleRun(await startupRuns(1, startupCount));

// The CSV file's first half: the points/s between it and the whole is the rate once the command is started and warm
// (its code optimised and its row templates made; its rasters and edge grids are kept from an earlier run).
const half = join(folder, `points-${points}-half.csv`);
const halfRows = readFileSync(files.get('csv')!, 'utf8').split('\n', Math.floor(points / 2) + 1);
writeFileSync(half, `${halfRows.join('\n')}\n`);
// Untimed: the command keeps the rasters and edge grids its screeners build for its next run over the same zones
// (src/cli/grid-cache.ts), as PostGIS below keeps its indexes. Every timed run then finds them made, the first round's
// as the last's.
await run(screen, cliArgs(files.get('csv')!));

/**
 * One round of every run the targets compare: start-up, each format's command and its floor, and the CSV file's first
 * half, one after another. Every ratio and rate below is a round's own, the median over rounds printed, so that a
 * neighbour who slows the machine for a while moves both sides of each ratio alike (a format's time against the CSV
 * file's once read 1.50 where the formats were timed minutes apart, one after another).
 */
interface Round {
  startup: Run;
  half: Run;
  screens: Map<string, Run>;
  floors: Map<string, Run>;
}
const rounds: Round[] = [];
const startups: Run[] = [];
for (let pair = 0; pair < pairs; pair++) {
  // The start-up runs shared out among the rounds.
  const own = await startupRuns(csvThreads, Math.ceil((startupCount - pair) / pairs));
  startups.push(...own);
  const screens = new Map<string, Run>();
  const floors = new Map<string, Run>();
  for (const [format, file] of files) {
    screens.set(format, await run(screen, cliArgs(file)));
    floors.set(format, await run(floor, [file]));
  }
  rounds.push({ startup: middleRun(own), half: await run(screen, cliArgs(half, csvThreads)), screens, floors });
}
/** The median over rounds of a round's figure. */
const overRounds = (figure: (round: Round) => number) => median(rounds.map(figure));
type Key = 'wallMs' | 'cpuMs';

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const startup = middleRun(startups);
console.log(
  `screen command${threads ? ` on ${threads} threads` : ''}, ${points.toLocaleString('en')} seeded points, CSV report, the grids kept from an untimed run, medians of ${pairs} rounds (each runs every command below once, in turn; every child without NODE_EXTRA_CA_CERTS, tests/bench/cli-child.ts); ` +
    `start-up (one point, ${startups.length} runs) on the CSV run's ${csvThreads} thread${csvThreads === 1 ? '' : 's'} ${seconds(startup.wallMs)} s wall, ${seconds(startup.cpuMs)} s CPU` +
    (oneThreadStartup ? `, on one thread ${seconds(oneThreadStartup.wallMs)} s wall, ${seconds(oneThreadStartup.cpuMs)} s CPU` : ''),
);
for (const format of files.keys()) {
  const ours = middleRun(rounds.map((round) => round.screens.get(format)!));
  const base = middleRun(rounds.map((round) => round.floors.get(format)!));
  const ratio = (key: Key) => overRounds((round) => round.screens.get(format)![key] / round.floors.get(format)![key]);
  const threadCount = threadsFor(files.get(format)!);
  console.log(
    `  ${format.padEnd(10)} screen (${threadCount} thread${threadCount === 1 ? '' : 's'}) ${seconds(ours.wallMs)} s wall, ${seconds(ours.cpuMs)} s CPU, ${Math.round(ours.maxRssMiB)} MiB; ` +
      `read+parse floor ${seconds(base.wallMs)} s wall, ${seconds(base.cpuMs)} s CPU, ${Math.round(base.maxRssMiB)} MiB; x${ratio('wallMs').toFixed(2)} wall, x${ratio('cpuMs').toFixed(2)} CPU of the floor`,
  );
}
const csvRun = (round: Round) => round.screens.get('csv')!;
/**
 * `count` points over the median, across rounds, of the whole CSV file's time less a shorter run's of the same round
 * (start-up, or the first half), or undefined when that median is not above zero. The median of the rounds' own
 * rates is the same figure for an odd number of rounds, but a round whose shorter run took about as long as the whole
 * (a busy spell) had a rate without bound: in one `npm run bench` (two rounds) the warm CPU rate read
 * 250,000,000,272,229 points/s.
 */
const rateOver = (count: number, key: Key, shorter: (round: Round) => Run): number | undefined => {
  const ms = overRounds((round) => csvRun(round)[key] - shorter(round)[key]);
  return ms > 0 ? count / (ms / 1000) : undefined;
};
const perSecond = (value: number | undefined) =>
  value === undefined
    ? 'not measured (the shorter run took as long as the whole file)'
    : `${Math.round(value).toLocaleString('en')} points/s`;
const rate = (key: Key) => rateOver(points, key, (round) => round.startup);
const wallRate = rate('wallMs');
const secondHalf = points - Math.floor(points / 2);
const warmRate = (key: Key) => rateOver(secondHalf, key, (round) => round.half);
console.log(
  `  csv warm rate (the second ${secondHalf.toLocaleString('en')} points: the whole file's time less its first half's, in each round, on ${csvThreads} thread${csvThreads === 1 ? '' : 's'}): ` +
    `${perSecond(warmRate('wallMs'))} wall, ${perSecond(warmRate('cpuMs'))} CPU; the whole file less start-up: ${perSecond(wallRate)} wall`,
);
console.log(
  targetLine(
    'CSV points/s after start-up',
    `${perSecond(wallRate)} wall, ${perSecond(rate('cpuMs'))} CPU`,
    '1,000,000 points/s wall',
    wallRate !== undefined && wallRate >= 1e6,
  ),
);
const floorRatio = (key: Key) => overRounds((round) => csvRun(round)[key] / round.floors.get('csv')![key]);
console.log(
  targetLine(
    'CSV screen / read+parse floor',
    `x${floorRatio('wallMs').toFixed(2)} wall, x${floorRatio('cpuMs').toFixed(2)} CPU`,
    'x2.5 wall',
    floorRatio('wallMs') <= 2.5,
  ),
);
for (const format of ['geojson', 'geojsonl', 'flatgeobuf']) {
  if (!files.has(format)) continue;
  const ratio = (key: Key) => overRounds((round) => round.screens.get(format)![key] / csvRun(round)[key]);
  console.log(
    targetLine(
      `${format} screen / CSV screen`,
      `x${ratio('wallMs').toFixed(2)} wall, x${ratio('cpuMs').toFixed(2)} CPU`,
      'x1.5 wall',
      ratio('wallMs') <= 1.5,
    ),
  );
}
const memory = Math.max(...rounds.flatMap((round) => [...round.screens.values()].map((entry) => entry.maxRssMiB)));
console.log(targetLine('screen memory, largest resident set of any format', `${Math.round(memory)} MiB`, 'under 300 MiB', memory < 300));

const postgis = await startPostgisScreening(files.get('csv')!);
if (typeof postgis === 'string') console.log(`PostGIS comparison skipped: ${postgis}`);
else {
  const ours: Run[] = [];
  const theirs: Awaited<ReturnType<typeof postgis.time>>[] = [];
  try {
    for (let pair = 0; pair < postgisPairs; pair++) {
      ours.push(await run(screen, cliArgs(files.get('csv')!)));
      theirs.push(await postgis.time());
    }
  } finally {
    await postgis.close();
  }
  const ratio = (key: 'wallMs' | 'cpuMs') => median(ours.map((entry, pair) => theirs[pair]![key] / entry[key]));
  const middle = (runs: { wallMs: number; cpuMs: number }[], key: 'wallMs' | 'cpuMs') => seconds(median(runs.map((entry) => entry[key])));
  console.log(
    `PostGIS on the same ${points.toLocaleString('en')} points and ${postgis.zones} zones (ST_Subdivide to 256 vertices: ${postgis.pieces} pieces, GiST on geometry and geography), warm, median of ${postgisPairs} interleaved pairs:\n` +
      `  ${postgisQuery.replaceAll(/\s+/g, ' ')}\n` +
      `  (each point's zones that it lies in or whose edge is within the zone's accuracy on the spheroid: ${theirs[0]!.hits.toLocaleString('en')} point-zone pairs, ${theirs[0]!.insides.toLocaleString('en')} inside; the screen command also starts up, writes the full CSV report and runs the rules)\n` +
      `  screen ${middle(ours, 'wallMs')} s wall, ${middle(ours, 'cpuMs')} s CPU; PostGIS query ${middle(theirs, 'wallMs')} s wall, ${middle(theirs, 'cpuMs')} s server CPU`,
  );
  const wall = ratio('wallMs');
  const measured = `x${wall.toFixed(2)} wall, x${ratio('cpuMs').toFixed(2)} CPU`;
  console.log(
    targetLine('PostGIS query time / screen command time (warm PostGIS, subdivided zones)', measured, 'x5 wall or more', wall >= 5),
  );
}
