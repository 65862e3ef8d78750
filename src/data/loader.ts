import type { FeatureCollection } from 'geojson';
import { manifestSchema, type DatasetEntry, type Manifest } from '../schema/manifest.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import { DatasetError, verifiedDataset } from './flatgeobuf.ts';

export { DatasetError };

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

/** Fetches one FlatGeobuf dataset whole and checks it (flatgeobuf.ts: checksum, count, the layer's schema). */
export async function loadDataset(entry: DatasetEntry, layer: LayerDefinition, dataUrl: URL): Promise<FeatureCollection> {
  const response = await fetch(new URL(entry.file, dataUrl)).catch(() => undefined);
  if (!response?.ok) throw new DatasetError(layer.id, `${layer.title.en} (${entry.file}): could not be downloaded${response ? ` (HTTP ${response.status})` : ''}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return verifiedDataset(bytes, await sha256Hex(bytes), entry, layer);
}
