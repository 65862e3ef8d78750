/**
 * The screen command on one thread and on several (a script, not a test): `npx tsx tests/bench/cli-threads.ts
 * [threads] [pairs] [points...]`. For each count of seeded CSV points (default 10,000 to 1,000,000), runs the
 * command (`npm run screen`: its bundle, CSV report to /dev/null) with `--threads 1` and with `--threads <threads>`
 * (default: the cores, up to 4), alternately in child processes (A B A B), and prints wall and CPU time and maximum
 * resident set of each, and the median of the pairs' wall-time ratios: where the threads start to pay for their
 * start-up is where screen-run.ts's threadedBytes should lie (the file's size is printed beside its points).
 */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { type Run, runChild, screenCommand } from './cli-child.ts';
import { median } from './interleave.ts';

const [threadsArgument, pairsArgument, ...sizeArguments] = process.argv.slice(2);
const threads = Number(threadsArgument ?? Math.min(4, availableParallelism()));
const pairs = Number(pairsArgument ?? 3);
const sizes = sizeArguments.length > 0 ? sizeArguments.map(Number) : [10_000, 30_000, 100_000, 300_000, 1_000_000];
const root = new URL('../..', import.meta.url).pathname;
const folder = join(root, 'node_modules/.cache/cli-threads-bench');
mkdirSync(folder, { recursive: true });

/** Seeded points over the region's box (and a little beyond), as `id,lon,lat` rows. */
async function pointsFile(points: number): Promise<string> {
  const file = join(folder, `points-${points}.csv`);
  const random = seededRandom(16_016);
  const stream = createWriteStream(file);
  stream.write('id,lon,lat\n');
  for (let start = 0; start < points; start += 10_000) {
    let text = '';
    for (let n = start; n < Math.min(points, start + 10_000); n++)
      text += `p${n},${(97.2 + random() * 28.8).toFixed(6)},${(37.4 + random() * 16).toFixed(6)}\n`;
    if (!stream.write(text)) await once(stream, 'drain');
  }
  await new Promise((resolve) => stream.end(resolve));
  return file;
}

const screen = screenCommand();
const args = (file: string, count: number) => [file, '--type', 'solar-pv', '--format', 'csv', '--threads', String(count)];
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const summary = (runs: Run[]) =>
  `${seconds(median(runs.map((run) => run.wallMs)))} s wall, ${seconds(median(runs.map((run) => run.cpuMs)))} s CPU, ` +
  `${Math.round(Math.max(...runs.map((run) => run.maxRssMiB)))} MiB`;

console.log(`screen command, CSV report, --threads 1 against --threads ${threads}, median of ${pairs} interleaved pairs`);
for (const points of sizes) {
  const file = await pointsFile(points);
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
