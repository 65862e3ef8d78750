import { describe, expect, it } from 'vitest';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { writeIndexedFlatGeobuf } from '../../data/build/flatgeobuf-writer.ts';
import { SiteInputError } from './site-input-error.ts';
import { plainDegrees } from './csv-stream.ts';
import { idText } from './packed-ids.ts';
import { unpackedRecords } from './record-batch.ts';
import { seededRandom } from '../screening/seeded-random.ts';
import { MAX_RECORD_BYTES, recordBatches, siteRecordBatches, type StreamedRecord } from './stream.ts';
import type { StreamFormat } from './stream-format.ts';

async function* chunks(content: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** The records as plain data (places in English), read in chunks of the size given. */
async function read(format: StreamFormat, content: string | Uint8Array, size = 4096) {
  const records: { where: string; id: string; record: StreamedRecord['record']; point?: [number, number]; properties?: unknown }[] = [];
  for await (const batch of siteRecordBatches(format, chunks(content, size))) {
    for (const { where, id, record, point, properties } of batch)
      records.push({ where: where.en, id, record, ...(point ? { point } : {}), ...(properties ? { properties } : {}) });
  }
  return records;
}

const refusal = async (format: StreamFormat, content: string) => {
  const error = await read(format, content).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SiteInputError);
  return (error as SiteInputError).text;
};

const feature = (id: string, coordinates: number[], name = '') => ({
  type: 'Feature',
  id,
  properties: { name },
  geometry: { type: 'Point', coordinates },
});

describe('streamed CSV', () => {
  const csv =
    '\uFEFFid,name,lon,lat\r\na,"Hohhot, 呼和浩特",111.7,40.8\r\n\r\n"b ""2""","two\r\nlines",109°30\'E,40.5\r\n,,,\r\nc,x,107.1,39.5';

  it('reads the same records whatever the chunk size: a byte-order mark, CRLF, quoted commas, quotes and line breaks', async () => {
    const whole = await read('csv', csv);
    expect(whole).toEqual([
      { where: 'row 2 (lon, lat)', id: 'a', record: { kind: 'lonLat', longitude: '111.7', latitude: '40.8' }, point: [111.7, 40.8] },
      { where: 'row 4 (lon, lat)', id: 'b "2"', record: { kind: 'lonLat', longitude: "109°30'E", latitude: '40.5' } },
      { where: 'row 7 (lon, lat)', id: 'c', record: { kind: 'lonLat', longitude: '107.1', latitude: '39.5' }, point: [107.1, 39.5] },
    ]);
    for (const size of [1, 2, 3, 7, 64]) expect(await read('csv', csv, size)).toEqual(whole);
  });

  it('reads WKT rows, tab- or semicolon-separated', async () => {
    expect(await read('csv', 'name;wkt\nx;"SRID=4490;POINT (109.5 40.5)"\n')).toEqual([
      { where: 'row 2 (wkt)', id: 'x', record: { kind: 'wkt', text: 'SRID=4490;POINT (109.5 40.5)' } },
    ]);
    expect((await read('csv', 'id\tlon\tlat\n1\t109\t40\n'))[0]?.point).toEqual([109, 40]);
  });

  it('leaves numbers it cannot vouch for to the one reader', async () => {
    const records = await read('csv', 'lon,lat\n39.5,109.2\n5000,4000\n1e2,40\n');
    expect(records.map((record) => record.point)).toEqual([undefined, undefined, undefined]);
  });

  it('refuses an unclosed quote, a file with no coordinate columns, and a header alone', async () => {
    expect((await refusal('csv', 'id,lon,lat\n1,109,40\n"2,110,41\n')).en).toBe('row 3: a quoted field is never closed');
    expect((await refusal('csv', 'a,b\n1,2\n')).en).toMatch(/^row 1: no longitude\/latitude or WKT column among "a", "b"/);
    expect((await refusal('csv', 'lon,lat\n')).zh).toBe('CSV文件只有表头，没有数据行');
  });

  it('reads plain rows from their bytes as the text reader reads the same values quoted', async () => {
    // Rows 2-5 are read from bytes (no quote, ASCII only); the same values quoted (rows 7-10) go through the text
    // reader. Ids are trimmed, an empty one is the row number, a row of separators is skipped.
    const rows = ['  a b ,111.5,40.25', ',+109.000000000000001, 40', 'c;d,-0.0,0', '\t,120.123456789012345,49.9'];
    const quoted = rows.map((row) =>
      row
        .split(',')
        .map((cell) => `"${cell}"`)
        .join(','),
    );
    const records = await read('csv', `id,lon,lat\n${rows.join('\n')}\n, ,\n${quoted.join('\n')}\n`);
    expect(records.map((record) => [record.where, record.id, record.point])).toEqual([
      ['row 2 (lon, lat)', 'a b', [111.5, 40.25]],
      ['row 3 (lon, lat)', '3', [Number('109.000000000000001'), 40]],
      ['row 4 (lon, lat)', 'c;d', [-0, 0]],
      ['row 5 (lon, lat)', '5', [Number('120.123456789012345'), 49.9]],
      ['row 7 (lon, lat)', 'a b', [111.5, 40.25]],
      ['row 8 (lon, lat)', '8', [Number('109.000000000000001'), 40]],
      ['row 9 (lon, lat)', 'c;d', [-0, 0]],
      ['row 10 (lon, lat)', '10', [Number('120.123456789012345'), 49.9]],
    ]);
  });

  it('keeps a Chinese id and angles, and hands coordinates out of range to the one reader', async () => {
    const batches = [];
    for await (const batch of recordBatches('csv', chunks('编号,经度,纬度\n项目一,111.5,40.5\np2,40.5,111.5\np3,111°30′,40.5\n', 5)))
      batches.push(batch);
    const [batch] = batches;
    expect(batches).toHaveLength(1);
    expect([0, 1, 2].map((index) => idText(batch!.ids, index))).toEqual(['项目一', 'p2', 'p3']);
    expect(Array.from(batch!.lonLat.subarray(0, 2))).toEqual([111.5, 40.5]);
    expect(batch!.records.map((record) => record?.record)).toEqual([
      undefined,
      { kind: 'lonLat', longitude: '40.5', latitude: '111.5' },
      { kind: 'lonLat', longitude: '111°30′', latitude: '40.5' },
    ]);
  });

  it('parses plain degrees from bytes to the very number Number() makes of them, and nothing else', () => {
    const random = seededRandom(77);
    const encoder = new TextEncoder();
    const texts = ['1', '-0', '+7.5', ' 3.25 ', '0.1', '180', '9007199254740993', '1.7976931348623157', '0.30000000000000004'];
    for (let n = 0; n < 2000; n++) texts.push((random() * 360 - 180).toFixed(Math.floor(random() * 20)));
    for (const text of texts) {
      const bytes = encoder.encode(`,${text},`);
      expect(Object.is(plainDegrees(bytes, 1, bytes.length - 1), Number(text)), text).toBe(true);
    }
    for (const text of ['', ' ', '.5', '5.', '1e3', '1,5', '--1', '0x10', '1 2', '١']) {
      const bytes = encoder.encode(text);
      expect(plainDegrees(bytes, 0, bytes.length), text).toBeNaN();
    }
  });

  it('refuses a line longer than any record may be, before it is read whole', async () => {
    const text = await refusal('csv', `lon,lat\n${'9'.repeat(MAX_RECORD_BYTES + 1)}`);
    expect(text.en).toMatch(/^row 2: a record is longer than 16 MiB/);
  });
});

describe('streamed GeoJSON', () => {
  const collection = JSON.stringify(
    {
      type: 'FeatureCollection',
      name: 'sites {with] "brackets"',
      features: [
        feature('q', [109, 40], '}{"\\'),
        { type: 'Feature', properties: { id: 7 }, geometry: { type: 'Point', coordinates: [110, 41] } },
        feature('r', [111, 42]),
      ],
    },
    null,
    1,
  );

  it('cuts the features out one by one, whatever the chunk size and whatever their strings hold', async () => {
    const whole = await read('geojson', collection);
    expect(whole.map((record) => [record.where, record.id])).toEqual([
      ['feature 1', 'q'],
      ['feature 2', '7'],
      ['feature 3', 'r'],
    ]);
    expect(whole[0]?.record).toEqual({ kind: 'geometry', geometry: { type: 'Point', coordinates: [109, 40] } });
    for (const size of [1, 5, 13]) expect(await read('geojson', collection, size)).toEqual(whole);
  });

  it('finds the end of each string past escaped quotes and backslashes at any chunk boundary', async () => {
    const names = ['\\', '\\\\', '"', '\\"', '"\\', 'a\\"}]b', '\\\\"\\\\', '', '{"features":[', ']}'];
    const tricky = JSON.stringify({
      type: 'FeatureCollection',
      features: names.map((name, n) => ({ ...feature(`f${n}`, [109 + n / 10, 40]), properties: { id: `f${n}`, name, [name]: name } })),
    });
    const whole = await read('geojson', tricky);
    expect(whole.map((record) => record.id)).toEqual(names.map((_, n) => `f${n}`));
    for (let size = 1; size <= 17; size++) expect(await read('geojson', tricky, size)).toEqual(whole);
  });

  it('decodes ASCII chunks as they come and Chinese cut across chunks after them, with or without a byte-order mark', async () => {
    const mixed = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature('a', [109, 40]),
        feature('b', [110, 41], 'plain'),
        feature('呼和浩特', [111.7, 40.8], '鄂尔多斯'),
        feature('c', [107, 39]),
      ],
    });
    const whole = await read('geojson', mixed);
    expect(whole.map((record) => record.id)).toEqual(['a', 'b', '呼和浩特', 'c']);
    for (const size of [1, 2, 3, 5, 64, 97]) {
      expect(await read('geojson', mixed, size)).toEqual(whole);
      expect(await read('geojson', `\uFEFF${mixed}`, size)).toEqual(whole);
    }
    const lines = `${JSON.stringify(feature('a', [109, 40]))}\n${JSON.stringify(feature('乌海', [106.8, 39.7]))}\n`;
    for (const size of [1, 2, 7, 100]) expect((await read('geojsonl', lines, size)).map((record) => record.id)).toEqual(['a', '乌海']);
  });

  it('reads a single Feature or geometry as one record', async () => {
    expect(await read('geojson', JSON.stringify({ type: 'Point', coordinates: [109, 40] }), 3)).toEqual([
      {
        where: 'feature 1',
        id: '1',
        record: { kind: 'geometry', geometry: { type: 'Point', coordinates: [109, 40] } },
        // A point in degrees is read as the one reader would read it (screen-run.ts then skips that reader).
        point: [109, 40],
      },
    ]);
  });

  it('refuses a collection with no features, a feature that is not JSON, and text that is not GeoJSON', async () => {
    expect((await refusal('geojson', '{"type":"FeatureCollection","features":[]}')).en).toBe('the GeoJSON file has no features');
    expect((await refusal('geojson', '{"type":"FeatureCollection","features":[{"type":"Feature",]}')).en).toMatch(
      /^feature 1: not valid JSON/,
    );
    expect((await refusal('geojson', '{"hello": 1}')).en).toMatch(/not GeoJSON/);
  });

  it('keeps every feature of a chunk that holds more than a batch, plain points and others alike', async () => {
    const count = 9000;
    const lines = Array.from({ length: count }, (_, n) =>
      JSON.stringify(n % 7 === 0 ? feature(`f${n}`, [109, 40 + n / 1e5], '\\') : { ...feature(`f${n}`, [110, 41]), id: undefined }),
    );
    const collection = `{"type":"FeatureCollection","features":[${lines.join(',')}]}`;
    for (const [format, text] of [
      ['geojsonl', `${lines.join('\n')}\n`],
      ['geojson', collection],
    ] as const) {
      const records = await read(format, text, text.length);
      expect(records.map((record) => record.id)).toEqual(lines.map((_, n) => (n % 7 === 0 ? `f${n}` : String(n + 1))));
      expect(records[count - 1]?.where).toBe(format === 'geojson' ? `feature ${count}` : `row ${count}`);
      const batches = [];
      for await (const batch of recordBatches(format, chunks(text, text.length))) batches.push(batch);
      expect(batches.reduce((sum, batch) => sum + batch.count, 0)).toBe(count);
      const last = batches.at(-1)!;
      expect([idText(last.ids, last.count - 1), last.place(last.count - 1).en]).toEqual([
        String(count),
        format === 'geojson' ? `feature ${count}` : `row ${count}`,
      ]);
      expect(Array.from(last.lonLat.subarray(2 * last.count - 2))).toEqual([110, 41]);
    }
  });

  it('cuts GeoJSON and GeoJSON Lines into batches of the size asked for, whatever the chunking, for threads to take whole', async () => {
    // Plain points and features the one reader reads (an escape in the id), alike.
    const lines = Array.from({ length: 2500 }, (_, n) => JSON.stringify(feature(n % 5 ? `f${n}` : `f\\${n}`, [109, 40])));
    for (const [format, text] of [
      ['geojsonl', lines.map((line, n) => `${line}${n % 3 ? '\r\n' : '\n'}`).join('')],
      ['geojson', `{"type":"FeatureCollection","features":[${lines.join(',')}]}`],
    ] as const) {
      for (const size of [7, 4096, text.length]) {
        const counts = [];
        for await (const batch of recordBatches(format, chunks(text, size), 1024)) counts.push(batch.count);
        expect(counts, `${format} in chunks of ${size}`).toEqual([1024, 1024, 452]);
      }
    }
  });

  it('reads GeoJSON Lines, one feature or geometry a line, numbering the lines', async () => {
    const text = `${JSON.stringify(feature('a', [109, 40]))}\n\n\u001e${JSON.stringify({ type: 'Point', coordinates: [110, 41] })}\n`;
    expect((await read('geojsonl', text, 2)).map((record) => [record.where, record.id])).toEqual([
      ['row 1', 'a'],
      ['row 3', '3'],
    ]);
  });
});

describe('streamed FlatGeobuf', () => {
  /** A square polygon's coordinates, `size` degrees a side from (x, 40). */
  const square = (x: number, size: number) => [
    [
      [x, 40],
      [x + size, 40],
      [x + size, 40 + size],
      [x, 40 + size],
      [x, 40],
    ],
  ];

  it('reads the features of an indexed file, with their ids and properties', async () => {
    const features = [feature('a', [109, 40]), feature('b', [110, 41])].map((item) => ({
      ...item,
      properties: { id: item.id, name: 'x' },
    }));
    const bytes = writeIndexedFlatGeobuf({ type: 'FeatureCollection', features } as never, { name: 'sites' });
    const records = await read('flatgeobuf', bytes, 100);
    expect(records.map((record) => [record.where, record.id, record.record, record.properties])).toEqual([
      ['feature 1', 'a', { kind: 'geometry', geometry: { type: 'Point', coordinates: [109, 40] } }, { id: 'a', name: 'x' }],
      ['feature 2', 'b', { kind: 'geometry', geometry: { type: 'Point', coordinates: [110, 41] } }, { id: 'b', name: 'x' }],
    ]);
  });

  it('frames features across any chunking as flatgeobuf itself reads the file', async () => {
    // Points, and polygons of a few and of 20,000 vertices (a feature over 300 KB, longer than any chunk here).
    const large = Array.from({ length: 20_000 }, (_, n) => [
      110 + Math.cos((2 * Math.PI * n) / 20_000),
      41 + Math.sin((2 * Math.PI * n) / 20_000),
    ]);
    const features = [
      ...Array.from({ length: 300 }, (_, n) => ({ ...feature(`p${n}`, [108 + n / 100, 40 + n / 300]), properties: { id: `p${n}`, n } })),
      { type: 'Feature', properties: { id: 'small', n: -1 }, geometry: { type: 'Polygon', coordinates: square(109, 0.5) } },
      { type: 'Feature', properties: { id: 'large', n: -2 }, geometry: { type: 'Polygon', coordinates: [[...large, large[0]]] } },
    ];
    const bytes = writeIndexedFlatGeobuf({ type: 'FeatureCollection', features } as never, { name: 'sites' });
    const expected = [];
    for await (const item of deserialize(bytes) as AsyncGenerator<{ properties: { id: string } }>) expected.push(item);
    expect(expected).toHaveLength(302);
    for (const size of [1, 7, 4096, 65_536, bytes.length]) {
      const records = await read('flatgeobuf', bytes, size);
      expect(records.map((record) => record.id)).toEqual(expected.map((item) => item.properties.id));
      expect(records.map((record) => (record.record as { geometry: unknown }).geometry)).toEqual(
        expected.map((item) => (item as unknown as { geometry: unknown }).geometry),
      );
      // Packed for the screen command: points read in place as numbers, the polygons as records.
      const packed = [];
      for await (const batch of recordBatches('flatgeobuf', chunks(bytes, size))) packed.push(...unpackedRecords(batch));
      expect(packed.map((record) => [record.id, record.point ?? (record.record as { geometry: unknown }).geometry])).toEqual(
        expected.map((item) => {
          const { geometry } = item as unknown as { geometry: { type: string; coordinates: unknown } };
          return [item.properties.id, geometry.type === 'Point' ? geometry.coordinates : geometry];
        }),
      );
    }
  });

  it('cuts FlatGeobuf into batches of the size asked for, whatever the chunking, for threads to take whole', async () => {
    // Points read in place and polygons read as records, alike.
    const features = Array.from({ length: 2500 }, (_, n) =>
      n % 100 === 7
        ? { type: 'Feature', properties: { id: `g${n}` }, geometry: { type: 'Polygon', coordinates: square(109, 0.1) } }
        : { ...feature(`p${n}`, [108 + n / 1000, 40 + n / 3000]), properties: { id: `p${n}` } },
    );
    const bytes = writeIndexedFlatGeobuf({ type: 'FeatureCollection', features } as never, { name: 'sites' });
    for (const size of [7, 4096, bytes.length]) {
      const counts = [];
      for await (const batch of recordBatches('flatgeobuf', chunks(bytes, size), 1024)) counts.push(batch.count);
      expect(counts, `chunks of ${size}`).toEqual([1024, 1024, 452]);
    }
  });

  it('says where a cut file ends: in its header, its index or a feature', async () => {
    const bytes = writeIndexedFlatGeobuf(
      { type: 'FeatureCollection', features: [feature('a', [109, 40]), feature('b', [110, 41])] } as never,
      { name: 'sites' },
    );
    const cut = async (length: number) => {
      const error = await read('flatgeobuf', bytes.slice(0, length), 5).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SiteInputError);
      return (error as SiteInputError).text.en;
    };
    expect(await cut(20)).toBe('the FlatGeobuf file cannot be read: the file ends inside its header');
    expect(await cut(bytes.length - 3)).toBe('the FlatGeobuf file cannot be read: the file ends inside feature 2');
    const headerEnd = 12 + new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
    expect(await cut(headerEnd + 10)).toBe('the FlatGeobuf file cannot be read: the file ends inside its index');
  });

  it('refuses bytes that are not FlatGeobuf', async () => {
    expect((await refusal('flatgeobuf', 'not a flatgeobuf file')).en).toMatch(/not FlatGeobuf/);
  });
});
