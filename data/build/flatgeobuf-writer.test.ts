import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, Polygon } from 'geojson';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Rect } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeIndexedFlatGeobuf } from './flatgeobuf-writer.ts';

// flatgeobuf's index search logs every step with console.debug.
beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

/** Deterministic PRNG (mulberry32) so the random fixture is the same on every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const feature = (geometry: Geometry, properties: GeoJsonProperties): Feature => ({ type: 'Feature', geometry, properties });

const mixed: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    feature(
      { type: 'Point', coordinates: [111.5, 40.8] },
      { id: 1, name: '呼和浩特', pop: 3_000_000_000, capital: true, tags: ['city', 'capital'] },
    ),
    feature(
      {
        type: 'LineString',
        coordinates: [
          [109.8, 40.6],
          [111.6, 40.8],
          [113.1, 41.0],
        ],
      },
      { id: 2, name: 'road', ratio: 0.25 },
    ),
    feature(
      {
        type: 'Polygon',
        coordinates: [
          [
            [106, 38],
            [110, 38],
            [110, 41],
            [106, 41],
            [106, 38],
          ],
          [
            [107, 39],
            [108, 39],
            [108, 40],
            [107, 39],
          ],
        ],
      },
      { id: 3, name: 'with hole', meta: { source: 'test', level: 2, nested: { ok: null } }, capital: false },
    ),
    feature(
      {
        type: 'MultiPoint',
        coordinates: [
          [120, 45],
          [121, 46],
        ],
      },
      { id: 4, pop: 12, tags: [] },
    ),
    feature(
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [115, 43],
            [116, 44],
          ],
          [
            [117, 44],
            [118, 45],
            [119, 45.5],
          ],
        ],
      },
      { id: 5, name: null, ratio: 1 },
    ),
    feature(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [122, 48],
              [123, 48],
              [123, 49],
              [122, 48],
            ],
          ],
          [
            [
              [124, 50],
              [125, 50],
              [125, 51],
              [124, 51],
              [124, 50],
            ],
            [
              [124.2, 50.2],
              [124.4, 50.2],
              [124.4, 50.4],
              [124.2, 50.2],
            ],
          ],
        ],
      },
      { id: 6 },
    ),
  ],
};

async function readAll(input: Uint8Array | string, rect?: Rect, onHeader?: (h: HeaderMeta) => void): Promise<Feature[]> {
  const out: Feature[] = [];
  const options = { ...(rect ? { rect } : {}), ...(onHeader ? { headerMetaFn: onHeader } : {}) };
  for await (const f of deserialize(input, options)) out.push(f as Feature);
  return out;
}

const byId = (features: Feature[]) => new Map(features.map((f) => [f.properties?.['id'] as number, f]));
const withoutNulls = (p: GeoJsonProperties) => Object.fromEntries(Object.entries(p ?? {}).filter(([, v]) => v !== null));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Brute-force bbox of the random fixture's (single-ring) polygons. */
function bboxOf(g: Geometry): [number, number, number, number] {
  const ring = (g as Polygon).coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const intersects = (b: [number, number, number, number], r: Rect) => b[0] <= r.maxX && b[2] >= r.minX && b[1] <= r.maxY && b[3] >= r.minY;

/** ~2,000 small random triangles and squares over Inner Mongolia's lon/lat box. */
function randomPolygons(count: number, seed: number): FeatureCollection {
  const rand = rng(seed);
  const features = Array.from({ length: count }, (_, id) => {
    const x = 97 + rand() * 29;
    const y = 37 + rand() * 16;
    const s = 0.01 + rand() * 0.3;
    const ring =
      rand() < 0.5
        ? [
            [x, y],
            [x + s, y],
            [x + s, y + s],
            [x, y + s],
            [x, y],
          ]
        : [
            [x, y],
            [x + s, y],
            [x, y + s],
            [x, y],
          ];
    const properties: GeoJsonProperties = { id, code: `P${id}`, area: s * s };
    if (rand() < 0.3) properties['flag'] = rand() < 0.5;
    return feature({ type: 'Polygon', coordinates: [ring] }, properties);
  });
  return { type: 'FeatureCollection', features };
}

describe('writeIndexedFlatGeobuf', () => {
  it('round-trips every geometry type and property type', async () => {
    let header: HeaderMeta | undefined;
    const bytes = writeIndexedFlatGeobuf(mixed, { name: 'mixed', description: 'fixture' });
    const read = byId(await readAll(bytes, undefined, (h) => (header = h)));

    expect(read.size).toBe(mixed.features.length);
    for (const f of mixed.features) {
      const back = read.get(f.properties?.['id'] as number);
      expect(back?.geometry).toEqual(f.geometry);
      expect(back?.properties).toEqual(withoutNulls(f.properties)); // absent/null values are omitted
    }

    expect(header).toMatchObject({ indexNodeSize: 16, featuresCount: 6, geometryType: 0, title: 'mixed', description: 'fixture' });
    expect(header?.crs).toMatchObject({ org: 'EPSG', code: 4326 });
    expect(Array.from(header?.envelope ?? [])).toEqual([106, 38, 125, 51]);
    const types = Object.fromEntries(header!.columns!.map((c) => [c.name, c.type]));
    expect(types).toEqual({
      id: ColumnType.Int,
      name: ColumnType.String,
      pop: ColumnType.Double, // 3e9 does not fit an int32
      capital: ColumnType.Bool,
      tags: ColumnType.Json,
      ratio: ColumnType.Double,
      meta: ColumnType.Json,
    });
  });

  it('stores objects/arrays as JSON text that parses back to the value', async () => {
    const bytes = writeIndexedFlatGeobuf(mixed, { name: 'mixed' });
    const meta = mixed.features[2]!.properties!['meta'];
    // The raw file holds the JSON string; flatgeobuf's reader JSON.parses Json columns.
    const text = JSON.stringify(meta);
    expect(Buffer.from(bytes).includes(Buffer.from(text))).toBe(true);
    expect(JSON.parse(text)).toEqual(meta);
    const back = byId(await readAll(bytes));
    expect(back.get(3)?.properties?.['meta']).toEqual(meta);
    expect(back.get(1)?.properties?.['tags']).toEqual(['city', 'capital']);
  });

  it('uses the single geometry type in the header when all features share it', async () => {
    let header: HeaderMeta | undefined;
    await readAll(writeIndexedFlatGeobuf(randomPolygons(20, 1), { name: 'p' }), undefined, (h) => (header = h));
    expect(header?.geometryType).toBe(3); // Polygon
  });

  it('bbox reads return exactly the features whose bbox intersects the rect', async () => {
    const fc = randomPolygons(2000, 42);
    const bytes = writeIndexedFlatGeobuf(fc, { name: 'random' });
    const bboxes = fc.features.map((f) => bboxOf(f.geometry!));
    const rand = rng(7);
    const rects: Rect[] = [
      { minX: 90, minY: 30, maxX: 130, maxY: 60 }, // everything
      { minX: 0, minY: 0, maxX: 1, maxY: 1 }, // nothing
      { minX: bboxes[0]![2], minY: bboxes[0]![3], maxX: bboxes[0]![2], maxY: bboxes[0]![3] }, // touching a corner
    ];
    for (let i = 0; i < 25; i++) {
      const x = 96 + rand() * 30;
      const y = 36 + rand() * 17;
      const s = rand() * 4;
      rects.push({ minX: x, minY: y, maxX: x + s, maxY: y + s * rand() });
    }
    for (const rect of rects) {
      const expected = fc.features.filter((_, i) => intersects(bboxes[i]!, rect)).map((f) => f.properties!['id']);
      const got = (await readAll(bytes, rect)).map((f) => f.properties!['id']);
      expect(got.sort((a, b) => a - b)).toEqual(expected);
    }
    expect((await readAll(bytes)).length).toBe(2000);
  });

  it('handles a single feature and an empty collection', async () => {
    const one = writeIndexedFlatGeobuf({ type: 'FeatureCollection', features: [mixed.features[0]!] }, { name: 'one' });
    expect(await readAll(one, { minX: 111, minY: 40, maxX: 112, maxY: 41 })).toHaveLength(1);
    expect(await readAll(one, { minX: 0, minY: 0, maxX: 1, maxY: 1 })).toHaveLength(0);
    const empty = writeIndexedFlatGeobuf({ type: 'FeatureCollection', features: [] }, { name: 'empty' });
    expect(await readAll(empty)).toHaveLength(0);
  });

  it('is deterministic', () => {
    const fc = randomPolygons(500, 3);
    const a = writeIndexedFlatGeobuf(fc, { name: 'd', description: 'x' });
    const b = writeIndexedFlatGeobuf(structuredClone(fc), { name: 'd', description: 'x' });
    expect(sha256(a)).toBe(sha256(b));
  });

  it('bbox reads over HTTP Range requests', async () => {
    const fc = randomPolygons(2000, 99);
    const bytes = writeIndexedFlatGeobuf(fc, { name: 'http' });
    // Minimal server that answers `Range: bytes=a-b` with 206 + that slice.
    const server = createServer((req, res) => {
      const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
      const start = m ? Number(m[1]) : 0;
      const end = m ? Math.min(Number(m[2]), bytes.length - 1) : bytes.length - 1;
      res.writeHead(m ? 206 : 200, { 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': end - start + 1 });
      res.end(bytes.subarray(start, end + 1));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const rect = { minX: 110, minY: 42, maxX: 112, maxY: 44 };
      const expected = fc.features.filter((f) => intersects(bboxOf(f.geometry!), rect)).map((f) => f.properties!['id']);
      const got = (await readAll(`http://127.0.0.1:${port}/file.fgb`, rect)).map((f) => f.properties!['id']);
      expect(expected.length).toBeGreaterThan(0);
      expect(got.sort((a, b) => a - b)).toEqual(expected);
    } finally {
      server.close();
    }
  });
});
