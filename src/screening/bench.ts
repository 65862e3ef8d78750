/**
 * Screening benchmark: `npx tsx src/screening/bench.ts`. Seeded synthetic zones (1k, 10k, 100k star-shaped
 * polygons over the Inner Mongolia box, added to the real datasets) against 1M random points in batch and
 * 200 polygon sites, with naive Turf and flatbush + Turf for comparison. Prints one table per zone count.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon as GeoMultiPolygon } from 'geojson';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { toMultiPolygon } from './clip-fallback.ts';
import { PointPool } from './parallel-points.ts';
import { createScreener, type Screener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';
import { innerMongoliaBox, starRing, syntheticZones } from './synthetic-zones.ts';

const projectType = 'steel';
const pointCount = 1_000_000;
const siteCount = 200;

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

/** Project sites of 0.5-500 km² with 8-3,000 vertices. */
function randomSites(random: () => number, count: number): GeoMultiPolygon[] {
  const [x0, y0, x1, y1] = innerMongoliaBox;
  return Array.from({ length: count }, () => {
    const radiusKm = Math.sqrt((0.5 * 1000 ** random()) / Math.PI);
    const vertices = Math.round(8 * 375 ** random());
    const ring = starRing(random, x0 + (x1 - x0) * random(), y0 + (y1 - y0) * random(), radiusKm / 111, vertices);
    const positions = Array.from({ length: vertices + 1 }, (_, i) => [ring[(2 * i) % ring.length] as number, ring[(2 * i + 1) % ring.length] as number]);
    return { type: 'MultiPolygon', coordinates: [[positions]] };
  });
}

const zoneFeatures = new Map<number, Feature<GeoMultiPolygon>>();
function zoneFeature(screener: Screener, zone: number): Feature<GeoMultiPolygon> {
  let feature = zoneFeatures.get(zone);
  if (!feature) {
    const { store } = screener;
    const coordinates = toMultiPolygon(store.rings, store.zoneRingStart[zone] as number, store.zoneRingStart[zone + 1] as number);
    feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates } };
    zoneFeatures.set(zone, feature);
  }
  return feature;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
const format = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));

function timeTurfPolygon(screener: Screener, site: GeoMultiPolygon, zones: number[]): number {
  const siteFeature = turf.feature(site);
  for (const zone of zones) zoneFeature(screener, zone);
  const start = performance.now();
  for (const zone of zones) {
    const feature = zoneFeature(screener, zone);
    if (!turf.booleanIntersects(siteFeature, feature)) continue;
    const overlap = turf.intersect(turf.featureCollection([siteFeature, feature]));
    if (overlap) turf.area(overlap);
  }
  return performance.now() - start;
}

async function run(count: number): Promise<void> {
  zoneFeatures.clear();
  const buildStart = performance.now();
  const screener = createScreener({
    collections, seeds, dataVersion, shared: true, extraZones: syntheticZones(seededRandom(count), count),
  });
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const vertices = screener.store.rings.coords.length / 2;
  const random = seededRandom(7 + count);
  const points = randomPoints(random, pointCount);

  let start = performance.now();
  const single = screener.screenPoints(points, projectType);
  const singleRate = pointCount / ((performance.now() - start) / 1000);
  const pool = new PointPool(screener, 2);
  await pool.screenPoints(points.subarray(0, 2000), projectType);
  start = performance.now();
  const parallel = await pool.screenPoints(points, projectType);
  await pool.close();
  const parallelRate = pointCount / ((performance.now() - start) / 1000);
  const agree = single.verdicts.every((code, i) => code === parallel.verdicts[i]) && single.hitZones.length === parallel.hitZones.length;

  // Naive Turf: every zone for every point. Timed on a sample of zones and points, extrapolated to all zones.
  const sampleZones = Array.from({ length: 300 }, () => Math.floor(random() * screener.zones.length));
  for (const zone of sampleZones) zoneFeature(screener, zone);
  start = performance.now();
  for (let i = 0; i < 1000; i++) {
    const point = [points[2 * i] as number, points[2 * i + 1] as number];
    for (const zone of sampleZones) turf.booleanPointInPolygon(point, zoneFeature(screener, zone));
  }
  const naivePointRate = 1 / ((performance.now() - start) / 1000 / (1000 * sampleZones.length) * screener.zones.length);

  // flatbush candidates + Turf point-in-polygon, on the first 20,000 points.
  const turfPoints = 20_000;
  const candidates: number[][] = [];
  for (let i = 0; i < turfPoints; i++) {
    const [x, y] = [points[2 * i] as number, points[2 * i + 1] as number];
    const found = screener.store.index.search(x, y, x, y);
    for (const zone of found) zoneFeature(screener, zone);
    candidates.push(found);
  }
  start = performance.now();
  for (let i = 0; i < turfPoints; i++) {
    const [x, y] = [points[2 * i] as number, points[2 * i + 1] as number];
    for (const zone of screener.store.index.search(x, y, x, y)) turf.booleanPointInPolygon([x, y], zoneFeature(screener, zone));
  }
  const flatbushTurfPointRate = turfPoints / ((performance.now() - start) / 1000);

  const sites = randomSites(random, siteCount);
  for (const site of sites.slice(0, 10)) screener.screen(site, projectType);
  const times = sites.map((site) => {
    const t = performance.now();
    screener.screen(site, projectType);
    return performance.now() - t;
  }).sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  const p99 = percentile(times, 0.99);

  // Naive Turf for polygons: booleanIntersects, intersect and area against every zone; 3 sites x 300 zones, extrapolated.
  let naiveMs = 0;
  for (const site of sites.slice(0, 3)) naiveMs += timeTurfPolygon(screener, site, sampleZones);
  const naivePolygonMs = (naiveMs / 3 / sampleZones.length) * screener.zones.length;
  // flatbush candidates + Turf, on 50 sites.
  const turfSites = sites.slice(0, 50);
  let flatbushTurfMs = 0;
  for (const site of turfSites) {
    const [x0, y0, x1, y1] = turf.bbox(site);
    flatbushTurfMs += timeTurfPolygon(screener, site, screener.store.index.search(x0, y0, x1, y1));
  }
  const meanEngine = times.reduce((a, b) => a + b, 0) / times.length;
  const flatbushTurfPolygonMs = flatbushTurfMs / turfSites.length;

  console.log(`\n${count.toLocaleString('en')} synthetic zones (+ ${screener.zones.length - count} real): ${(vertices / 1e6).toFixed(1)}M vertices, built in ${buildSeconds.toFixed(1)} s`);
  console.log(`  batch points, 1 thread      ${format(singleRate)} points/s`);
  console.log(`  batch points, 2 workers     ${format(parallelRate)} points/s   (same verdicts as 1 thread: ${agree})`);
  console.log(`  naive Turf (extrapolated)   ${format(naivePointRate)} points/s   -> engine x${format(parallelRate / naivePointRate)}`);
  console.log(`  flatbush + Turf             ${format(flatbushTurfPointRate)} points/s   -> engine x${format(parallelRate / flatbushTurfPointRate)}`);
  console.log(`  polygon site, full report   p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, mean ${meanEngine.toFixed(3)} ms (${siteCount} sites)`);
  console.log(`  naive Turf (extrapolated)   ${format(naivePolygonMs)} ms per site   -> engine x${format(naivePolygonMs / meanEngine)} (means)`);
  console.log(`  flatbush + Turf             ${format(flatbushTurfPolygonMs)} ms per site   -> engine x${format(flatbushTurfPolygonMs / meanEngine)} (means, 50 sites)`);
}

console.log('Screening benchmark: project type steel, 1,000,000 random points over the Inner Mongolia box, 200 polygon sites');
console.log('(0.5-500 km², 8-3,000 vertices). Naive Turf is timed on 300 sampled zones and extrapolated to all of them.');
for (const count of [1_000, 10_000, 100_000]) await run(count);
const memory = process.memoryUsage();
console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; peak-ish RSS ${(memory.rss / 2 ** 30).toFixed(2)} GiB`);
