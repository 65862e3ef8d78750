/**
 * Ratios that hold on a busy machine: ours and the baseline run alternately in the same process (A B A B ...), each
 * pair gives one ratio, and the median of those ratios is printed with CPU time beside wall time. A neighbour that
 * takes a core slows the two sides of a pair alike, where timing all of A and then all of B would blame one of them.
 */

/** Wall-clock and CPU milliseconds (CPU summed over every thread of the process, workers included). */
export interface Cost {
  wallMs: number;
  cpuMs: number;
}

export interface Comparison {
  /** Median cost of each side, per unit of work (a point, a site, a run). */
  ours: Cost;
  baseline: Cost;
  /** Median over pairs of baseline / ours: above 1, ours is faster. */
  wallRatio: number;
  cpuRatio: number;
  pairs: number;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Times one call, wall and CPU. */
export async function measure<T>(run: () => T | Promise<T>): Promise<Cost & { result: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** A cost divided by the units of work it paid for (points screened, sites reported, zones scaled to). */
export const perUnit = (cost: Cost, units: number): Cost => ({ wallMs: cost.wallMs / units, cpuMs: cost.cpuMs / units });

/**
 * Runs `ours` and `baseline` alternately `pairs` times; each returns its cost per unit of the same work, so the ratio
 * of a pair is how many times more the baseline pays for one unit.
 */
export async function interleave(
  pairs: number,
  ours: () => Promise<Cost> | Cost,
  baseline: () => Promise<Cost> | Cost,
): Promise<Comparison> {
  const oursCosts: Cost[] = [];
  const baselineCosts: Cost[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    oursCosts.push(await ours());
    baselineCosts.push(await baseline());
  }
  const ratio = (key: keyof Cost) => median(oursCosts.map((cost, pair) => (baselineCosts[pair] as Cost)[key] / cost[key]));
  const medianCost = (costs: Cost[]): Cost => ({
    wallMs: median(costs.map((cost) => cost.wallMs)),
    cpuMs: median(costs.map((cost) => cost.cpuMs)),
  });
  return { ours: medianCost(oursCosts), baseline: medianCost(baselineCosts), wallRatio: ratio('wallMs'), cpuRatio: ratio('cpuMs'), pairs };
}

const times = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));

/** "x12.3 wall, x11.9 CPU (median of 3 interleaved pairs)". */
export const ratioText = (comparison: Comparison): string =>
  `x${times(comparison.wallRatio)} wall, x${times(comparison.cpuRatio)} CPU (median of ${comparison.pairs} interleaved pairs)`;

/** The line a benchmark prints for each target of issue 16: what, the measured figure, the limit, and the verdict. */
export const targetLine = (what: string, measured: string, limit: string, holds: boolean): string =>
  `target: ${what} ${measured} (limit ${limit}): ${holds ? 'holds' : 'does not hold'}`;
