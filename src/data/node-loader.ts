/** Node side of data loading: the CLI, the benchmarks and the tests read the same served files as the atlas, checked the same way. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import { layerDefinitions } from '../../layers/registry.ts';
import { manifestSchema, type Manifest } from '../schema/manifest.ts';
import { type ScreeningSeed, screeningSeedSchema, seedSchema, type Seed } from '../schema/seed.ts';
import { seedIds } from './seed-files.ts';
import { DatasetError, verifiedDataset } from './flatgeobuf.ts';

/** The nearest folder above this module with a package.json: src/data from source, node_modules/.cache/atlas-cli from the CLI's bundle. */
function nearestPackage(folder: string): string {
  if (existsSync(join(folder, 'package.json'))) return folder;
  const parent = dirname(folder);
  if (parent === folder) throw new Error(`no package.json above ${import.meta.dirname}`);
  return nearestPackage(parent);
}

export const projectRoot = nearestPackage(import.meta.dirname);

/** Where the served data lies. */
const dataFolder = (root: string) => join(root, 'public', 'data');

export function readManifest(root = projectRoot): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(join(dataFolder(root), 'manifest.json'), 'utf8')));
}

/** The datasets of the manifest whose layers `wanted` accepts, in its order, each with its layer and bytes. */
function* wantedDatasets(root: string, manifest: Manifest, wanted: (layer: LayerDefinition) => boolean) {
  for (const dataset of manifest.datasets) {
    const layer = layerDefinitions.find((candidate) => candidate.id === dataset.id);
    if (!layer) throw new DatasetError(dataset.id, `${dataset.file}: no layer is defined for dataset ${dataset.id}`);
    if (wanted(layer)) yield { dataset, layer, bytes: new Uint8Array(readFileSync(join(dataFolder(root), dataset.file))) };
  }
}

/**
 * Every dataset of public/data, by id, as GeoJSON, each verified against the manifest and its layer's schema; with
 * `wanted`, only the datasets of the layers it accepts (zoneLayer: those that may hold zones).
 */
export async function readCollections(
  root = projectRoot,
  wanted: (layer: LayerDefinition) => boolean = () => true,
): Promise<Map<string, FeatureCollection>> {
  const collections = new Map<string, FeatureCollection>();
  for (const { dataset, layer, bytes } of wantedDatasets(root, readManifest(root), wanted)) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    collections.set(dataset.id, await verifiedDataset(bytes, sha256, dataset, layer));
  }
  return collections;
}

/**
 * A hash of the manifest's bytes and those of the datasets `wanted` accepts: what any reading of them gives, checks
 * against the manifest included, is a function of it (the screen command keys its packed zones by it,
 * src/cli/zone-cache.ts).
 */
export function datasetsKey(root = projectRoot, wanted: (layer: LayerDefinition) => boolean = () => true): string {
  const manifestBytes = readFileSync(join(dataFolder(root), 'manifest.json'));
  const hash = createHash('sha256').update('datasets\n').update(manifestBytes);
  const manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  for (const { dataset, bytes } of wantedDatasets(root, manifest, wanted)) hash.update(`\n${dataset.id}\n`).update(bytes);
  return hash.digest('hex').slice(0, 32);
}

/**
 * Whether a layer's dataset may hold zones (features with a zone_kind, src/screening/zones.ts): every layer but the
 * base map's (countries, provinces, the region's outline, rivers, lakes, towns), which a test holds to none. The screen
 * command reads only these: the base map's datasets are 1.0 of the 1.7 MB served, read, hashed and checked for nothing
 * (a one-point run on one thread, 40 alternate pairs: medians 0.47 against 0.45 s wall, 0.635 against 0.605 s CPU).
 */
export const zoneLayer = (layer: LayerDefinition): boolean => layer.theme !== 'base';

/** A seed file of seeds/ as read: its document id and its text. */
export interface SeedText {
  id: string;
  text: string;
}

/**
 * Every seed file of seeds/ as read, in order of document id: the screen command reads them once for both its rules
 * (screeningSeedsOf) and its row templates' key (seedsKey), the five files' 435 kB it read twice before.
 */
export const readSeedTexts = (root = projectRoot): SeedText[] =>
  seedIds(join(root, 'seeds')).map((id) => ({ id, text: readFileSync(join(root, 'seeds', `${id}.json`), 'utf8') }));

/** A hash of the seed files' texts (readSeedTexts): whatever is made from the seeds is a function of it. */
export function seedsKey(texts: readonly SeedText[]): string {
  const hash = createHash('sha256').update('seeds');
  for (const { id, text } of texts) hash.update(`\n${id}\n`).update(text);
  return hash.digest('hex').slice(0, 32);
}

/** Every seed file of seeds/, validated, in order of document id. */
export const readSeeds = (root = projectRoot): Seed[] => readSeedTexts(root).map(({ text }) => seedSchema.parse(JSON.parse(text)));

/** What screening reads of each seed file's text (screeningSeedSchema), validated, in the texts' order. */
export const screeningSeedsOf = (texts: readonly SeedText[]): ScreeningSeed[] =>
  texts.map(({ text }) => screeningSeedSchema.parse(JSON.parse(text)));
