import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { Feature as FlatFeature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { parseProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';

/**
 * A FlatGeobuf feature's "id" property without its other properties. The library's parseProperties makes an object
 * of every property, decoding each string: about 0.5 s of the command's thread (profiled) for a million points,
 * which only need the id. Values are read as parseProperties reads them (flatgeobuf's ColumnType, little-endian),
 * so that an id is the same text either way.
 */

/** Bytes of a value of each ColumnType (Byte .. Binary); 0 for the types whose value is prefixed with its length. */
const valueBytes = [1, 1, 1, 2, 2, 4, 4, 8, 8, 4, 8, 0, 0, 0, 0];
const [boolType, stringType, jsonType, dateTimeType] = [2, 11, 12, 13];

const decoder = new TextDecoder();

/** A little-endian unsigned 32-bit number of FlatGeobuf's bytes, read without a DataView made for every feature. */
export const uint32At = (bytes: Uint8Array, at: number) =>
  ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0;

/** Per column, whether it is named "id", for the header's columns last seen (the same array for every feature of a file). */
let idColumnsOf: ColumnMeta[] | undefined;
let idColumns: boolean[] = [];

/**
 * The "id" property in a feature's property bytes when it is a string or a number (as GeoJSON's would be), else
 * undefined. As parseProperties, a property given twice counts the last time; a Json id counts when it parses to a
 * string or a number.
 */
export function featureId(bytes: Uint8Array | null, columns: ColumnMeta[] | null): string | number | undefined {
  if (!columns || columns.length === 0 || !bytes) return undefined;
  if (columns !== idColumnsOf) {
    idColumnsOf = columns;
    idColumns = columns.map((column) => column.name === 'id');
  }
  let id: string | number | undefined;
  let offset = 0;
  while (offset < bytes.length) {
    const column = (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8);
    offset += 2;
    const type = columns[column]?.type as number;
    if (!(type >= 0 && type < valueBytes.length)) throw new Error(`Unknown type ${type}`);
    const size = valueBytes[type] as number;
    if (size > 0) {
      if (idColumns[column]) id = type === boolType ? undefined : numberAt(bytes, offset, type);
      offset += size;
      continue;
    }
    const length = uint32At(bytes, offset);
    offset += 4;
    if (idColumns[column]) {
      id = type === stringType || type === dateTimeType ? text(bytes, offset, offset + length) : undefined;
      if (type === jsonType) {
        const parsed: unknown = JSON.parse(decoder.decode(bytes.subarray(offset, offset + length)));
        id = typeof parsed === 'string' || typeof parsed === 'number' ? parsed : undefined;
      }
    }
    offset += length;
  }
  return id;
}

/** A fixed-size number as parseProperties reads it (a 64-bit integer as the nearest double); ids are seldom numbers. */
function numberAt(bytes: Uint8Array, at: number, type: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case 0:
      return view.getInt8(at);
    case 1:
      return view.getUint8(at);
    case 3:
      return view.getInt16(at, true);
    case 4:
      return view.getUint16(at, true);
    case 5:
      return view.getInt32(at, true);
    case 6:
      return view.getUint32(at, true);
    case 7:
      return Number(view.getBigInt64(at, true));
    case 8:
      return Number(view.getBigUint64(at, true));
    case 9:
      return view.getFloat32(at, true);
    default:
      return view.getFloat64(at, true);
  }
}

/** UTF-8 as text: a short ASCII one by char codes, which costs less than the decoder's call (ids are mostly a few bytes). */
function text(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > 32) return decoder.decode(bytes.subarray(from, to));
  let result = '';
  for (let at = from; at < to; at++) {
    const byte = bytes[at] as number;
    if (byte > 127) return decoder.decode(bytes.subarray(from, to));
    result += String.fromCharCode(byte);
  }
  return result;
}

/** A feature's properties from their bytes (kept from the feature), as parseProperties makes them. */
export function propertiesOf(bytes: Uint8Array | null, columns: ColumnMeta[] | null): Record<string, unknown> {
  const feature = { propertiesArray: () => bytes, propertiesLength: () => bytes?.length ?? 0 };
  return parseProperties(feature as unknown as FlatFeature, columns);
}
