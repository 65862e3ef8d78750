/**
 * The screening engine's share of a CSV batch (a script, not a test):
 * `npx tsx tests/bench/point-shapes.ts [points] [pairs] [baseline checkout] [--untyped]`.
 *
 * Screens `points` seeded points (default 200,000, the same as tests/bench/cli.ts writes) for solar-pv as the CLI's
 * CSV path does (src/cli/batch-screen.ts csvRows): the points outside the region (pointsOutsideRegion), the point
 * shape (pointShape, with the project type unless --untyped) of every other point, and a report template
 * (shapeTemplate) for each shape; no row is written. With a baseline checkout (another commit's
 * tree with pointsOutsideRegion, e.g. from `git archive`), its engine runs the same points alternately with ours (A B A B,
 * tests/bench/interleave.ts) and the ratios of CPU and wall time are printed in all and per part, after checking that
 * ours gives every point the figures the baseline gives and groups together every two points the baseline does.
 */
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { regionUndecided } from '../../src/screening/point-batch.ts';
import type { Screener, ScreenerOptions } from '../../src/screening/screener.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { type Cost, interleave, measure, median, perUnit, ratioText } from './interleave.ts';

const [pointsArgument, pairsArgument, baselineRoot] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const typed = !process.argv.includes('--untyped');
const points = Number(pointsArgument ?? 200_000);
const pairs = Number(pairsArgument ?? 3);

/** The seeded points of tests/bench/cli.ts, over the region's box, rounded as its CSV writes them. */
function seededPoints(count: number): Float64Array {
  const random = seededRandom(1_000_003);
  const lonLat = new Float64Array(2 * count);
  for (let n = 0; n < count; n++) {
    lonLat[2 * n] = Number((97.2 + random() * 28.8).toFixed(6));
    lonLat[2 * n + 1] = Number((37.4 + random() * 16).toFixed(6));
  }
  return lonLat;
}

interface Outcome {
  /** Per point in the region or its band: its shape's group (the first such point with the same key) and its figures by zone. */
  groups: Int32Array;
  figures: Map<number, number>[];
  shapedPoints: number;
  templates: number;
}

/**
 * One pass of the CLI's engine calls: the batch (its region test, leaving its raster's edge cells to the shapes), the shape of each point in some band, and a report template for
 * each shape (Screener.shapeTemplate), whose row the CLI then shares. `withType`: pass the project type to pointShape
 * (a baseline's may take none; it then ignores it).
 */
async function screenAll(screener: Screener, lonLat: Float64Array, keep: boolean, withType: boolean) {
  const batch = await measure(() => screener.pointsOutsideRegion(lonLat, true));
  const outside = batch.result;
  const firstOfKey = new Map<string, number>();
  const codesOfKey = new Map<string, number[]>();
  const outcome: Outcome = { groups: new Int32Array(outside.length).fill(-1), figures: [], shapedPoints: 0, templates: 0 };
  const type = withType ? 'solar-pv' : undefined;
  const shapes = await measure(() => {
    for (let n = 0; n < outside.length; n++) {
      if (outside[n] === 1) continue;
      const shape = screener.pointShape(lonLat[2 * n] as number, lonLat[2 * n + 1] as number, type);
      // A baseline's test leaves no point to its shape, and may have no inRegion.
      if (outside[n] === regionUndecided && !screener.inRegion(shape)) continue;
      outcome.shapedPoints++;
      if (!firstOfKey.has(shape.key)) {
        firstOfKey.set(shape.key, n);
        codesOfKey.set(shape.key, shape.codeList());
      }
      if (!keep) continue;
      outcome.groups[n] = firstOfKey.get(shape.key) as number;
      outcome.figures.push(shape.nearFigures());
    }
  });
  outcome.templates = firstOfKey.size;
  const templates = await measure(() => {
    for (const [key, n] of firstOfKey)
      template(screener, codesOfKey.get(key) as number[], lonLat[2 * n] as number, lonLat[2 * n + 1] as number);
  });
  return {
    batch: perUnit(batch, lonLat.length / 2),
    shapes: perUnit(shapes, Math.max(1, outcome.shapedPoints)),
    templates: perUnit(templates, Math.max(1, outcome.templates)),
    outcome,
  };
}

/** A baseline from before shapeTemplate made its templates from a point of the shape, measuring the point's edges again. */
interface PointTemplates {
  pointTemplate(x: number, y: number, projectType: string): unknown;
}

/** The report template of a shape (its codes) for solar-pv, as the screener makes it; (x, y) a point of the shape. */
function template(screener: Screener | PointTemplates, codes: number[], x: number, y: number): unknown {
  return 'shapeTemplate' in screener ? screener.shapeTemplate(codes, x, y, 'solar-pv') : screener.pointTemplate(x, y, 'solar-pv');
}

/** Whether ours gives each shaped point the baseline's figure for every zone it lists, and never splits a baseline group. */
function agrees(ours: Outcome, theirs: Outcome): boolean {
  if (ours.figures.length !== theirs.figures.length) return false;
  const figuresAgree = ours.figures.every((figures, n) => [...figures].every(([zone, figure]) => theirs.figures[n]?.get(zone) === figure));
  const groupOf = new Map<number, number>();
  for (let n = 0; n < ours.groups.length; n++) {
    const group = theirs.groups[n] as number;
    if (group < 0) continue;
    if ((groupOf.get(group) ?? ours.groups[n]) !== ours.groups[n]) return false;
    groupOf.set(group, ours.groups[n] as number);
  }
  return figuresAgree;
}

async function screenerOf(root: string | undefined): Promise<Screener> {
  const create: (options: ScreenerOptions) => Screener = root
    ? ((await import(`${root}/src/screening/screener.ts`)) as { createScreener: typeof createScreener }).createScreener
    : createScreener;
  return create({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
}

type Run = Awaited<ReturnType<typeof screenAll>>;

/** Median costs of the runs, per part. */
const middle = (runs: Run[], pick: (run: Run) => Cost): Cost => ({
  cpuMs: median(runs.map((run) => pick(run).cpuMs)),
  wallMs: median(runs.map((run) => pick(run).wallMs)),
});

const lonLat = seededPoints(points);
const ours = await screenerOf(undefined);
const first = await screenAll(ours, lonLat, true, typed);
console.log(
  `${points.toLocaleString('en')} points, ${first.outcome.shapedPoints.toLocaleString('en')} in the region or its accuracy band, ${first.outcome.templates.toLocaleString('en')} shapes${typed ? ' (keyed with the project type)' : ''}`,
);
const cost = (label: string, value: Cost) =>
  `${label} ${(value.cpuMs * 1000).toFixed(2)} µs CPU, ${(value.wallMs * 1000).toFixed(2)} µs wall`;
const parts = [
  ['batch per point', (run: Run) => run.batch],
  ['shape per point in the region', (run: Run) => run.shapes],
  ['template per shape', (run: Run) => run.templates],
] as const;
if (!baselineRoot) {
  // Ours alone (for a profile): `pairs` passes after the first, which built the edge grids and the region's raster.
  const runs: Run[] = [];
  for (let pass = 0; pass < pairs; pass++) runs.push(await screenAll(ours, lonLat, false, typed));
  for (const [label, pick] of parts) console.log(cost(`${label}:`, middle(runs, pick)));
} else {
  const baseline = await screenerOf(baselineRoot);
  const theirs = await screenAll(baseline, lonLat, true, false);
  console.log(`baseline: ${theirs.outcome.templates.toLocaleString('en')} shapes`);
  if (!agrees(first.outcome, theirs.outcome)) throw new Error('ours and the baseline disagree: a figure differs, or ours splits a shape');
  const runs: { ours: Run[]; baseline: Run[] } = { ours: [], baseline: [] };
  const side = (screener: Screener, list: Run[], withType: boolean) => async () => {
    const run = await screenAll(screener, lonLat, false, withType);
    list.push(run);
    return wholeCost(run, points);
  };
  const whole = await interleave(pairs, side(ours, runs.ours, typed), side(baseline, runs.baseline, false));
  console.log(
    `engine per point (batch, shapes and templates): ${cost('ours', whole.ours)}; ${cost('baseline', whole.baseline)}; ${ratioText(whole)}`,
  );
  for (const [label, pick] of parts) {
    const comparison = await interleave(pairs, nextOf(runs.ours.map(pick)), nextOf(runs.baseline.map(pick)));
    console.log(`${label}: ${cost('ours', comparison.ours)}; ${cost('baseline', comparison.baseline)}; ${ratioText(comparison)}`);
  }
}

/** The costs already measured, handed out in the order they were taken (so that the pairs stay the same pairs). */
function nextOf(costs: Cost[]): () => Cost {
  let n = 0;
  return () => costs[n++] as Cost;
}

/** A run's whole cost per point screened. */
function wholeCost(run: Run, count: number): Cost {
  const { shapedPoints, templates } = run.outcome;
  const total = (key: keyof Cost) => run.batch[key] + (run.shapes[key] * shapedPoints + run.templates[key] * templates) / count;
  return { cpuMs: total('cpuMs'), wallMs: total('wallMs') };
}
