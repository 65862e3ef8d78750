/**
 * Site input benchmark (a script, not a test): `npx tsx tests/bench/site-input.ts`.
 * Duplicate removal in the site repair: the hash map of distinctPositions against the obvious pairwise scan (each
 * point looked up among all before it, as the repair did before), run alternately (tests/bench/interleave.ts) on
 * 10,000 points; then distinctPositions alone on 600,000 points, where the pairwise scan would take minutes (not run).
 */
import type { Position } from 'geojson';
import { distinctPositions } from '../../src/site-input/scattered-points.ts';
import { interleave, measure, perUnit, ratioText } from './interleave.ts';

/** `count` points, each place twice, in a scrambled but fixed order (7919 is prime, so k takes every value twice). */
const points = (count: number): Position[] =>
  Array.from({ length: count }, (_, index) => {
    const k = (index * 7919) % (count / 2);
    return [109 + k * 1e-6, 40 + (k % 3) * 1e-6];
  });

const pairwise = (positions: Position[]) =>
  positions.filter((position, index) => positions.findIndex((other) => other[0] === position[0] && other[1] === position[1]) === index);

const small = points(10_000);
if (distinctPositions(small).length !== pairwise(small).length) throw new Error('the two duplicate removals disagree');
const comparison = await interleave(
  3,
  async () => perUnit(await measure(() => distinctPositions(small)), small.length),
  async () => perUnit(await measure(() => pairwise(small)), small.length),
);
console.log(
  `duplicate removal, 10,000 points: hash map ${(comparison.ours.wallMs * 1e3).toFixed(3)} µs/point, pairwise ${(comparison.baseline.wallMs * 1e3).toFixed(1)} µs/point: ${ratioText(comparison)}`,
);
const large = points(600_000);
const cost = await measure(() => distinctPositions(large));
console.log(
  `duplicate removal, 600,000 points: hash map ${cost.wallMs.toFixed(0)} ms wall, ${cost.cpuMs.toFixed(0)} ms CPU (pairwise not run: it grows with the square of the points)`,
);
