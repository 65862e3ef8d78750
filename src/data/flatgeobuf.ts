/**
 * The one FlatGeobuf reader: the atlas's datasets (browser and Node), the CLI's inputs and uploaded sites all read
 * features through here, and every dataset is checked against its manifest entry (checksum, feature count) and its
 * layer's schema wherever it is read.
 */
import { ByteBuffer } from 'flatbuffers';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { Feature as FlatFeature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { Geometry as FlatGeometry } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry.js';
import { deserialize } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { fromFeature } from 'flatgeobuf/lib/mjs/geojson/feature.js';
import { fromByteBuffer, type HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import type { DatasetEntry } from '../schema/manifest.ts';
import { featureId, uint32At } from './flatgeobuf-id.ts';

/** "fgb", version 3, "fgb", then a patch version: the FlatGeobuf file signature. */
export const isFlatGeobuf = (bytes: Uint8Array) => [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62].every((byte, index) => bytes[index] === byte);

/**
 * The features of FlatGeobuf bytes, in file order; `header` receives the header first (a byte stream goes through
 * flatGeobufFeatureBatches). The byte reader is called by name: flatgeobuf's `deserialize` also routes URLs to its
 * HTTP range reader, which the atlas never uses and whose code (with its async-iterator library) would otherwise ride
 * in the page's first script.
 */
export function flatGeobufFeatures(source: Uint8Array, header?: (meta: HeaderMeta) => void): AsyncGenerator<Feature> {
  return deserialize(source, { fromFeature, ...(header ? { headerMetaFn: header } : {}) }) as AsyncGenerator<Feature>;
}

/** Bytes that do not begin with FlatGeobuf's signature. */
export class NotFlatGeobufError extends Error {
  override name = 'NotFlatGeobufError';
  constructor() {
    super('the first bytes are not a FlatGeobuf signature');
  }
}

/** Bytes held until `needed` of them have come: a feature that spans many chunks is joined once, not once per chunk. */
class ByteQueue {
  private parts: Uint8Array[] = [];
  length = 0;

  push(chunk: Uint8Array): void {
    this.parts.push(chunk);
    this.length += chunk.length;
  }

  /** The bytes held, as one array (joined only when there are several parts). */
  joined(): Uint8Array {
    if (this.parts.length > 1) {
      const whole = new Uint8Array(this.length);
      let at = 0;
      for (const part of this.parts) {
        whole.set(part, at);
        at += part.length;
      }
      this.parts = [whole];
    }
    return this.parts[0] ?? new Uint8Array(0);
  }

  /** Keeps only the bytes from `start` on. */
  drop(start: number): void {
    const rest = this.joined().subarray(start);
    this.parts = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
  }
}

/**
 * A feature whose geometry is a point of two coordinates, read without making its GeoJSON: its "id" property (featureId)
 * and its properties' bytes, which propertiesOf decodes for a caller that needs them all.
 */
export interface PlainPoint {
  x: number;
  y: number;
  id: string | number | undefined;
  propertyBytes: Uint8Array | null;
  columns: ColumnMeta[] | null;
}

/** FlatGeobuf's GeometryType.Point. */
const pointType = 1;

/**
 * The features of a FlatGeobuf byte stream, a batch for each chunk that completes some. flatgeobuf's stream reader
 * awaits twice for every feature (a million points took 4.6 s to read alone, against 2.1 s as GeoJSON Lines): here the
 * features whole in the bytes read so far are decoded in one synchronous pass, by the library's own header, feature
 * and property decoders. Only the framing is ours: the header's length, the index skipped, each feature's length
 * prefix. With `plainPoints`, a feature whose geometry is a point of two coordinates comes as a PlainPoint: its
 * numbers read from the buffer in place, with no copy of the feature and no GeoJSON made (those were most of the cost
 * of a million points).
 */
export function flatGeobufFeatureBatches(chunks: AsyncIterable<Uint8Array>, header?: (meta: HeaderMeta) => void): AsyncGenerator<Feature[]>;
export function flatGeobufFeatureBatches(
  chunks: AsyncIterable<Uint8Array>,
  header: ((meta: HeaderMeta) => void) | undefined,
  plainPoints: true,
): AsyncGenerator<(Feature | PlainPoint)[]>;
export async function* flatGeobufFeatureBatches(
  chunks: AsyncIterable<Uint8Array>,
  header?: (meta: HeaderMeta) => void,
  plainPoints = false,
): AsyncGenerator<(Feature | PlainPoint)[]> {
  const queue = new ByteQueue();
  let meta: HeaderMeta | undefined;
  let indexBytes = 0;
  let needed = 12;
  let id = 0;
  // Reused from feature to feature: the flatbuffers accessors only point into the bytes.
  const flat = new FlatFeature();
  const geometry = new FlatGeometry();
  for await (const chunk of chunks) {
    queue.push(chunk);
    if (queue.length < needed) continue;
    const bytes = queue.joined();
    let at = 0;
    if (!meta) {
      if (!isFlatGeobuf(bytes)) throw new NotFlatGeobufError();
      const headerEnd = 12 + uint32At(bytes, 8);
      if (bytes.length < headerEnd) {
        needed = headerEnd;
        continue;
      }
      meta = fromByteBuffer(new ByteBuffer(bytes.slice(8, headerEnd)));
      header?.(meta);
      indexBytes = meta.indexNodeSize > 0 && meta.featuresCount > 0 ? calcTreeSize(meta.featuresCount, meta.indexNodeSize) : 0;
      at = headerEnd;
    }
    const skipped = Math.min(indexBytes, bytes.length - at);
    indexBytes -= skipped;
    at += skipped;
    const features: (Feature | PlainPoint)[] = [];
    const inPlace = plainPoints ? new ByteBuffer(bytes) : undefined;
    needed = 4;
    while (indexBytes === 0 && bytes.length - at >= 4) {
      const end = at + 4 + uint32At(bytes, at);
      if (end > bytes.length) {
        needed = end - at;
        break;
      }
      const point = inPlace && plainPoint(inPlace, at, flat, geometry, meta);
      // Else a copy of its own: the decoder's coordinate arrays are typed views, aligned from the feature's first byte.
      features.push(
        point || (fromFeature(id, FlatFeature.getSizePrefixedRootAsFeature(new ByteBuffer(bytes.slice(at, end))), meta) as Feature),
      );
      id++;
      at = end;
    }
    queue.drop(at);
    if (features.length > 0) yield features;
  }
  if (!meta) throw new Error('the file ends inside its header');
  if (indexBytes > 0) throw new Error('the file ends inside its index');
  if (queue.length > 0) throw new Error(`the file ends inside feature ${id + 1}`);
}

/**
 * The feature at `at` of `bytes` as a PlainPoint when its geometry is a point of two coordinates (no z, no parts; an m
 * value is left out of GeoJSON anyway).
 */
function plainPoint(bytes: ByteBuffer, at: number, flat: FlatFeature, geometry: FlatGeometry, meta: HeaderMeta): PlainPoint | undefined {
  bytes.setPosition(at);
  FlatFeature.getSizePrefixedRootAsFeature(bytes, flat);
  if (!flat.geometry(geometry)) return undefined;
  // As the library's own geometry reader: the header's type, unless it leaves each feature to give its own.
  const type = meta.geometryType === 0 ? geometry.type() : meta.geometryType;
  if (type !== pointType || geometry.xyLength() !== 2 || geometry.zLength() > 0 || geometry.partsLength() > 0) return undefined;
  const { columns } = meta;
  const propertyBytes = flat.propertiesArray();
  return { x: geometry.xy(0) as number, y: geometry.xy(1) as number, id: featureId(propertyBytes, columns), propertyBytes, columns };
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
