/**
 * Statistics benchmark (a script, not a test): `npx tsx tests/bench/stats.ts [polygon counts...]` (default 1000 10000).
 * 1. Recomputing the whole ledger on the bundled data (median of several runs; target under 200 ms).
 * 2. The union step (components + polygon-clipping + ellipsoidal area) against turf.union on 1,000 and 10,000
 *    seeded star-shaped polygons over the Inner Mongolia box, the two run alternately (tests/bench/interleave.ts).
 *    turf.union takes minutes on 10,000, so there it is timed on subsets and extrapolated; the output says which
 *    figures are measured and which are not.
 */
import { polygon as turfPolygon, featureCollection, union as turfUnion } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Polygon as ClipPolygon } from 'polygon-clipping';
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { polygonArea } from '../../src/geodesy/ellipsoidal-area.ts';
import { computeLedger } from '../../src/stats/ledger.ts';
import { prepareRegion, unionArea, unionAreaInRegion } from '../../src/stats/union.ts';
import { type Cost, interleave, measure, median, ratioText } from './interleave.ts';

const box = { west: 97.2, south: 37.4, east: 126.1, north: 53.4 };

/** Pairs of (ours, turf.union) runs per comparison. */
const pairs = 3;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Star-shaped polygons with radii spread over a factor of 10 (log-uniform) and 16-160 vertices, sized so that
 * their areas add up to about 30 % of the box whatever their number: enough overlap for clusters of all sizes,
 * short of one cluster spanning the box. */
function starPolygons(count: number, seed: number): ClipPolygon[] {
  const next = seededRandom(seed);
  const boxArea = (box.east - box.west) * (box.north - box.south);
  // Mean area of a star of radius r is about 0.52·π·r² (vertex radii 0.4-1.0 r), and the mean of 10^(2u - 1) is 2.15.
  const typicalRadius = Math.sqrt((0.3 * boxArea) / (count * 0.52 * Math.PI * 2.15));
  return Array.from({ length: count }, () => {
    const cx = box.west + next() * (box.east - box.west);
    const cy = box.south + next() * (box.north - box.south);
    const radius = typicalRadius * 10 ** (next() - 0.5);
    const vertices = 16 + Math.floor(next() * 145);
    const ring: [number, number][] = [];
    for (let i = 0; i < vertices; i += 1) {
      const angle = (2 * Math.PI * i) / vertices;
      const r = radius * (0.4 + 0.6 * next());
      ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
    }
    ring.push(ring[0]!);
    return [ring];
  });
}

function turfUnionArea(polygons: readonly ClipPolygon[]): number {
  const merged = turfUnion(featureCollection(polygons.map((rings) => turfPolygon(rings))));
  return merged ? polygonArea(merged.geometry as Polygon | MultiPolygon) : 0;
}

async function benchLedger(collections: Awaited<ReturnType<typeof readCollections>>): Promise<void> {
  const seeds = readSeeds();
  const version = readManifest().version;
  computeLedger(collections, seeds, version); // warm-up: the first run also compiles
  const runs = [];
  for (let run = 0; run < 9; run++) runs.push(await measure(() => computeLedger(collections, seeds, version)));
  const wall = runs.map((run) => run.wallMs);
  console.log(
    `ledger: ${median(wall).toFixed(0)} ms median of ${runs.length} runs (min ${Math.min(...wall).toFixed(0)}, ` +
      `max ${Math.max(...wall).toFixed(0)}; CPU ${median(runs.map((run) => run.cpuMs)).toFixed(0)} ms; target under 200 ms), ` +
      `${runs[0]!.result.length} rows`,
  );
}

/** turf.union's cost on all the polygons, extrapolated from the first 1,000 and 2,000 with the growth exponent
 * those two give (the subsets are sparser than the full set, so this errs on the fast side). */
async function extrapolatedTurf(polygons: readonly ClipPolygon[]): Promise<Cost & { exponent: number; small: Cost; large: Cost }> {
  const small = await measure(() => turfUnionArea(polygons.slice(0, 1000)));
  const large = await measure(() => turfUnionArea(polygons.slice(0, 2000)));
  const grow = (key: keyof Cost) => {
    const exponent = Math.log(large[key] / small[key]) / Math.log(2);
    return { exponent, predicted: large[key] * (polygons.length / 2000) ** exponent };
  };
  const cpu = grow('cpuMs');
  return { wallMs: grow('wallMs').predicted, cpuMs: cpu.predicted, exponent: cpu.exponent, small, large };
}

async function benchUnion(count: number, inner: ReturnType<typeof prepareRegion>): Promise<void> {
  const polygons = starPolygons(count, 20260101 + count);
  const ours = await measure(() => unionArea(polygons));
  const features: Feature[] = polygons.map((rings, i) => ({
    type: 'Feature',
    properties: { id: `p${i}` },
    geometry: { type: 'Polygon', coordinates: rings },
  }));
  const clipped = await measure(() => unionAreaInRegion(features, inner));
  console.log(
    `union of ${count.toLocaleString('en-US')} polygons (${ours.result.components} components, ` +
      `${Math.round(ours.result.areaM2 / 1e6).toLocaleString('en-US')} km²): components + polygon-clipping ` +
      `${seconds(ours.cpuMs)} CPU (${seconds(ours.wallMs)} wall); clipped to Inner Mongolia first ${seconds(clipped.cpuMs)} CPU`,
  );

  // turf.union is run in full on up to 1,000 polygons; beyond, on the first 1,000 and 2,000 and extrapolated.
  const oursRun = async () => measure(() => unionArea(polygons));
  if (count <= 1000) {
    const turfArea = turfUnionArea(polygons);
    const comparison = await interleave(pairs, oursRun, () => measure(() => turfUnionArea(polygons)));
    console.log(
      `  turf.union ${seconds(comparison.baseline.cpuMs)} CPU (${seconds(comparison.baseline.wallMs)} wall), measured; ` +
        `its area differs from ours by ${((turfArea - ours.result.areaM2) / ours.result.areaM2).toExponential(1)}; turf / ours ${ratioText(comparison)}`,
    );
    return;
  }
  let last: Awaited<ReturnType<typeof extrapolatedTurf>> | undefined;
  const comparison = await interleave(pairs, oursRun, async () => {
    last = await extrapolatedTurf(polygons);
    return last;
  });
  console.log(
    `  turf.union about ${seconds(comparison.baseline.cpuMs)} CPU, extrapolated from the first 1,000 and 2,000 polygons ` +
      `(last pair: ${seconds(last?.small.cpuMs ?? 0)} and ${seconds(last?.large.cpuMs ?? 0)}, time ~ n^${last?.exponent.toFixed(2)}); ` +
      `turf / ours ${ratioText(comparison)}`,
  );
}

const counts = process.argv.slice(2).map(Number);
const collections = await readCollections();
await benchLedger(collections);
const admin = collections.get('admin-regions')!.features;
const inner = prepareRegion(admin.find((feature) => feature.properties?.['id'] === 'inner-mongolia')!.geometry as Polygon | MultiPolygon);
for (const count of counts.length ? counts : [1000, 10000]) await benchUnion(count, inner);
