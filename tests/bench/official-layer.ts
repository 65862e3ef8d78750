/**
 * Official-layer benchmark: `npx tsx tests/bench/official-layer.ts [polygons]` (default 100000). A seeded synthetic
 * official layer (tests/bench/synthetic-official.ts) is imported as FlatGeobuf through the same import as the atlas's
 * worker and the CLI, then screened on. Each figure is set against the same work on the bundled layers in the same
 * run, interleaved A B A B (tests/bench/interleave.ts): import per vertex against importing the bundled zone layers
 * as an official layer, memory held, and screening against the bundled layers alone (batch points, polygon sites).
 */
import { geojson as flatgeobuf } from 'flatgeobuf';
import type { FeatureCollection, Polygon } from 'geojson';
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { importOfficialLayer } from '../../src/official/import-layer.ts';
import type { OfficialLayer } from '../../src/official/official-layer.ts';
import type { ZoneProfile } from '../../src/official/profile.ts';
import { withOfficialLayers } from '../../src/official/screening-input.ts';
import { createScreener, type Screener } from '../../src/screening/screener.ts';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { innerMongoliaBox, starRing } from '../../src/screening/synthetic-zones.ts';
import { type Cost, interleave, measure, perUnit, ratioText } from './interleave.ts';
import { ring, syntheticOfficialLayer, vertexCount as vertices } from './synthetic-official.ts';

const count = Number(process.argv[2] ?? 100_000);
const random = seededRandom(13);
const [x0, y0, x1, y1] = innerMongoliaBox;
const profile: ZoneProfile = {
  version: 1,
  kind: 'ecological-red-line',
  nameAttribute: 'name',
  codeAttribute: 'code',
  accuracyKm: 0.05,
  mappedBy: 'bench',
  crs: 'EPSG:4490',
};

const { collection: synthetic, bytes: syntheticBytes } = syntheticOfficialLayer(count, random);
const syntheticVertices = vertices(synthetic);

const collections = await readCollections();
const seeds = readSeeds();
const dataVersion = readManifest().version;
// The bundled zone layers, as one layer file of the same format: the same import, on the data the atlas ships.
const bundledZones: FeatureCollection = {
  type: 'FeatureCollection',
  features: [...collections.values()]
    .flatMap((collection) => collection.features)
    .filter(
      (feature) =>
        feature.properties?.['zone_kind'] && feature.properties['aggregate'] !== true && feature.geometry?.type.endsWith('Polygon'),
    )
    .map((feature) => ({
      type: 'Feature',
      geometry: feature.geometry,
      properties: { name: String(feature.properties?.['id']), code: String(feature.properties?.['id']) },
    })),
};
const bundledBytes = flatgeobuf.serialize(bundledZones as FeatureCollection<Polygon>);
const bundledVertices = vertices(bundledZones);
const importedAt = new Date().toISOString();
const load = (file: string, bytes: Uint8Array) => importOfficialLayer({ file, bytes, profile, importedAt });

console.log(
  `official layer: ${count.toLocaleString('en')} polygons, ${syntheticVertices.toLocaleString('en')} vertices, ${(syntheticBytes.length / 2 ** 20).toFixed(1)} MB FlatGeobuf`,
);
console.log(`bundled zone layers: ${bundledZones.features.length} polygons, ${bundledVertices.toLocaleString('en')} vertices`);

// Import: per vertex, the synthetic layer against the bundled zones (2 pairs: a 100k import takes a while).
const imported = await interleave(
  2,
  async () => perUnit(await measure(() => load('synthetic.fgb', syntheticBytes)), syntheticVertices),
  async () => perUnit(await measure(() => load('bundled.fgb', bundledBytes)), bundledVertices),
);
const ms = (cost: Cost, scale: number) => `${(cost.wallMs * scale).toFixed(2)} ms wall, ${(cost.cpuMs * scale).toFixed(2)} ms CPU`;
console.log(
  `import: ${((imported.ours.wallMs * syntheticVertices) / 1000).toFixed(1)} s wall, ${((imported.ours.cpuMs * syntheticVertices) / 1000).toFixed(1)} s CPU for the whole layer (${(imported.ours.wallMs * 1e6).toFixed(0)} ns/vertex); bundled ${(imported.baseline.wallMs * 1e6).toFixed(0)} ns/vertex; per-vertex ratio ${ratioText(imported)}`,
);

// Memory held by the imported layer (and its screener), measured around a fresh import.
const heap = () => {
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
const before = heap();
const kept = await load('synthetic.fgb', syntheticBytes);
const afterImport = heap();
const screenerOn = (layers: OfficialLayer[]): Screener =>
  createScreener({ ...withOfficialLayers(collections, seeds, layers), dataVersion });
const built = await measure(() => screenerOn([kept]));
const afterScreener = heap();
const bundledBuilt = await measure(() => screenerOn([]));
console.log(
  `memory: layer ${((afterImport - before) / 2 ** 20).toFixed(0)} MB, its screener ${((afterScreener - afterImport) / 2 ** 20).toFixed(0)} MB${globalThis.gc ? '' : ' (run with node --expose-gc for exact figures)'}`,
);
console.log(`screener build: ${ms(built, 1)} with the layer, ${ms(bundledBuilt, 1)} on the bundled layers alone`);

// Screening: the same points and sites, with the official layer and on the bundled layers alone.
const withLayer = built.result;
const bundledOnly = bundledBuilt.result;
const points = new Float64Array(2 * 200_000);
for (let n = 0; n < points.length; n += 2) {
  points[n] = x0 + (x1 - x0) * random();
  points[n + 1] = y0 + (y1 - y0) * random();
}
const batchOf = (screener: Screener) => async () => perUnit(await measure(() => screener.screenPoints(points, 'steel')), 1);
const batch = await interleave(3, batchOf(withLayer), batchOf(bundledOnly));
console.log(
  `batch screening of 200,000 points: ${ms(batch.ours, 1)} with the layer, ${ms(batch.baseline, 1)} bundled only; bundled/official ${ratioText(batch)}`,
);
const sites = Array.from({ length: 200 }, () => ({
  type: 'Polygon',
  coordinates: [ring(starRing(random, x0 + (x1 - x0) * random(), y0 + (y1 - y0) * random(), 2 / 111, 40))],
}));
const screenSites = (screener: Screener) => async () =>
  perUnit(
    await measure(() => {
      for (const site of sites) screener.screen(site, 'steel');
    }),
    sites.length,
  );
const polygons = await interleave(3, screenSites(withLayer), screenSites(bundledOnly));
console.log(
  `polygon sites (2 km, 40 vertices), full report: ${ms(polygons.ours, 1)} per site with the layer, ${ms(polygons.baseline, 1)} bundled only; bundled/official ${ratioText(polygons)}`,
);
