/**
 * FlatGeobuf writer with a packed Hilbert R-tree spatial index.
 *
 * flatgeobuf's own `serialize()` writes `index_node_size = 0` (no index), so
 * bbox reads (`deserialize(url, { rect })`, HTTP Range requests) fail on its
 * output. This writer follows the FlatGeobuf specification
 * (https://github.com/flatgeobuf/flatgeobuf, README "Specification"):
 *
 *   magic bytes | size-prefixed Header | packed Hilbert R-tree | size-prefixed Features
 *
 * It reuses flatgeobuf's generated flatbuffers table builders and its
 * `packedrtree` layout helpers, so the index layout is exactly what its reader
 * (and GDAL's) expects.
 *
 * Limitations: GeoJSON `feature.id` is not stored (the format has no feature id;
 * a feature's id is its position); null geometries are rejected because every
 * feature needs a bbox in the index.
 */
import * as flatbuffers from 'flatbuffers';
import type { Feature as GeoJsonFeature, FeatureCollection, Geometry as GeoJsonGeometry, Position } from 'geojson';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Feature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { Geometry } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { calcTreeSize, generateLevelBounds, NODE_ITEM_BYTE_LEN } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { hilbertIndex } from '../../src/geodesy/hilbert.ts';

export interface FlatGeobufWriteOptions {
  /** Layer name; also written as the header title. */
  name: string;
  description?: string;
}

/** Spec default and what GDAL writes: 16 children per R-tree node. */
export const INDEX_NODE_SIZE = 16;

type Bbox = [minX: number, minY: number, maxX: number, maxY: number];
interface ColumnDef {
  name: string;
  type: ColumnType;
}

const textEncoder = new TextEncoder();

export function writeIndexedFlatGeobuf(collection: FeatureCollection, options: FlatGeobufWriteOptions): Uint8Array {
  const features = collection.features;
  features.forEach((f, i) => {
    if (!f.geometry) throw new Error(`Feature ${i} has no geometry; a FlatGeobuf index needs a bbox per feature`);
  });
  const geometries = features.map((f) => f.geometry as GeoJsonGeometry);
  const hasZ = geometries.some((g) => anyPosition(g, (p) => p.length > 2));
  const columns = inferColumns(features);

  // Spec "Index": items are sorted by the Hilbert value of their bbox centre,
  // computed on a 2^16 x 2^16 grid over the extent of all items.
  const bboxes = geometries.map(geometryBbox);
  const extent = bboxes.reduce<Bbox>(unionBbox, [Infinity, Infinity, -Infinity, -Infinity]);
  // Empty geometries sort last (2^32 is past every 32-bit Hilbert value).
  const hilbertValues = bboxes.map((b) => (isEmptyBbox(b) ? 2 ** 32 : hilbertOfCentre(b, extent)));
  // Array.prototype.sort is stable, so ties keep input order: deterministic output.
  const order = features.map((_, i) => i).sort((a, b) => hilbertValues[a]! - hilbertValues[b]!);

  // Features in Hilbert order, each a size-prefixed flatbuffer (spec "Features").
  const builder = new flatbuffers.Builder(1024);
  const featureBytes = order.map((i) => {
    builder.clear();
    return buildFeature(builder, geometries[i]!, features[i]!.properties, columns, hasZ);
  });

  const header = buildHeader(builder, options, geometries, columns, features.length, hasZ, extent);
  const tree =
    features.length > 0
      ? buildPackedRTree(
          order.map((i) => bboxes[i]!),
          featureBytes,
        )
      : new Uint8Array(0);

  const featuresLength = featureBytes.reduce((sum, f) => sum + f.length, 0);
  const out = new Uint8Array(magicbytes.length + header.length + tree.length + featuresLength);
  let offset = 0;
  for (const part of [magicbytes, header, tree, ...featureBytes]) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---------------------------------------------------------------- header

function buildHeader(
  b: flatbuffers.Builder,
  options: FlatGeobufWriteOptions,
  geometries: GeoJsonGeometry[],
  columns: ColumnDef[],
  featuresCount: number,
  hasZ: boolean,
  extent: Bbox,
): Uint8Array {
  b.clear();
  // Spec "Header": geometry_type is the common type, or Unknown when mixed
  // (then each feature geometry carries its own type).
  const types = new Set(geometries.map((g) => geometryTypeOf(g)));
  const geometryType = types.size === 1 ? [...types][0]! : GeometryType.Unknown;

  const columnOffsets = columns.map((c) => {
    const name = b.createString(c.name);
    Column.startColumn(b);
    Column.addName(b, name);
    Column.addType(b, c.type);
    return Column.endColumn(b);
  });
  const columnsVector = columnOffsets.length > 0 ? Header.createColumnsVector(b, columnOffsets) : 0;

  const org = b.createString('EPSG');
  Crs.startCrs(b);
  Crs.addOrg(b, org);
  Crs.addCode(b, 4326);
  const crs = Crs.endCrs(b);

  const name = b.createString(options.name);
  const title = b.createString(options.name);
  const description = options.description !== undefined ? b.createString(options.description) : 0;
  const envelope = isEmptyBbox(extent) ? 0 : Header.createEnvelopeVector(b, extent);

  Header.startHeader(b);
  Header.addName(b, name);
  if (envelope) Header.addEnvelope(b, envelope);
  Header.addGeometryType(b, geometryType);
  Header.addHasZ(b, hasZ);
  if (columnsVector) Header.addColumns(b, columnsVector);
  Header.addFeaturesCount(b, BigInt(featuresCount));
  // An empty file cannot hold a tree (calcTreeSize/generateLevelBounds need >= 1
  // item), so it says "no index" (0) instead. 16 is the schema default, which
  // flatbuffers omits from the buffer; readers then see the default, 16.
  Header.addIndexNodeSize(b, featuresCount > 0 ? INDEX_NODE_SIZE : 0);
  Header.addCrs(b, crs);
  Header.addTitle(b, title);
  if (description) Header.addDescription(b, description);
  b.finishSizePrefixed(Header.endHeader(b));
  return b.asUint8Array().slice();
}

// ---------------------------------------------------------------- columns / properties

type ValueKind = 'bool' | 'int' | 'double' | 'string' | 'json';

function kindOf(v: unknown): ValueKind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') {
    const isInt32 = Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 && !Object.is(v, -0);
    return isInt32 ? 'int' : 'double';
  }
  return 'json';
}

/** Columns in order of first appearance; one type per column over all non-null values. */
function inferColumns(features: GeoJsonFeature[]): ColumnDef[] {
  const kinds = new Map<string, Set<ValueKind>>();
  for (const f of features) {
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      let set = kinds.get(key);
      if (!set) {
        set = new Set();
        kinds.set(key, set);
      }
      if (value !== null && value !== undefined) set.add(kindOf(value));
    }
  }
  return [...kinds].map(([name, set]) => {
    const only = (...allowed: ValueKind[]) => [...set].every((k) => allowed.includes(k));
    let type: ColumnType;
    if (set.size === 0 || only('string'))
      type = ColumnType.String; // all-null columns: String
    else if (only('bool')) type = ColumnType.Bool;
    else if (only('int')) type = ColumnType.Int;
    else if (only('int', 'double')) type = ColumnType.Double;
    // Objects, arrays and columns mixing kinds are stored as JSON text, which
    // round-trips every value exactly.
    else type = ColumnType.Json;
    return { name, type };
  });
}

/**
 * Spec "Properties": a byte vector of (uint16 column index, value) pairs,
 * little endian; strings and JSON as uint32 byte length + UTF-8. Absent and
 * null values are simply left out.
 */
function encodeProperties(props: GeoJsonFeature['properties'], columns: ColumnDef[]): Uint8Array {
  const entries: Array<{ index: number; type: ColumnType; value: unknown; text?: Uint8Array }> = [];
  let size = 0;
  columns.forEach((c, index) => {
    const value = props?.[c.name];
    if (value === null || value === undefined) return;
    const entry: (typeof entries)[number] = { index, type: c.type, value };
    if (c.type === ColumnType.String) entry.text = textEncoder.encode(value as string);
    if (c.type === ColumnType.Json) entry.text = textEncoder.encode(JSON.stringify(value));
    size += 2 + (entry.text ? 4 + entry.text.length : c.type === ColumnType.Bool ? 1 : c.type === ColumnType.Int ? 4 : 8);
    entries.push(entry);
  });
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let o = 0;
  for (const e of entries) {
    view.setUint16(o, e.index, true);
    o += 2;
    if (e.text) {
      view.setUint32(o, e.text.length, true);
      bytes.set(e.text, o + 4);
      o += 4 + e.text.length;
    } else if (e.type === ColumnType.Bool) {
      view.setUint8(o, e.value ? 1 : 0);
      o += 1;
    } else if (e.type === ColumnType.Int) {
      view.setInt32(o, e.value as number, true);
      o += 4;
    } else {
      view.setFloat64(o, e.value as number, true);
      o += 8;
    }
  }
  return bytes;
}

// ---------------------------------------------------------------- features / geometry

function buildFeature(
  b: flatbuffers.Builder,
  geometry: GeoJsonGeometry,
  props: GeoJsonFeature['properties'],
  columns: ColumnDef[],
  hasZ: boolean,
): Uint8Array {
  const properties = encodeProperties(props, columns);
  const propertiesVector = properties.length > 0 ? Feature.createPropertiesVector(b, properties) : 0;
  const geometryOffset = buildGeometry(b, geometry, hasZ);
  Feature.startFeature(b);
  Feature.addGeometry(b, geometryOffset);
  if (propertiesVector) Feature.addProperties(b, propertiesVector);
  b.finishSizePrefixed(Feature.endFeature(b));
  return b.asUint8Array().slice();
}

function geometryTypeOf(g: GeoJsonGeometry): GeometryType {
  return GeometryType[g.type];
}

/**
 * Spec "Geometry": coordinates flattened into `xy` (and `z`); `ends` holds the
 * end index (in coordinate pairs) of each ring/line and may be omitted when
 * there is only one. MultiPolygon and GeometryCollection use `parts`.
 */
function buildGeometry(b: flatbuffers.Builder, g: GeoJsonGeometry, hasZ: boolean): flatbuffers.Offset {
  let parts: flatbuffers.Offset[] | undefined;
  let lines: Position[][] = [];
  switch (g.type) {
    case 'Point':
      lines = [[g.coordinates]];
      break;
    case 'LineString':
    case 'MultiPoint':
      lines = [g.coordinates];
      break;
    case 'Polygon':
    case 'MultiLineString':
      lines = g.coordinates;
      break;
    case 'MultiPolygon':
      parts = g.coordinates.map((rings) => buildGeometry(b, { type: 'Polygon', coordinates: rings }, hasZ));
      break;
    case 'GeometryCollection':
      parts = g.geometries.map((part) => buildGeometry(b, part, hasZ));
      break;
  }
  if (parts) {
    const partsVector = Geometry.createPartsVector(b, parts);
    Geometry.startGeometry(b);
    Geometry.addParts(b, partsVector);
    Geometry.addType(b, geometryTypeOf(g));
    return Geometry.endGeometry(b);
  }
  const xy: number[] = [];
  const z: number[] = [];
  const ends: number[] = [];
  for (const line of lines) {
    for (const p of line) {
      xy.push(p[0]!, p[1]!);
      if (hasZ) {
        if (p[2] === undefined) throw new Error('Mixed 2D and 3D coordinates are not supported');
        z.push(p[2]);
      }
    }
    ends.push(xy.length / 2);
  }
  const endsVector = ends.length > 1 ? Geometry.createEndsVector(b, ends) : 0;
  const xyVector = Geometry.createXyVector(b, xy);
  const zVector = hasZ ? Geometry.createZVector(b, z) : 0;
  Geometry.startGeometry(b);
  if (endsVector) Geometry.addEnds(b, endsVector);
  Geometry.addXy(b, xyVector);
  if (zVector) Geometry.addZ(b, zVector);
  Geometry.addType(b, geometryTypeOf(g));
  return Geometry.endGeometry(b);
}

// ---------------------------------------------------------------- bbox / Hilbert / R-tree

/** Visits positions until `test` returns true. */
function anyPosition(g: GeoJsonGeometry, test: (p: Position) => boolean): boolean {
  switch (g.type) {
    case 'Point':
      return test(g.coordinates);
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates.some(test);
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.some((l) => l.some(test));
    case 'MultiPolygon':
      return g.coordinates.some((rings) => rings.some((l) => l.some(test)));
    case 'GeometryCollection':
      return g.geometries.some((part) => anyPosition(part, test));
  }
}

function geometryBbox(g: GeoJsonGeometry): Bbox {
  const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  anyPosition(g, (p) => {
    const [x, y] = p as [number, number];
    if (x < bbox[0]) bbox[0] = x;
    if (y < bbox[1]) bbox[1] = y;
    if (x > bbox[2]) bbox[2] = x;
    if (y > bbox[3]) bbox[3] = y;
    return false;
  });
  return bbox;
}

/** Empty geometries get an inverted bbox: no rect query can match it. */
function isEmptyBbox(b: Bbox): boolean {
  return !(b[0] <= b[2] && b[1] <= b[3]);
}

function unionBbox(a: Bbox, b: Bbox): Bbox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

const HILBERT_ORDER = 16;
const HILBERT_MAX = 2 ** HILBERT_ORDER - 1;

function hilbertOfCentre(b: Bbox, extent: Bbox): number {
  const width = extent[2] - extent[0];
  const height = extent[3] - extent[1];
  const x = width > 0 ? Math.floor((HILBERT_MAX * ((b[0] + b[2]) / 2 - extent[0])) / width) : 0;
  const y = height > 0 ? Math.floor((HILBERT_MAX * ((b[1] + b[3]) / 2 - extent[1])) / height) : 0;
  return hilbertIndex(x, y, HILBERT_ORDER);
}

/**
 * Spec "Index": a packed R-tree stored root first, level by level, leaves last.
 * Each node is 40 bytes: minX, minY, maxX, maxY (float64) and a uint64 offset.
 * A leaf's offset is its feature's byte offset from the start of the features
 * section; an inner node's offset is the node index of its first child. Node j
 * of a parent level covers children j*16 .. j*16+15 of the level below.
 */
function buildPackedRTree(leafBboxes: Bbox[], featureBytes: Uint8Array[]): Uint8Array {
  const n = leafBboxes.length;
  const bytes = new Uint8Array(calcTreeSize(n, INDEX_NODE_SIZE));
  const view = new DataView(bytes.buffer);
  const numNodes = bytes.length / NODE_ITEM_BYTE_LEN;
  const bounds = new Float64Array(numNodes * 4);
  const setNode = (node: number, box: ArrayLike<number>, offset: number) => {
    for (let k = 0; k < 4; k++) bounds[node * 4 + k] = box[k]!;
    const at = node * NODE_ITEM_BYTE_LEN;
    for (let k = 0; k < 4; k++) view.setFloat64(at + k * 8, box[k]!, true);
    view.setBigUint64(at + 32, BigInt(offset), true);
  };

  const levels = generateLevelBounds(n, INDEX_NODE_SIZE); // [start, end) per level, leaves first
  const [leafStart] = levels[0]!;
  let featureOffset = 0;
  leafBboxes.forEach((box, i) => {
    setNode(leafStart + i, box, featureOffset);
    featureOffset += featureBytes[i]!.length;
  });

  for (let level = 1; level < levels.length; level++) {
    const [childStart, childEnd] = levels[level - 1]!;
    const [parentStart, parentEnd] = levels[level]!;
    for (let parent = parentStart; parent < parentEnd; parent++) {
      const first = childStart + (parent - parentStart) * INDEX_NODE_SIZE;
      const last = Math.min(first + INDEX_NODE_SIZE, childEnd);
      const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
      for (let c = first; c < last; c++) {
        box[0] = Math.min(box[0], bounds[c * 4]!);
        box[1] = Math.min(box[1], bounds[c * 4 + 1]!);
        box[2] = Math.max(box[2], bounds[c * 4 + 2]!);
        box[3] = Math.max(box[3], bounds[c * 4 + 3]!);
      }
      setNode(parent, box, first);
    }
  }
  return bytes;
}
