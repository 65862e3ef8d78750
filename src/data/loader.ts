import type { FeatureCollection } from 'geojson';
import { manifestSchema, type DatasetEntry, type Manifest } from '../schema/manifest.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import { DatasetError, verifiedDataset } from './flatgeobuf.ts';

export { DatasetError };

/** The served manifest, checked: a missing, unreadable or invalid one fails with a message that says which. */
export async function loadManifest(dataUrl: URL): Promise<Manifest> {
  const response = await fetch(new URL('manifest.json', dataUrl)).catch(() => undefined);
  if (!response?.ok)
    throw new Error(`data manifest (manifest.json): could not be downloaded${response ? ` (HTTP ${response.status})` : ''}`);
  // A server that answers every path with the page (a missing file behind a fallback) gives HTML, not JSON.
  const json: unknown = await response.json().catch(() => undefined);
  if (json === undefined) throw new Error('data manifest (manifest.json): the file is not JSON (missing or corrupt)');
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`data manifest (manifest.json): ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

/**
 * The bytes' SHA-256, always: crypto.subtle exists only in secure contexts (HTTPS, localhost), so an atlas served over
 * plain HTTP from another host uses the kept pure-JavaScript digest instead of skipping the check. That digest loads
 * only there, so the first script of a page served securely does not carry it.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    const [{ sha256 }, { bytesToHex }] = await Promise.all([import('@noble/hashes/sha2.js'), import('@noble/hashes/utils.js')]);
    return bytesToHex(sha256(bytes));
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Fetches one FlatGeobuf dataset whole and checks it (flatgeobuf.ts: checksum, count, the layer's schema). */
export async function loadDataset(entry: DatasetEntry, layer: LayerDefinition, dataUrl: URL): Promise<FeatureCollection> {
  const response = await fetch(new URL(entry.file, dataUrl)).catch(() => undefined);
  if (!response?.ok)
    throw new DatasetError(
      layer.id,
      `${layer.title.en} (${entry.file}): could not be downloaded${response ? ` (HTTP ${response.status})` : ''}`,
    );
  const bytes = new Uint8Array(await response.arrayBuffer());
  return verifiedDataset(bytes, await sha256Hex(bytes), entry, layer);
}
