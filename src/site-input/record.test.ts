import { beforeAll, expect, test } from 'vitest';
import { loadSiteRecordReader, readSiteFile, rowAt, type SiteRecordReader } from './index.ts';

let read: SiteRecordReader;
beforeAll(async () => {
  read = await loadSiteRecordReader();
});
const utf8 = (text: string) => new TextEncoder().encode(text);
const fileRefusal = async (name: string, text: string) =>
  readSiteFile(name, utf8(text)).then(
    () => 'accepted',
    (error: { text: { en: string } }) => error.text.en,
  );

test('longitude and latitude cells: decimal or DMS, checked', () => {
  expect(read({ kind: 'lonLat', longitude: '109.5', latitude: '40.5' }, rowAt(2))).toEqual({
    site: { geometry: { type: 'Point', coordinates: [109.5, 40.5] }, warnings: [] },
  });
  expect(read({ kind: 'lonLat', longitude: `109°30'E`, latitude: '40°30′N' }, rowAt(2)).site?.geometry).toEqual({
    type: 'Point',
    coordinates: [109.5, 40.5],
  });
  expect(read({ kind: 'lonLat', longitude: '39.5', latitude: '109.2' }, rowAt(2, ['lon', 'lat'])).error?.en).toMatch(
    /^row 2 \(lon, lat\): 39.5, 109.2 is not a valid longitude, latitude: it looks like latitude, longitude/,
  );
  expect(read({ kind: 'lonLat', longitude: '5000', latitude: '4000' }, rowAt(2, ['lon', 'lat'])).error?.en).toMatch(
    /^row 2 \(lon, lat\): 5000, 4000 look like projected metres, not degrees/,
  );
  expect(read({ kind: 'lonLat', longitude: '109.5', latitude: '95' }, rowAt(7)).error).toEqual({
    en: 'row 7: 109.5, 95 is out of range: longitude must be within -180..180 and latitude within -90..90',
    zh: '第7行：109.5, 95 超出范围：经度应在-180至180之间，纬度应在-90至90之间',
  });
  expect(read({ kind: 'lonLat', longitude: '', latitude: '40' }, rowAt(3)).error?.en).toBe(
    'row 3: expected one longitude in degrees, got ""',
  );
});

test('WKT and EWKT cells: SRID 4490 taken as is, a Gauss-Krüger SRID undone (PROJ reference, EPSG:4527)', () => {
  expect(read({ kind: 'wkt', text: 'SRID=4490;POINT (109.5 40.5)' }, rowAt(2)).site?.geometry).toEqual({
    type: 'Point',
    coordinates: [109.5, 40.5],
  });
  const [lon = 0, lat = 0] = (read({ kind: 'wkt', text: 'SRID=4527;POINT (39702809.7935 5489004.5615)' }, rowAt(2)).site?.geometry
    .coordinates ?? []) as number[];
  expect(lon).toBeCloseTo(119.8, 9);
  expect(lat).toBeCloseTo(49.5, 9);
  const polygon = read({ kind: 'wkt', text: 'POLYGON Z ((109 40 1, 109.1 40 1, 109.1 40.1 1, 109 40 1))' }, rowAt(2));
  expect(polygon.site?.geometry).toEqual({
    type: 'Polygon',
    coordinates: [
      [
        [109, 40],
        [109.1, 40],
        [109.1, 40.1],
        [109, 40],
      ],
    ],
  });
  expect(read({ kind: 'wkt', text: 'POINT EMPTY' }, rowAt(4)).error?.en).toBe('row 4: the geometry is empty');
  expect(read({ kind: 'wkt', text: 'POINT (40.5 109.5)' }, rowAt(5)).error?.en).toMatch(
    /^row 5, vertex 1: 40.5, 109.5 .*looks like latitude, longitude/,
  );
  expect(read({ kind: 'wkt', text: 'SRID=3857;POINT (1 2)' }, rowAt(6)).error?.en).toMatch(
    /^row 6: coordinate system EPSG:3857 is not supported/,
  );
  expect(read({ kind: 'wkt', text: 'MULTIPOINT ((109 40), (109.2 40.2))' }, rowAt(8)).error?.en).toMatch(
    /^row 8: the input holds 2 separate points/,
  );
});

test('GeoJSON geometry records, with the crs their file names', () => {
  expect(read({ kind: 'geometry', geometry: { type: 'Point', coordinates: [109.5, 40.5, 1200] } }, rowAt(2)).site?.geometry).toEqual({
    type: 'Point',
    coordinates: [109.5, 40.5],
  });
  const projected = read(
    { kind: 'geometry', geometry: { type: 'Point', coordinates: [39702809.7935, 5489004.5615] }, crs: 'urn:ogc:def:crs:EPSG::4527' },
    rowAt(2),
  );
  expect(projected.site?.geometry.coordinates[0]).toBeCloseTo(119.8, 9);
  expect(read({ kind: 'geometry', geometry: { type: 'Circle' } }, rowAt(3)).error?.en).toMatch(/^row 3: geometry.type: expected Point/);
  expect(read({ kind: 'geometry', geometry: null }, rowAt(3)).error?.en).toBe('row 3: the geometry is empty');
});

test('a record and a whole file give the same message for the same mistake', async () => {
  const cases = [
    { file: 'lon,lat\n39.5,109.2\n', record: { kind: 'lonLat', longitude: '39.5', latitude: '109.2' } },
    { file: 'lon,lat\n5000,4000\n', record: { kind: 'lonLat', longitude: '5000', latitude: '4000' } },
    { file: 'id,wkt\n1,"POLYGON ((1 2, 3"\n', record: { kind: 'wkt', text: 'POLYGON ((1 2, 3' } },
  ] as const;
  for (const { file, record } of cases) {
    const columns =
      file
        .split('\n')[0]
        ?.split(',')
        .filter((name) => name !== 'id') ?? [];
    expect(await fileRefusal('rows.csv', file)).toBe(read(record, rowAt(2, columns)).error?.en);
  }
});

test('CSV with a byte-order mark and quoted commas', async () => {
  const text = '\uFEFFname,lon,lat\n"Site, north",109.1,40.1\n"Site ""B""",109.2,40.1\n"C",109.2,40.2\n"Site, north",109.1,40.1\n';
  const site = await readSiteFile('bom.csv', utf8(text));
  expect(site.geometry).toEqual({
    type: 'Polygon',
    coordinates: [
      [
        [109.1, 40.1],
        [109.2, 40.1],
        [109.2, 40.2],
        [109.1, 40.1],
      ],
    ],
  });
  const wkt = await readSiteFile('wkt.csv', utf8('\uFEFFid,wkt\n1,"LINESTRING (109 40, 109.1 40.1)"\n'));
  expect(wkt.geometry).toEqual({
    type: 'LineString',
    coordinates: [
      [109, 40],
      [109.1, 40.1],
    ],
  });
});
