import { crc32, deflateRawSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { parseSiteFile } from './site-file.ts';
import { SiteInputError } from './site-input-error.ts';

/** A minimal zip writer for fixtures: one local header per entry, the central directory, the end record. */
function zip(entries: Record<string, Uint8Array | string>, deflate = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const data = deflate ? new Uint8Array(deflateRawSync(raw)) : raw;
    const nameBytes = new TextEncoder().encode(name);
    const header = (size: number, signature: number) => {
      const bytes = new Uint8Array(size + nameBytes.length);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, signature, true);
      const base = signature === 0x04034b50 ? 0 : 2; // the central entry has "version made by" first
      view.setUint16(4 + base, 20, true);
      view.setUint16(8 + base, deflate ? 8 : 0, true);
      view.setUint32(14 + base, crc32(raw), true);
      view.setUint32(18 + base, data.length, true);
      view.setUint32(22 + base, raw.length, true);
      view.setUint16(26 + base, nameBytes.length, true);
      bytes.set(nameBytes, size);
      return { bytes, view };
    };
    const local = header(30, 0x04034b50);
    const central = header(46, 0x02014b50);
    central.view.setUint32(42, offset, true);
    chunks.push(local.bytes, data);
    directory.push(central.bytes);
    offset += local.bytes.length + data.length;
  }
  const directorySize = directory.reduce((sum, entry) => sum + entry.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, directory.length, true);
  view.setUint16(10, directory.length, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, offset, true);
  const all = [...chunks, ...directory, end];
  const bytes = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  all.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
  return bytes;
}

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
    record.parts.reduce((start, part, index) => (bytes.setInt32(44 + 4 * index, start, true), start + part.length), 0);
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
  const error = await parseSiteFile(name, bytes).then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(SiteInputError);
  return (error as SiteInputError).en;
};

// Shapefile rings: outer clockwise, holes counter-clockwise.
const outer = [[109, 39], [109, 39.1], [109.1, 39.1], [109.1, 39], [109, 39]];
const hole = [[109.02, 39.02], [109.04, 39.02], [109.04, 39.04], [109.02, 39.04], [109.02, 39.02]];
const second = [[109.5, 39], [109.5, 39.1], [109.6, 39.1], [109.6, 39], [109.5, 39]];
const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GK_ZONE_37_PRJ = 'PROJCS["CGCS2000_3_Degree_GK_Zone_37",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",37500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

test.each([false, true])('zipped shapefile (deflate: %s): rings by orientation become polygons with holes, wound for GeoJSON', async (deflate) => {
  const bytes = zip({ 'site/site.shp': shp([{ type: 5, parts: [outer, hole, second] }]), 'site/site.prj': WGS84_PRJ, 'site/site.dbf': new Uint8Array(33) }, deflate);
  const result = await parseSiteFile('site.zip', bytes);
  expect(result.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[...outer].reverse(), [...hole].reverse()], [[...second].reverse()]] });
  expect(result.warnings).toEqual([]);
});

test('a Gauss-Krüger .prj is undone (PROJ reference, EPSG:4525)', async () => {
  const bytes = zip({ 'pt.shp': shp([{ type: 1, point: [37512345.678, 4412345.678] }]), 'pt.prj': GK_ZONE_37_PRJ });
  const [lon = 0, lat = 0] = ((await parseSiteFile('pt.zip', bytes)).geometry as { coordinates: number[] }).coordinates;
  expect(lon).toBeCloseTo(111.1442480438, 9);
  expect(lat).toBeCloseTo(39.8451515589, 9);
});

test('lines and points: the lines are kept; a missing .prj and an old datum are warned about', async () => {
  const lines = await parseSiteFile('lines.zip', zip({ 'l.shp': shp([{ type: 3, parts: [[[109, 39], [109.1, 39.1]]] }, { type: 3, parts: [[[109.2, 39], [109.3, 39.1]]] }]) }));
  expect(lines.geometry).toEqual({ type: 'MultiLineString', coordinates: [[[109, 39], [109.1, 39.1]], [[109.2, 39], [109.3, 39.1]]] });
  expect(lines.warnings).toEqual(['no .prj file: the coordinates were taken as WGS-84 degrees', '2 features were combined into one site']);
  const beijing = WGS84_PRJ.replace('GCS_WGS_1984', 'GCS_Beijing_1954').replace('D_WGS_1984', 'D_Beijing_1954');
  const old = await parseSiteFile('p.zip', zip({ 'p.shp': shp([{ type: 1, point: [109, 39] }]), 'p.prj': beijing }));
  expect(old.warnings[0]).toMatch(/datum "D_Beijing_1954" was not converted/);
  const bare = await parseSiteFile('p.shp', shp([{ type: 1, point: [109, 39] }]));
  expect(bare.geometry).toEqual({ type: 'Point', coordinates: [109, 39] });
});

test('KMZ: the zipped doc.kml is read', async () => {
  const kml = '<kml><Placemark><Point><coordinates>109.5,39.2</coordinates></Point></Placemark></kml>';
  expect((await parseSiteFile('site.kmz', zip({ 'doc.kml': kml }, true))).geometry).toEqual({ type: 'Point', coordinates: [109.5, 39.2] });
});

test('zip and shapefile refusals', async () => {
  const point = shp([{ type: 1, point: [109, 39] }]);
  expect(await refusal('two.zip', zip({ 'a.shp': point, 'b.shp': point }))).toBe('the zip holds 2 shapefiles (a.shp, b.shp); zip only the site\'s');
  expect(await refusal('none.zip', zip({ 'readme.txt': 'hi' }))).toBe('the zip holds no .shp or .kml file (found: readme.txt)');
  const whole = zip({ 'a.shp': point });
  expect(await refusal('cut.zip', whole.slice(0, whole.length - 30))).toBe('the zip archive is damaged: its central directory is missing (is the file truncated?)');
  const mercator = 'PROJCS["WGS_1984_Web_Mercator",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Mercator_Auxiliary_Sphere"],UNIT["Meter",1.0]]';
  expect(await refusal('m.zip', zip({ 'a.shp': point, 'a.prj': mercator }))).toMatch(/^\.prj file: projection "Mercator_Auxiliary_Sphere" is not supported/);
  expect(await refusal('m.zip', zip({ 'a.shp': point, 'a.prj': 'PROJCS["x",GEOGCS["y"' }))).toMatch(/^\.prj file: expected/);
  expect(await refusal('cut.shp', point.slice(0, point.length - 4))).toMatch(/^the \.shp file is damaged: its header says 128 bytes but it has 124/);
  expect(await refusal('metres.zip', zip({ 'a.shp': shp([{ type: 1, point: [37512345.678, 4412345.678] }]) })))
    .toMatch(/^record 1, vertex 1: 37512345.678, 4412345.678 look like projected metres/);
  const patch = point.slice();
  new DataView(patch.buffer).setInt32(108, 31, true);
  expect(await refusal('patch.shp', patch)).toMatch(/^record 1 has shape type 31/);
});
