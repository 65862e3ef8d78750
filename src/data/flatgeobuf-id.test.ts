import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { Feature as FlatFeature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { parseProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { describe, expect, it } from 'vitest';
import { featureId, propertiesOf } from './flatgeobuf-id.ts';

/** Column types by flatgeobuf's ColumnType number. */
const [byte, ubyte, bool, short, ushort, int, uint, long, ulong, float, double, string, json, dateTime, binary] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
] as const;

const column = (name: string, type: number) => ({ name, type }) as unknown as ColumnMeta;

/** A property buffer as FlatGeobuf lays it out: (uint16 column, value) pairs, little-endian, texts after their uint32 length. */
function properties(pairs: [column: number, type: number, value: unknown][]): Uint8Array {
  const bytes = new Uint8Array(1024);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const [index, type, value] of pairs) {
    view.setUint16(at, index, true);
    at += 2;
    const size = writeFixed(view, at, type, value);
    if (size > 0) {
      at += size;
      continue;
    }
    const text = value instanceof Uint8Array ? value : new TextEncoder().encode(value as string);
    view.setUint32(at, text.length, true);
    bytes.set(text, at + 4);
    at += 4 + text.length;
  }
  return bytes.slice(0, at);
}

/** Per fixed-size column type (Byte .. Double), the DataView setter of its values and their bytes. */
const setters: [method: keyof DataView, bytes: number][] = [
  ['setInt8', 1],
  ['setUint8', 1],
  ['setUint8', 1],
  ['setInt16', 2],
  ['setUint16', 2],
  ['setInt32', 4],
  ['setUint32', 4],
  ['setBigInt64', 8],
  ['setBigUint64', 8],
  ['setFloat32', 4],
  ['setFloat64', 8],
];

/** Writes a fixed-size value at `at`; returns its bytes, 0 for a type whose value is a length and bytes. */
function writeFixed(view: DataView, at: number, type: number, value: unknown): number {
  const setter = setters[type];
  if (!setter) return 0;
  const [method, bytes] = setter;
  const written = type === bool ? Number(value) : type === long || type === ulong ? BigInt(value as number) : value;
  (view[method] as (at: number, value: unknown, littleEndian: boolean) => void).call(view, at, written, true);
  return bytes;
}

/** The parts of a FlatGeobuf feature that the property readers call. */
const featureOf = (bytes: Uint8Array | null) =>
  ({ propertiesArray: () => bytes, propertiesLength: () => bytes?.length ?? 0 }) as unknown as FlatFeature;

/** The id as the stream reader took it from the library's properties: a string or a number, else none. */
function libraryId(bytes: Uint8Array | null, columns: ColumnMeta[]): string | number | undefined {
  const id = parseProperties(featureOf(bytes), columns)['id'];
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

describe('a FlatGeobuf feature id read alone', () => {
  const cases: [what: string, type: number, value: unknown][] = [
    ['a byte', byte, -7],
    ['an unsigned byte', ubyte, 200],
    ['a bool', bool, true],
    ['a short', short, -12_345],
    ['an unsigned short', ushort, 54_321],
    ['an int', int, -2_000_000_000],
    ['an unsigned int', uint, 4_000_000_000],
    ['a long', long, 2 ** 53 - 1],
    ['an unsigned long', ulong, 2 ** 60],
    ['a float', float, 0.1],
    ['a double', double, 1234.5678],
    ['an ASCII string', string, 'site-42'],
    ['a Chinese string', string, '棋盘井-项目1'],
    ['a string over 32 bytes', string, 'a-very-long-site-identifier-from-a-bureau-0001'],
    ['invalid UTF-8', string, new Uint8Array([0x70, 0xff, 0x31])],
    ['an empty string', string, ''],
    ['a date', dateTime, '2026-12-02T10:00:00Z'],
    ['JSON text', json, '"from-json"'],
    ['a JSON number', json, '17'],
    ['a JSON object', json, '{"code":1}'],
    ['binary', binary, new Uint8Array([1, 2, 3])],
  ];

  it.each(cases)('is the one the library reads, for %s, before and after other columns of every type', (_, type, value) => {
    const columns = [column('name', string), column('area', double), column('id', type), column('n', long), column('ok', bool)];
    const bytes = properties([
      [0, string, '名称'],
      [1, double, 2.5],
      [2, type, value],
      [3, long, 9],
      [4, bool, false],
    ]);
    const expected = libraryId(bytes, columns);
    expect(featureId(bytes, columns)).toEqual(expected);
    expect(propertiesOf(bytes, columns)).toEqual(parseProperties(featureOf(bytes), columns));
  });

  it('reads ids the way the library does, where they are typed: a text stays text and a number a number', () => {
    const columns = [column('id', int)];
    expect(featureId(properties([[0, int, 42]]), columns)).toBe(42);
    expect(featureId(properties([[0, string, '042']]), [column('id', string)])).toBe('042');
  });

  it('has no id where the feature has no id value, no properties, or no columns; a repeated id counts last', () => {
    const columns = [column('name', string), column('id', string)];
    expect(featureId(properties([[0, string, 'x']]), columns)).toBeUndefined();
    expect(featureId(null, columns)).toBeUndefined();
    expect(featureId(properties([[0, string, 'x']]), [])).toBeUndefined();
    const twice = properties([
      [1, string, 'first'],
      [1, string, 'second'],
    ]);
    expect(featureId(twice, columns)).toBe('second');
    expect(libraryId(twice, columns)).toBe('second');
  });

  it('refuses a column type it does not know, as the library does', () => {
    const bytes = properties([[0, 99, 1]]);
    expect(() => featureId(bytes, [column('id', 99)])).toThrow('Unknown type 99');
    expect(() => parseProperties(featureOf(bytes), [column('id', 99)])).toThrow('Unknown type 99');
  });
});
