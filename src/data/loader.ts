import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature, FeatureCollection } from 'geojson';
import { manifestSchema, type DatasetEntry, type Manifest } from '../schema/manifest.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';

/** A dataset that could not be used, named so the atlas can tell the user which layer is missing. */
export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(readonly layerId: string, message: string) {
    super(message);
  }
}

export async function loadManifest(dataUrl: URL): Promise<Manifest> {
  const response = await fetch(new URL('manifest.json', dataUrl));
  if (!response.ok) throw new Error(`data manifest: HTTP ${response.status}`);
  const parsed = manifestSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`data manifest: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  // crypto.subtle exists only in secure contexts; an atlas served over plain HTTP from another host skips the check.
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetches one FlatGeobuf dataset whole, checks it against the manifest and the layer's schema. */
export async function loadDataset(entry: DatasetEntry, layer: LayerDefinition, dataUrl: URL): Promise<FeatureCollection> {
  const fail = (why: string) => new DatasetError(layer.id, `${layer.title.en} (${entry.file}): ${why}`);
  const response = await fetch(new URL(entry.file, dataUrl)).catch(() => undefined);
  if (!response?.ok) throw fail(`could not be downloaded${response ? ` (HTTP ${response.status})` : ''}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const digest = await sha256Hex(bytes);
  if (digest !== undefined && digest !== entry.sha256) throw fail('the file is corrupt (checksum differs from the manifest)');
  const features: Feature[] = [];
  try {
    for await (const feature of deserialize(bytes)) features.push(feature as Feature);
  } catch (error) {
    throw fail(`the file is not readable FlatGeobuf (${error instanceof Error ? error.message : String(error)})`);
  }
  if (features.length !== entry.featureCount) throw fail(`${features.length} features read, ${entry.featureCount} expected`);
  if (layer.properties) {
    const bad = features.find((feature) => !layer.properties!.safeParse(feature.properties).success);
    if (bad) throw fail(`feature ${String(bad.properties?.['id'] ?? '?')} does not match the layer's schema`);
  }
  return { type: 'FeatureCollection', features };
}
