/**
 * Screening benchmark: `npx tsx tests/bench/screening.ts [zone counts...]` (default 1000 10000 100000). Seeded
 * synthetic zones (star-shaped polygons over the Inner Mongolia box, added to the real datasets) against 1M random
 * points in batch and 200 polygon sites, with naive Turf and flatbush + Turf for comparison. Prints one table per
 * zone count. Each ratio comes from the engine and its baseline run alternately (tests/bench/interleave.ts). The
 * Turf baselines are slow, so each runs for a fixed time on a sample and is extrapolated; the note under each
 * table says how much was timed.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { toMultiPolygon } from '../../src/screening/clip-fallback.ts';
import { PointPool } from '../../src/screening/parallel-points.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { innerMongoliaBox, starRing, syntheticZones } from '../../src/screening/synthetic-zones.ts';
import { type Comparison, type Cost, interleave, measure, perUnit, ratioText } from './interleave.ts';

const projectType = 'steel';
const pointCount = 1_000_000;
const siteCount = 200;
/** Seconds each Turf baseline run may take before its rate is extrapolated. */
const baselineSeconds = 4;
/** Pairs of (engine, baseline) runs per ratio. */
const pairs = 3;

const started = performance.now();
const collections = await readCollections();
const seeds = readSeeds();
const dataVersion = readManifest().version;

function randomPoints(random: () => number, count: number): Float64Array {
  const [x0, y0, x1, y1] = innerMongoliaBox;
  const points = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    points[2 * i] = x0 + (x1 - x0) * random();
    points[2 * i + 1] = y0 + (y1 - y0) * random();
  }
  return points;
}

/** Project sites of 0.5-500 km² (log-uniform) with 8-3,000 vertices. */
function randomSites(random: () => number, count: number): MultiPolygon[] {
  const [x0, y0, x1, y1] = innerMongoliaBox;
  return Array.from({ length: count }, () => {
    const radiusKm = Math.sqrt((0.5 * 1000 ** random()) / Math.PI);
    const vertices = Math.round(8 * 375 ** random());
    const ring = starRing(random, x0 + (x1 - x0) * random(), y0 + (y1 - y0) * random(), radiusKm / 111, vertices);
    const positions = Array.from({ length: vertices + 1 }, (_, i) => [
      ring[2 * (i % vertices)] as number,
      ring[2 * (i % vertices) + 1] as number,
    ]);
    return { type: 'MultiPolygon', coordinates: [[positions]] };
  });
}

/** Runs `step` on items until they run out or the time is up; returns the items done and the cost of them all. */
async function timeBoxed<T>(items: T[], step: (item: T) => void): Promise<Cost & { done: number }> {
  const start = performance.now();
  const cost = await measure(() => {
    let done = 0;
    for (const item of items) {
      step(item);
      done++;
      if (performance.now() - start > baselineSeconds * 1000) break;
    }
    return done;
  });
  return { ...cost, done: cost.result };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
const rate = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));

async function run(count: number): Promise<void> {
  const buildStart = performance.now();
  const screener = createScreener({
    collections,
    seeds,
    dataVersion,
    shared: true,
    extraZones: syntheticZones(seededRandom(count), count),
  });
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const features = new Map<number, Feature<MultiPolygon>>();
  const feature = (zone: number) => {
    let found = features.get(zone);
    if (!found) {
      const { store } = screener;
      found = turf.feature({
        type: 'MultiPolygon',
        coordinates: toMultiPolygon(store.rings, store.zoneRingStart[zone] as number, store.zoneRingStart[zone + 1] as number),
      });
      features.set(zone, found);
    }
    return found;
  };
  const random = seededRandom(7 + count);
  const points = randomPoints(random, pointCount);

  // Batch points: one warm-up pass on a fifth, then the timed million, 1 thread and 2 workers alternately.
  screener.screenPoints(points.subarray(0, pointCount / 5), projectType);
  const pool = new PointPool(screener, 2);
  await pool.screenPoints(points.subarray(0, pointCount / 5), projectType);
  type Batch = ReturnType<typeof screener.screenPoints>;
  const last: { single?: Batch; parallel?: Batch } = {};
  const singleRun = async () => {
    const timed = await measure(() => screener.screenPoints(points, projectType));
    last.single = timed.result;
    return perUnit(timed, pointCount);
  };
  const parallelRun = async () => {
    const timed = await measure(() => pool.screenPoints(points, projectType));
    last.parallel = timed.result;
    return perUnit(timed, pointCount);
  };
  const threads = await interleave(pairs, singleRun, parallelRun);
  const { single, parallel } = last as Required<typeof last>;
  const agree =
    single.verdicts.every((code, i) => code === parallel.verdicts[i]) && single.hitZones.every((zone, i) => zone === parallel.hitZones[i]);
  const zonesPerPoint = screener.store.count > 0 ? single.hitZones.length / pointCount : 0;
  // The baselines are compared with the engine's faster batch path on this run: worker threads only pay off on idle cores.
  const workersFaster = threads.wallRatio < 1;
  const engineRun = workersFaster ? parallelRun : singleRun;

  // Polygon sites: full reports, timed one by one for percentiles before the Turf baselines fill the heap with GeoJSON.
  const sites = randomSites(random, siteCount);
  for (const site of sites.slice(0, 20)) screener.screen(site, projectType);
  const siteCosts: Cost[] = [];
  for (const site of sites) siteCosts.push(await measure(() => screener.screen(site, projectType)));
  const times = siteCosts.map((cost) => cost.wallMs).sort((a, b) => a - b);
  const cpuTimes = siteCosts.map((cost) => cost.cpuMs).sort((a, b) => a - b);
  const screenSites = () => {
    for (const site of sites) screener.screen(site, projectType);
  };
  const sitesRun = async () => perUnit(await measure(screenSites), siteCount);

  // Naive Turf: every zone for every point. Timed on points x sampled zones, extrapolated to all zones.
  const sampleZones = Array.from({ length: 200 }, () => Math.floor(random() * screener.zones.length));
  sampleZones.forEach(feature);
  const zoneScale = screener.zones.length / sampleZones.length;
  let naivePointsDone = 0;
  const naivePoints = await interleave(pairs, engineRun, async () => {
    const timed = await timeBoxed(
      Array.from({ length: 2000 }, (_, i) => i),
      (i) => {
        for (const zone of sampleZones) turf.booleanPointInPolygon([points[2 * i] as number, points[2 * i + 1] as number], feature(zone));
      },
    );
    naivePointsDone = timed.done;
    return perUnit(timed, timed.done / zoneScale);
  });

  // flatbush candidates + Turf point-in-polygon (GeoJSON built beforehand, outside the timing).
  const turfPoints = Array.from({ length: 50_000 }, (_, i) => i);
  for (const i of turfPoints.slice(0, 20_000)) {
    const [x, y] = [points[2 * i] as number, points[2 * i + 1] as number];
    screener.store.index.search(x, y, x, y).forEach(feature);
  }
  let flatbushPointsDone = 0;
  const flatbushPoints = await interleave(pairs, engineRun, async () => {
    const timed = await timeBoxed(turfPoints.slice(0, 20_000), (i) => {
      const [x, y] = [points[2 * i] as number, points[2 * i + 1] as number];
      for (const zone of screener.store.index.search(x, y, x, y)) turf.booleanPointInPolygon([x, y], feature(zone));
    });
    flatbushPointsDone = timed.done;
    return perUnit(timed, timed.done);
  });
  await pool.close();

  // Naive Turf for polygons: booleanIntersects, then intersect and area where they meet, against sampled zones.
  const againstTurf = (site: MultiPolygon, zones: number[]) => {
    const siteFeature = turf.feature(site);
    for (const zone of zones) {
      if (!turf.booleanIntersects(siteFeature, feature(zone))) continue;
      const overlap = turf.intersect(turf.featureCollection([siteFeature, feature(zone)]));
      if (overlap) turf.area(overlap);
    }
  };
  let naiveSitesDone = 0;
  const naiveSites = await interleave(pairs, sitesRun, async () => {
    const timed = await timeBoxed(sites, (site) => againstTurf(site, sampleZones));
    naiveSitesDone = timed.done;
    return perUnit(timed, timed.done / zoneScale);
  });
  const candidates = sites.map((site) => {
    const [x0, y0, x1, y1] = turf.bbox(site);
    const found = screener.store.index.search(x0, y0, x1, y1);
    found.forEach(feature);
    return found;
  });
  let flatbushSitesDone = 0;
  const flatbushSites = await interleave(pairs, sitesRun, async () => {
    const timed = await timeBoxed(
      sites.map((_, n) => n),
      (n) => againstTurf(sites[n] as MultiPolygon, candidates[n] as number[]),
    );
    flatbushSitesDone = timed.done;
    return perUnit(timed, timed.done);
  });

  const vertices = screener.store.rings.coords.length / 2;
  const perSecond = (cost: Cost) => `${rate(1000 / cost.wallMs)} points/s (${rate(1000 / cost.cpuMs)} per CPU-second)`;
  const perSite = (cost: Cost) => `${rate(cost.wallMs)} ms per site (${rate(cost.cpuMs)} ms CPU)`;
  const versus = (comparison: Comparison) => `-> engine ${ratioText(comparison)}`;
  console.log(
    `\n${count.toLocaleString('en')} synthetic zones + ${screener.zones.length - count} real ones: ${(vertices / 1e6).toFixed(1)}M vertices, built in ${buildSeconds.toFixed(1)} s; ${zonesPerPoint.toFixed(2)} zone hits per point`,
  );
  console.log(`  batch points, 1 thread        ${perSecond(threads.ours)}`);
  console.log(
    `  batch points, 2 workers       ${perSecond(threads.baseline)}  time per point, 2 workers / 1 thread: ${ratioText(threads)}; CPU in all threads; same verdicts and hits as 1 thread: ${agree}`,
  );
  console.log(
    `  naive Turf, every zone        ${perSecond(naivePoints.baseline)}  ${versus(naivePoints)} (engine: ${workersFaster ? '2 workers' : '1 thread'})  [${naivePointsDone} points x ${sampleZones.length} sampled zones, extrapolated]`,
  );
  console.log(
    `  flatbush + Turf               ${perSecond(flatbushPoints.baseline)}  ${versus(flatbushPoints)}  [${flatbushPointsDone} points]`,
  );
  console.log(
    `  polygon site, full report     p50 ${percentile(times, 0.5).toFixed(3)} ms, p99 ${percentile(times, 0.99).toFixed(3)} ms, mean ${naiveSites.ours.wallMs.toFixed(3)} ms  [${siteCount} sites; CPU time p50 ${percentile(cpuTimes, 0.5).toFixed(3)} ms, p99 ${percentile(cpuTimes, 0.99).toFixed(3)} ms]`,
  );
  console.log(
    `  naive Turf, every zone        ${perSite(naiveSites.baseline)}  ${versus(naiveSites)} (means)  [${naiveSitesDone} sites x ${sampleZones.length} sampled zones, extrapolated]`,
  );
  console.log(
    `  flatbush + Turf               ${perSite(flatbushSites.baseline)}  ${versus(flatbushSites)} (means)  [${flatbushSitesDone} sites]`,
  );
}

console.log(
  `Screening benchmark (${projectType}): ${pointCount.toLocaleString('en')} random points over the Inner Mongolia box; ${siteCount} polygon sites of 0.5-500 km² with 8-3,000 vertices.`,
);
console.log(
  'Zones: synthetic star polygons (median 150 vertices, radius 0.5-6 km, 1 in 10 with a hole, a few of 10k-32k vertices) plus the atlas datasets.',
);
const counts = process.argv.slice(2).map(Number);
for (const count of counts.length ? counts : [1_000, 10_000, 100_000]) await run(count);
console.log(
  `\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; RSS at the end ${(process.memoryUsage().rss / 2 ** 30).toFixed(2)} GiB; load average ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${(await import('node:os')).availableParallelism()} cores`,
);
