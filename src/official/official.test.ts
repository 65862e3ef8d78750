import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { createScreener, type Screener } from '../screening/screener.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { guessCrs } from './crs-guess.ts';
import { importOfficialLayer } from './import-layer.ts';
import { readLayerFile } from './layer-file.ts';
import { ZONE_LIMITS } from './limits.ts';
import { garbledEncoding } from './mojibake.ts';
import type { OfficialLayer } from './official-layer.ts';
import { parseZoneProfile, type ZoneProfile } from './profile.ts';
import { withOfficialLayers } from './screening-input.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(projectRoot, 'tests/fixtures/official', name)));
const profile = (name: string): ZoneProfile => parseZoneProfile(new TextDecoder().decode(fixture(name)), name);
const redLine = profile('red-line-profile.json');
const units = profile('control-units-profile.json');
const importedAt = '2026-12-02T00:00:00.000Z';

/** The message a failing import gives, in both languages. */
async function refusal(work: Promise<unknown>): Promise<{ zh: string; en: string }> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SiteInputError);
  return (error as SiteInputError).text;
}

describe('official layer import', () => {
  let redLayer: OfficialLayer;
  let unitLayer: OfficialLayer;
  let screener: Screener;
  let bundled: Map<string, import('geojson').FeatureCollection>;

  beforeAll(async () => {
    redLayer = await importOfficialLayer({ file: 'red-line-gk36.zip', bytes: fixture('red-line-gk36.zip'), profile: redLine, importedAt });
    unitLayer = await importOfficialLayer({
      file: 'control-units.zip',
      bytes: fixture('control-units.zip'),
      profile: units,
      importedAt,
      entryList: { file: 'entry-list.csv', bytes: fixture('entry-list.csv') },
    });
    bundled = await readCollections();
    const input = withOfficialLayers(bundled, readSeeds(), [redLayer, unitLayer]);
    screener = createScreener({ ...input, dataVersion: readManifest().version });
  }, 60_000);

  it('reads a GBK shapefile in Gauss-Krüger 3° zone 36 to the positions ogr2ogr projected from', () => {
    const source = JSON.parse(new TextDecoder().decode(fixture('red-line-patches.geojson')));
    expect(redLayer.collection.features.map((feature) => feature.properties?.['name_zh'])).toEqual([
      '乌拉山北麓红线斑块（red-line-gk36.zip，第1个要素（乌拉山北麓红线斑块））',
      '黄河湿地红线斑块（red-line-gk36.zip，第2个要素（黄河湿地红线斑块））',
      '阴山草原红线斑块（red-line-gk36.zip，第3个要素（阴山草原红线斑块））',
    ]);
    const first = redLayer.collection.features[0]?.geometry as import('geojson').Polygon;
    const corners = first.coordinates[0] as number[][];
    for (const [longitude, latitude] of source.features[0].geometry.coordinates[0]) {
      const nearest = Math.min(...corners.map(([x = 0, y = 0]) => Math.hypot(x - longitude, y - latitude)));
      expect(nearest).toBeLessThan(1e-7);
    }
    expect(redLayer.collection.features[2]?.geometry.type).toBe('MultiPolygon');
    expect(redLayer.provenance).toMatchObject({
      file: 'red-line-gk36.zip',
      featureCount: 3,
      mappedBy: 'test reviewer',
      accuracyKm: 0.05,
      kind: 'ecological-red-line',
      crs: { name: 'CGCS2000_3_Degree_GK_Zone_36', source: 'declared' },
    });
    expect(redLayer.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('screens a site inside an official red-line patch on the official outline, citing file and feature', () => {
    const report = screener.screen({ type: 'Point', coordinates: [108.76, 40.54] }, 'steel');
    const hits = report.hits.filter((hit) => hit.zoneKind === 'ecological-red-line');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.basis).toBe('official-user');
      expect(hit.accuracyKm).toBe(0.05);
      expect(hit.layer).toBe(redLayer.provenance.id);
      expect(hit.name.en).toContain('red-line-gk36.zip, feature 2');
      // Official and well inside: no doubt about the zone itself (the Ordos plan's own edge may still be one).
      expect(hit.doubts.filter((doubt) => doubt.zoneId === hit.zoneId)).toEqual([]);
    }
    expect(hits.some((hit) => hit.ruleId !== null && hit.cite !== null)).toBe(true);
    // The illustrative red line no longer counts: the official layer stands in for it.
    expect(report.hits.some((hit) => hit.layer === 'red-line-areas')).toBe(false);
  });

  it('gives a control unit the verdict and clause of its entry-list row', () => {
    const inside = (longitude: number) => screener.screen({ type: 'Point', coordinates: [longitude, 40.67] }, 'steel');
    const priority = inside(109.0).hits.find((hit) => hit.zoneKind === 'control-unit');
    expect(priority).toMatchObject({ verdict: 'prohibited', basis: 'official-user', cite: { line: 2 } });
    expect(priority?.cite?.quote).toBe('优先保护单元内禁止新建、扩建工业项目，依法依规有序退出与保护功能不符的开发活动。');
    expect(priority?.name.zh).toContain('乌拉特前旗优先保护单元（优先保护）（control-units.zip');
    expect(inside(109.0).verdict).toBe('prohibited');
    expect(inside(109.15).hits.find((hit) => hit.zoneKind === 'control-unit')).toMatchObject({ verdict: 'restricted', cite: { line: 3 } });
    expect(inside(109.35).hits.find((hit) => hit.zoneKind === 'control-unit')).toMatchObject({ verdict: 'conditional', cite: { line: 5 } });
    // 允许 makes no rule: solar PV in the key-control unit meets the unit with no rule.
    const solar = screener
      .screen({ type: 'Point', coordinates: [109.15, 40.67] }, 'solar-pv')
      .hits.find((hit) => hit.zoneKind === 'control-unit');
    expect(solar).toMatchObject({ verdict: 'clear', ruleId: null });
    expect(unitLayer.notes.map((note) => note.en).join()).toContain('ZH99999999999');
    expect(unitLayer.seed?.document.title.zh).toBe('entry-list.csv（生态环境准入清单，用户提供）');
  });

  it('keeps the bundled layers when no official layer of their kind is loaded', () => {
    const input = withOfficialLayers(bundled, readSeeds(), [unitLayer]);
    expect(input.collections.get('red-line-areas')).toBe(bundled.get('red-line-areas'));
    expect(withOfficialLayers(bundled, readSeeds(), [redLayer]).replaced).toEqual([
      {
        layer: 'red-line-areas',
        zoneKind: 'ecological-red-line',
        features: bundled.get('red-line-areas')?.features.length,
        by: redLayer.provenance.id,
      },
    ]);
  });

  it('guesses a file without .prj from its ranges and reads it once the guess is confirmed', async () => {
    const layer = await readLayerFile('red-line-gk36-no-prj.zip', fixture('red-line-gk36-no-prj.zip'));
    expect(layer.guess?.epsg).toBe(4524);
    const text = await refusal(
      importOfficialLayer({ file: 'red-line-gk36-no-prj.zip', bytes: fixture('red-line-gk36-no-prj.zip'), profile: redLine, importedAt }),
    );
    expect(text.en).toContain('declares no coordinate system');
    expect(text.en).toContain('confirm EPSG:4524');
    expect(text.zh).toContain('确认EPSG:4524');
    const confirmed = await importOfficialLayer({
      file: 'x.zip',
      bytes: fixture('red-line-gk36-no-prj.zip'),
      profile: { ...redLine, crs: 'EPSG:4524' },
      importedAt,
    });
    expect(confirmed.collection.features[1]?.geometry).toEqual(redLayer.collection.features[1]?.geometry);
    expect(confirmed.provenance.crs).toEqual({ name: 'EPSG:4524', source: 'confirmed' });
  });

  it('guesses degrees, zone-numbered and zone-less Gauss-Krüger metres', () => {
    expect(
      guessCrs([
        [108.4, 40.7],
        [108.6, 40.8],
      ]).epsg,
    ).toBe(4490);
    expect(
      guessCrs([
        [18_500_000, 4_500_000],
        [18_600_000, 4_600_000],
      ]).epsg,
    ).toBe(4496);
    expect(
      guessCrs([
        [36_450_000, 4_500_000],
        [36_520_000, 4_600_000],
      ]).epsg,
    ).toBe(4524);
    const zoneless = guessCrs([
      [450_000, 4_500_000],
      [520_000, 4_600_000],
    ]);
    expect(zoneless.epsg).toBeUndefined();
    expect(zoneless.candidates).toContain(4545);
    expect(
      guessCrs([
        [1, 1e9],
        [2, 2e9],
      ]).candidates,
    ).toEqual([]);
  });

  it('reads Xian 1980 Gauss-Krüger with a warning that the datum shift is approximate', async () => {
    const layer = await importOfficialLayer({
      file: 'red-line-xian80.zip',
      bytes: fixture('red-line-xian80.zip'),
      profile: redLine,
      importedAt,
    });
    const note = layer.notes.find((text) => text.en.includes('Xian_1980'));
    expect(note?.en).toContain('approximate');
    expect(note?.zh).toContain('近似');
    // Without the shift the outline lies within about 100 m of the CGCS2000 one.
    const polygon = layer.collection.features[1]?.geometry as import('geojson').Polygon;
    const [x = 0, y = 0] = polygon.coordinates[0]?.[0] ?? [];
    expect(Math.abs(x - 108.7) * 85_000 + Math.abs(y - 40.5) * 111_000).toBeLessThan(200);
  });

  it('refuses a .prj that names no coordinate system proj4 reads, saying what to save the file in', async () => {
    const entries = unzipSync(fixture('red-line-gk36.zip'));
    entries['red-line-gk36.prj'] = new TextEncoder().encode('LOCAL_CS["county grid"]');
    const text = await refusal(readLayerFile('local.zip', zipSync(entries)));
    expect(text.en).toContain('is not a coordinate system proj4 can read');
    expect(text.zh).toContain('CGCS2000');
  });

  it('refuses a shapefile missing its .dbf or .shx, naming the missing part', async () => {
    for (const [file, part] of [
      ['red-line-gk36-no-dbf.zip', '.dbf'],
      ['red-line-gk36-no-shx.zip', '.shx'],
    ] as const) {
      const text = await refusal(readLayerFile(file, fixture(file)));
      expect(text.en).toContain(`no ${part}`);
      expect(text.en).toContain('zip the .shp, .shx, .dbf, .prj and .cpg files together');
      expect(text.zh).toContain(`没有${part}`);
    }
  });

  it('detects GBK names read as UTF-8 and offers GBK; reads them right once GBK is chosen', async () => {
    const bytes = fixture('red-line-gk36-cpg-utf8.zip');
    const layer = await readLayerFile('mislabelled.zip', bytes);
    expect(layer.garbled?.encoding).toBe('gbk');
    const text = await refusal(
      importOfficialLayer({
        file: 'mislabelled.zip',
        bytes,
        profile: { ...redLine, nameAttribute: layer.attributes[0] as string, codeAttribute: undefined },
        importedAt,
      }),
    );
    expect(text.en).toContain('probably GBK');
    expect(text.zh).toContain('乱码');
    const chosen = await importOfficialLayer({ file: 'mislabelled.zip', bytes, profile: { ...redLine, encoding: 'gbk' }, importedAt });
    expect(chosen.collection.features[0]?.properties?.['name_zh']).toMatch(/^乌拉山北麓红线斑块/);
  });

  it('tells mojibake from Chinese', () => {
    expect(garbledEncoding(new TextDecoder('gbk').decode(new TextEncoder().encode('生态保护红线')))).toBe('utf-8');
    expect(garbledEncoding(new TextDecoder('latin1').decode(new Uint8Array([0xc4, 0xda, 0xc3, 0xc9, 0xb9, 0xc5])))).toBe('gbk');
    expect(garbledEncoding('鄂尔多斯市生态保护红线')).toBeUndefined();
    expect(garbledEncoding('Café Ürümqi')).toBeUndefined();
  });

  it('refuses a profile naming an attribute the file lacks, listing those it has', async () => {
    const text = await refusal(
      importOfficialLayer({
        file: 'red-line-gk36.zip',
        bytes: fixture('red-line-gk36.zip'),
        profile: { ...redLine, nameAttribute: 'NAME' },
        importedAt,
      }),
    );
    expect(text.en).toContain('no attribute "NAME"');
    expect(text.en).toContain('名称, 编码');
    expect(text.zh).toContain('没有映射所指的属性“NAME”');
  });

  it('refuses mixed geometry types with the counts', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 名称: 'a' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [108, 40],
                [108.1, 40],
                [108.1, 40.1],
                [108, 40],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { 名称: 'b' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108, 40],
              [108.1, 40],
            ],
          },
        },
      ],
    };
    const text = await refusal(readLayerFile('mixed.geojson', new TextEncoder().encode(JSON.stringify(collection))));
    expect(text.en).toContain('mixes geometry types (1 polygon, 1 line and 0 point part(s))');
    expect(text.zh).toContain('混有多种几何类型');
  });

  it('refuses a file over the layer limit before reading it, and a zip bomb while it inflates', async () => {
    const huge = await refusal(readLayerFile('province.zip', new Uint8Array(ZONE_LIMITS.fileBytes + 1)));
    expect(huge.en).toContain('over the 300.0 MB limit for a zone layer');
    expect(huge.zh).toContain('请按区域拆分');
    // The same count as the 600 MB cap, on a smaller cap so that the test inflates 33 MB rather than 600.
    const limits = { ...ZONE_LIMITS, inflatedBytes: 32 * 1024 * 1024 };
    const bomb = zipSync({ 'bomb.shp': new Uint8Array(limits.inflatedBytes + 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const text = await refusal(readLayerFile('bomb.zip', bomb, undefined, limits));
    expect(text.en).toContain('the zip unpacks to more than 32.0 MB');
  }, 60_000);

  it('reads GeoJSON, KML and FlatGeobuf layers through the same readers', async () => {
    const geojson = fixture('red-line-patches.geojson');
    const fromGeoJson = await importOfficialLayer({
      file: 'red-line-patches.geojson',
      bytes: geojson,
      profile: { ...redLine, crs: 'EPSG:4490' },
      importedAt,
    });
    expect(fromGeoJson.collection.features).toHaveLength(3);
    expect(fromGeoJson.provenance.crs.source).toBe('confirmed');
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>湿地</name>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>108.7,40.5 108.82,40.5 108.82,40.58 108.7,40.58 108.7,40.5</coordinates></LinearRing></outerBoundaryIs></Polygon>
      </Placemark></Document></kml>`;
    const fromKml = await importOfficialLayer({
      file: 'w.kml',
      bytes: new TextEncoder().encode(kml),
      profile: { ...redLine, kind: 'wetland', nameAttribute: 'name', codeAttribute: undefined, crs: 'EPSG:4326' },
      importedAt,
    });
    expect(fromKml.collection.features[0]?.properties?.['name_en']).toBe('湿地 (w.kml, feature 1 (湿地))');
    const { geojson: toFlatGeobuf } = await import('flatgeobuf');
    const fgb = toFlatGeobuf.serialize(JSON.parse(new TextDecoder().decode(geojson)));
    const fromFgb = await importOfficialLayer({ file: 'r.fgb', bytes: fgb, profile: { ...redLine, crs: 'EPSG:4490' }, importedAt });
    expect(fromFgb.collection.features.map((feature) => feature.properties?.['code'])).toEqual(['HX-001', 'HX-002', 'HX-003']);
  });

  it('refuses an invalid profile naming the fields', () => {
    expect(() =>
      parseZoneProfile('{"version":1,"kind":"control-unit","nameAttribute":"a","accuracyKm":1,"mappedBy":"x"}', 'p.json'),
    ).toThrow(/codeAttribute/);
    expect(() => parseZoneProfile('{', 'p.json')).toThrow(/not valid JSON/);
  });
});
