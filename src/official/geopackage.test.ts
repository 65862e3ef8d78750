import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../data/node-loader.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { importOfficialLayer } from './import-layer.ts';
import { readLayerFile } from './layer-file.ts';
import { parseZoneProfile } from './profile.ts';
import { geoPackageGeometry } from './wkb.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(projectRoot, 'tests/fixtures/official', name)));
const profile = parseZoneProfile(new TextDecoder().decode(fixture('red-line-profile.json')), 'red-line-profile.json');
const importedAt = '2026-12-02T00:00:00.000Z';

describe('GeoPackage layers', () => {
  it('reads a GeoPackage in Gauss-Krüger 3° zone 36 (made by ogr2ogr) to the positions of its source, as the shapefile of the same patches', async () => {
    const layer = await importOfficialLayer({ file: 'red-line-gk36.gpkg', bytes: fixture('red-line-gk36.gpkg'), profile, importedAt });
    const shapefile = await importOfficialLayer({ file: 'red-line-gk36.zip', bytes: fixture('red-line-gk36.zip'), profile, importedAt });
    expect(layer.provenance.crs).toEqual({ name: 'EPSG:4524', source: 'declared' });
    expect(layer.collection.features.map((feature) => feature.properties?.['name_zh'])).toEqual([
      '乌拉山北麓红线斑块（red-line-gk36.gpkg，第1个要素（乌拉山北麓红线斑块））',
      '黄河湿地红线斑块（red-line-gk36.gpkg，第2个要素（黄河湿地红线斑块））',
      '阴山草原红线斑块（red-line-gk36.gpkg，第3个要素（阴山草原红线斑块））',
    ]);
    expect(layer.collection.features.map((feature) => feature.properties?.['code'])).toEqual(['HX-001', 'HX-002', 'HX-003']);
    expect(layer.collection.features[2]?.geometry.type).toBe('MultiPolygon');
    const source = JSON.parse(new TextDecoder().decode(fixture('red-line-patches.geojson')));
    const corners = (layer.collection.features[0]!.geometry as Polygon).coordinates[0] as number[][];
    for (const [longitude, latitude] of source.features[0].geometry.coordinates[0]) {
      expect(Math.min(...corners.map(([x = 0, y = 0]) => Math.hypot(x - longitude, y - latitude)))).toBeLessThan(1e-7);
    }
    expect(layer.collection.features.map((feature) => feature.geometry)).toEqual(
      shapefile.collection.features.map((feature) => feature.geometry),
    );
  });

  it('refuses a file that is no GeoPackage, naming the fault and what to do', async () => {
    const error = await readLayerFile('red-line.gpkg', new TextEncoder().encode('名称,编码\n红线,HX-001\n')).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SiteInputError);
    expect((error as SiteInputError).text.en).toMatch(/^red-line\.gpkg: is not a GeoPackage .*export the layer again/);
  });

  it('reads big-endian well-known binary with heights after a GeoPackage header, and an empty geometry as none', () => {
    const wkb = new DataView(new ArrayBuffer(9 + 4 + 4 * 24));
    wkb.setUint8(0, 0);
    wkb.setUint32(1, 1003);
    wkb.setUint32(5, 1);
    wkb.setUint32(9, 4);
    for (const [n, value] of [
      [110, 40, 1000],
      [111, 40, 1001],
      [110, 41, 1002],
      [110, 40, 1000],
    ]
      .flat()
      .entries())
      wkb.setFloat64(13 + 8 * n, value);
    const header = [0x47, 0x50, 0, 0b1, 0xe6, 0x10, 0, 0];
    const blob = new Uint8Array([...header, ...new Uint8Array(wkb.buffer)]);
    expect(geoPackageGeometry(blob)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [110, 40],
          [111, 40],
          [110, 41],
          [110, 40],
        ],
      ],
    });
    expect(geoPackageGeometry(new Uint8Array([0x47, 0x50, 0, 0b1_0001, 0xe6, 0x10, 0, 0]))).toBeNull();
    expect(() => geoPackageGeometry(new Uint8Array([1, 2, 3]))).toThrow(/no "GP" header/);
  });
});
