import { readFileSync } from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { beforeAll, expect, test } from 'vitest';
import type { Bilingual } from '../schema/bilingual.ts';
import { loadProjections } from './crs.ts';
import { readShapefile } from './shapefile.ts';
import { readSiteFile } from './site-file.ts';
import { SiteInputError } from './site-input-error.ts';
import { readZip } from './zip-archive.ts';

beforeAll(loadProjections);
const english = (warnings: Bilingual[]) => warnings.map((warning) => warning.en);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/sites/${name}`, import.meta.url)));
/** The ogr2ogr-made shapefile `stem` as a zip, without the parts named in `leave`. */
const zipped = (stem: string, leave: string[] = []) =>
  zipSync(
    Object.fromEntries(
      ['shp', 'shx', 'dbf', 'prj', 'cpg']
        .filter((part) => !leave.includes(part))
        .map((part) => [`${stem}.${part}`, fixture(`${stem}.${part}`)]),
    ),
  );
const zip = (entries: Record<string, Uint8Array | string>) =>
  zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content]),
    ) as Zippable,
  );

type Record_ = { type: 1; point: number[] } | { type: 3 | 5; parts: number[][][] };

/** A minimal .shp writer (ESRI Shapefile Technical Description, 1998) for point, polyline and polygon records. */
function shp(records: Record_[]): Uint8Array {
  const contents = records.map((record) => {
    if (record.type === 1) {
      const bytes = new DataView(new ArrayBuffer(20));
      bytes.setInt32(0, 1, true);
      bytes.setFloat64(4, record.point[0] ?? 0, true);
      bytes.setFloat64(12, record.point[1] ?? 0, true);
      return new Uint8Array(bytes.buffer);
    }
    const points = record.parts.flat();
    const bytes = new DataView(new ArrayBuffer(44 + 4 * record.parts.length + 16 * points.length));
    bytes.setInt32(0, record.type, true);
    bytes.setInt32(36, record.parts.length, true);
    bytes.setInt32(40, points.length, true);
    let start = 0;
    for (const [index, part] of record.parts.entries()) {
      bytes.setInt32(44 + 4 * index, start, true);
      start += part.length;
    }
    points.forEach(([x = 0, y = 0], index) => {
      bytes.setFloat64(44 + 4 * record.parts.length + 16 * index, x, true);
      bytes.setFloat64(52 + 4 * record.parts.length + 16 * index, y, true);
    });
    return new Uint8Array(bytes.buffer);
  });
  const length = 100 + contents.reduce((sum, content) => sum + 8 + content.length, 0);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994);
  view.setInt32(24, length / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, records[0]?.type ?? 0, true);
  contents.reduce((offset, content, index) => {
    view.setInt32(offset, index + 1);
    view.setInt32(offset + 4, content.length / 2);
    bytes.set(content, offset + 8);
    return offset + 8 + content.length;
  }, 100);
  return bytes;
}

const refusal = async (name: string, bytes: Uint8Array) => {
  const error = await readSiteFile(name, bytes).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SiteInputError);
  expect((error as SiteInputError).text.zh).not.toBe('');
  return (error as SiteInputError).text.en;
};

/** The two made-up patches of red-line-patches.geojson, as GeoJSON writes them (outer rings counter-clockwise). */
const patches = [
  [
    [108.1, 40.5],
    [108.14, 40.5],
    [108.14, 40.53],
    [108.1, 40.53],
    [108.1, 40.5],
  ],
  [
    [108.2, 40.6],
    [108.25, 40.6],
    [108.25, 40.64],
    [108.2, 40.64],
    [108.2, 40.6],
  ],
];
const expectPatches = (geometry: { type: string; coordinates: unknown }) => {
  expect(geometry.type).toBe('MultiPolygon');
  const rings = (geometry.coordinates as number[][][][]).map((polygon) => polygon[0] ?? []);
  for (const [index, ring] of rings.entries()) {
    for (const [vertex, [lon = NaN, lat = NaN]] of ring.entries()) {
      expect(lon).toBeCloseTo(patches[index]?.[vertex]?.[0] ?? NaN, 7);
      expect(lat).toBeCloseTo(patches[index]?.[vertex]?.[1] ?? NaN, 7);
    }
  }
};

test.each(['gk3-zone36-prefixed', 'gk3-cm108'])('GBK shapefile with .cpg in CGCS2000 3° Gauss-Krüger zone 36 (%s)', async (stem) => {
  const site = await readSiteFile(`${stem}.zip`, zipped(stem));
  expectPatches(site.geometry);
  expect(english(site.warnings)).toEqual(['2 features were combined into one site']);
  const { parts } = await readShapefile({
    shp: fixture(`${stem}.shp`),
    dbf: fixture(`${stem}.dbf`),
    cpg: 'GBK',
    shx: fixture(`${stem}.shx`),
  });
  expect(parts.map((part) => part.where.zh)).toEqual(['第1个要素（红线图斑一）', '第2个要素（红线图斑二）']);
});

test('a GBK table without .cpg is read as GBK with a note; missing .dbf and .shx are named, not fatal', async () => {
  const noCpg = await readSiteFile('patches.zip', zipped('gk3-cm108', ['cpg']));
  expect(english(noCpg.warnings)[0]).toMatch(/^there is no \.cpg file and the attribute table is not UTF-8, so it was read as GBK/);
  const { parts } = await readShapefile({ shp: fixture('gk3-cm108.shp'), dbf: fixture('gk3-cm108.dbf'), shx: fixture('gk3-cm108.shx') });
  expect(parts[0]?.where.zh).toBe('第1个要素（红线图斑一）');
  const bare = await readSiteFile('patches.zip', zipped('gk3-cm108', ['dbf', 'shx', 'cpg']));
  expectPatches(bare.geometry);
  expect(english(bare.warnings)).toEqual([
    'no .shx index file: the geometry was read from the .shp alone; include the .shx when sharing the file with other GIS software',
    'no .dbf attribute table: feature names were not read',
    '2 features were combined into one site',
  ]);
});

test('Xian 1980 and Beijing 1954 named in a .prj: read without a datum shift, with a warning that the position is approximate', async () => {
  const xian = new TextDecoder()
    .decode(fixture('gk3-cm108.prj'))
    .replace('GCS_China_Geodetic_Coordinate_System_2000', 'GCS_Xian_1980')
    .replace('D_China_2000', 'D_Xian_1980')
    .replace('SPHEROID["CGCS2000",6378137.0,298.257222101]', 'SPHEROID["Xian_1980",6378140.0,298.257]');
  const entries = { 'p.shp': fixture('gk3-cm108.shp'), 'p.shx': fixture('gk3-cm108.shx'), 'p.prj': xian };
  const site = await readSiteFile('xian.zip', zip(entries));
  expect(site.warnings[0]?.en).toMatch(
    /^the \.prj names the D_Xian_1980 datum; its coordinates were converted without a datum shift, so the position is approximate/,
  );
  expect(site.warnings[0]?.zh).toMatch(/位置为近似值/);
  const beijing =
    'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
  const old = await readSiteFile(
    'p.zip',
    zip({ 'p.shp': shp([{ type: 1, point: [109, 39] }]), 'p.shx': new Uint8Array(100), 'p.prj': beijing }),
  );
  expect(old.geometry).toEqual({ type: 'Point', coordinates: [109, 39] });
  expect(old.warnings[0]?.en).toMatch(/D_Beijing_1954 datum.*approximate/);
});

test('rings by orientation become polygons with holes, wound for GeoJSON; lines kept over points; no .prj is noted', async () => {
  // Shapefile rings: outer clockwise, holes counter-clockwise.
  const outer = [
    [109, 39],
    [109, 39.1],
    [109.1, 39.1],
    [109.1, 39],
    [109, 39],
  ];
  const hole = [
    [109.02, 39.02],
    [109.04, 39.02],
    [109.04, 39.04],
    [109.02, 39.04],
    [109.02, 39.02],
  ];
  const second = [
    [109.5, 39],
    [109.5, 39.1],
    [109.6, 39.1],
    [109.6, 39],
    [109.5, 39],
  ];
  const site = await readSiteFile(
    'site.zip',
    zip({ 'site/site.shp': shp([{ type: 5, parts: [outer, hole, second] }]), 'site/site.shx': new Uint8Array(100) }),
  );
  expect(site.geometry).toEqual({
    type: 'MultiPolygon',
    coordinates: [[[...outer].reverse(), [...hole].reverse()], [[...second].reverse()]],
  });
  const lines = await readSiteFile(
    'l.shp',
    shp([
      {
        type: 3,
        parts: [
          [
            [109, 39],
            [109.1, 39.1],
          ],
        ],
      },
      {
        type: 3,
        parts: [
          [
            [109.2, 39],
            [109.3, 39.1],
          ],
        ],
      },
    ]),
  );
  expect(lines.geometry).toEqual({
    type: 'MultiLineString',
    coordinates: [
      [
        [109, 39],
        [109.1, 39.1],
      ],
      [
        [109.2, 39],
        [109.3, 39.1],
      ],
    ],
  });
  expect(english(lines.warnings)[0]).toBe('no .prj file: the coordinates were taken as WGS-84 degrees');
});

test('KMZ: the zipped doc.kml is read', async () => {
  const kml = '<kml><Placemark><Point><coordinates>109.5,39.2</coordinates></Point></Placemark></kml>';
  expect((await readSiteFile('site.kmz', zip({ 'doc.kml': kml }))).geometry).toEqual({ type: 'Point', coordinates: [109.5, 39.2] });
});

test('a zip bomb is refused by what it inflates to, whatever sizes it declares', () => {
  const bomb = zipSync({ 'a.shp': new Uint8Array(8 * 1024 * 1024) }, { level: 1 });
  expect(bomb.length).toBeLessThan(64 * 1024);
  // Declare 1,000 bytes in both the local header (offset 22) and the central directory entry (offset 24 in it).
  const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
  view.setUint32(22, 1000, true);
  view.setUint32(view.getUint32(bomb.length - 22 + 16, true) + 24, 1000, true);
  const refused = (() => {
    try {
      readZip(bomb, () => true, 2 * 1024 * 1024);
    } catch (error) {
      return (error as SiteInputError).text.en;
    }
    return 'accepted';
  })();
  expect(refused).toBe(
    "the zip unpacks to more than 2.0 MB (stopped while unpacking a.shp); a site needs far less: zip only the site's files",
  );
  expect(readZip(bomb, () => true).entries.get('a.shp')?.length).toBe(8 * 1024 * 1024);
});

test('parts and points are counted from the record headers before shpjs reads them; a .dbf that lies is skipped', async () => {
  // One polygon record declaring 200,000 rings (in 24 bytes of points): refused before any ring is sorted.
  const many = shp([
    {
      type: 5,
      parts: [
        [
          [109, 40],
          [109.1, 40],
          [109, 40.1],
          [109, 40],
        ],
      ],
    },
  ]);
  new DataView(many.buffer).setInt32(100 + 8 + 36, 200_000, true);
  expect(await refusal('rings.shp', many)).toBe(
    "the shapefile holds 200,000 parts, over the limit of 100,000 for a site; simplify it or keep only the site's features",
  );
  const dbf = fixture('gk3-cm108.dbf').slice();
  new DataView(dbf.buffer).setUint32(4, 4_000_000_000, true);
  const site = await readSiteFile(
    'lying.zip',
    zip({ 'p.shp': fixture('gk3-cm108.shp'), 'p.shx': fixture('gk3-cm108.shx'), 'p.dbf': dbf, 'p.prj': fixture('gk3-cm108.prj') }),
  );
  expectPatches(site.geometry);
  expect(english(site.warnings)).toContain('the .dbf attribute table is damaged; feature names were not read');
});

test('zip and shapefile refusals', async () => {
  const point = shp([{ type: 1, point: [109, 39] }]);
  expect(await refusal('two.zip', zip({ 'a.shp': point, 'b.shp': point }))).toBe(
    "the zip holds 2 shapefiles (a.shp, b.shp); zip only the site's",
  );
  expect(await refusal('none.zip', zip({ 'readme.txt': 'hi' }))).toBe('the zip holds no .shp or .kml file (found: readme.txt)');
  expect(await refusal('m.zip', zip({ 'a.shp': point, 'a.prj': 'PROJCS["x",GEOGCS["y"' }))).toMatch(
    /^the \.prj file "x" is not a coordinate system proj4 can read/,
  );
  expect(await refusal('cut.shp', point.slice(0, 110))).toMatch(
    /^the \.shp file is damaged or not a shapefile \(its header says 128 bytes but it has 110\)/,
  );
  expect(await refusal('metres.zip', zip({ 'a.shp': shp([{ type: 1, point: [37512345.678, 4412345.678] }]) }))).toMatch(
    /^feature 1, vertex 1: 37512345.678, 4412345.678 look like projected metres/,
  );
});
