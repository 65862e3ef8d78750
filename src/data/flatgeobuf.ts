/**
 * The one FlatGeobuf reader: the atlas's datasets (browser and Node), the CLI's inputs and uploaded sites all read
 * features through here, and every dataset is checked against its manifest entry (checksum, feature count) and its
 * layer's schema wherever it is read.
 */
import { deserialize, deserializeStream } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { fromFeature } from 'flatgeobuf/lib/mjs/geojson/feature.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import type { DatasetEntry } from '../schema/manifest.ts';

/** "fgb", version 3, "fgb", then a patch version: the FlatGeobuf file signature. */
export const isFlatGeobuf = (bytes: Uint8Array) => [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62].every((byte, index) => bytes[index] === byte);

/**
 * The features of FlatGeobuf bytes or a byte stream, in file order; `header` receives the header first. The byte and
 * stream readers are called by name: flatgeobuf's `deserialize` also routes URLs to its HTTP range reader, which the
 * atlas never uses and whose code (with its async-iterator library) would otherwise ride in the page's first script.
 */
export function flatGeobufFeatures(
  source: Uint8Array | ReadableStream<Uint8Array>,
  header?: (meta: HeaderMeta) => void,
): AsyncGenerator<Feature> {
  const context = { fromFeature, ...(header ? { headerMetaFn: header } : {}) };
  return (source instanceof Uint8Array ? deserialize(source, context) : deserializeStream(source, context)) as AsyncGenerator<Feature>;
}

/** A dataset that could not be used, named so the atlas can tell the user which layer is missing. */
export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(
    readonly layerId: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A dataset's bytes as GeoJSON, checked: `sha256` is the bytes' hex digest, compared with the manifest's; then the
 * feature count and every feature against the layer's schema.
 */
export async function verifiedDataset(
  bytes: Uint8Array,
  sha256: string,
  entry: DatasetEntry,
  layer: LayerDefinition,
): Promise<FeatureCollection> {
  const fail = (why: string) => new DatasetError(layer.id, `${layer.title.en} (${entry.file}): ${why}`);
  if (sha256 !== entry.sha256) throw fail('the file is corrupt (checksum differs from the manifest)');
  const features: Feature[] = [];
  try {
    for await (const feature of flatGeobufFeatures(bytes)) features.push(feature);
  } catch (error) {
    throw fail(`the file is not readable FlatGeobuf (${error instanceof Error ? error.message : String(error)})`);
  }
  if (features.length !== entry.featureCount) throw fail(`${features.length} features read, ${entry.featureCount} expected`);
  const schema = layer.properties;
  if (schema) {
    const bad = features.find((feature) => !schema.safeParse(feature.properties).success);
    if (bad) throw fail(`feature ${String(bad.properties?.['id'] ?? '?')} does not match the layer's schema`);
  }
  return { type: 'FeatureCollection', features };
}
