/** Node side of data loading: the CLI, the benchmarks and the tests read the same served files as the atlas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature, FeatureCollection } from 'geojson';
import { manifestSchema, type Manifest } from '../schema/manifest.ts';
import { seedSchema, type Seed } from '../schema/seed.ts';

export const projectRoot = join(import.meta.dirname, '..', '..');

export function readManifest(root = projectRoot): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(join(root, 'public', 'data', 'manifest.json'), 'utf8')));
}

/** Every dataset of public/data, by id, as GeoJSON. */
export async function readCollections(root = projectRoot): Promise<Map<string, FeatureCollection>> {
  const manifest = readManifest(root);
  const collections = new Map<string, FeatureCollection>();
  for (const dataset of manifest.datasets) {
    const features: Feature[] = [];
    const bytes = new Uint8Array(readFileSync(join(root, 'public', 'data', dataset.file)));
    for await (const feature of deserialize(bytes)) features.push(feature as Feature);
    collections.set(dataset.id, { type: 'FeatureCollection', features });
  }
  return collections;
}

/** The five seed files, validated. */
export function readSeeds(root = projectRoot): Seed[] {
  const ids = ['hinggan-climate-14th', 'nm-carbon-peak-opinions', 'nm-energy-saving-13th', 'nm-ecology-14th', 'ordos-pollution-carbon'];
  return ids.map((id) => seedSchema.parse(JSON.parse(readFileSync(join(root, 'seeds', `${id}.json`), 'utf8'))));
}
