import gcoord, { type CRSTypes } from 'gcoord';
import { beforeAll, expect, test } from 'vitest';
import type { Bilingual } from '../schema/bilingual.ts';
import { siteFromText as parseCoordinateText } from './coordinate-text.ts';
import { loadProjections } from './crs.ts';
import { SiteInputError } from './site-input-error.ts';

beforeAll(loadProjections);
const english = (warnings: Bilingual[]) => warnings.map((warning) => warning.en);

const wgs84 = { datum: 'wgs84' } as const;
const read = (text: string, options: Parameters<typeof parseCoordinateText>[1] = wgs84) => parseCoordinateText(text, options);
const refusal = (text: string, options: Parameters<typeof parseCoordinateText>[1] = wgs84) => {
  try {
    read(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteInputError);
    const {
      text: { en, zh },
      message,
    } = error as SiteInputError;
    expect(message).toBe(en);
    expect(zh).not.toBe('');
    return en;
  }
  throw new Error(`accepted: ${text}`);
};

test('one decimal pair is a point; markers in either position fix the order', () => {
  for (const text of [
    '109.5, 39.2',
    '109.5 39.2',
    'E 109.5 N 39.2',
    'N 39.2 E 109.5',
    '39.2N 109.5E',
    '北纬39.2 东经109.5',
    '[109.5, 39.2]',
  ]) {
    expect(read(text).geometry, text).toEqual({ type: 'Point', coordinates: [109.5, 39.2] });
  }
  expect(read('W 1.5 S 2.5').geometry).toEqual({ type: 'Point', coordinates: [-1.5, -2.5] });
});

test('degrees-minutes-seconds with symbols, Chinese units or hemisphere letters', () => {
  const expected = [109 + 30 / 60 + 15.5 / 3600, 39 + 12 / 60 + 3 / 3600];
  for (const text of [
    `109°30'15.5"E 39°12'3"N`,
    '109°30′15.5″, 39°12′3″',
    '东经109度30分15.5秒 北纬39度12分3秒',
    `109°30'15.5'' 39°12'3''`,
  ]) {
    const [lon = 0, lat = 0] = (read(text).geometry as { coordinates: number[] }).coordinates;
    expect(lon, text).toBeCloseTo(expected[0] ?? 0, 12);
    expect(lat, text).toBeCloseTo(expected[1] ?? 0, 12);
  }
  expect((read(`109°30.5'E 39°N`).geometry as { coordinates: number[] }).coordinates).toEqual([109 + 30.5 / 60, 39]);
});

test('several pairs make a line, a closed list or asPolygon a polygon', () => {
  expect(read('109.5,39.2\n109.6,39.3').geometry.type).toBe('LineString');
  const closed = read('109.5 39.2; 109.6 39.2; 109.6 39.3; 109.5 39.2');
  expect(closed.geometry).toEqual({
    type: 'Polygon',
    coordinates: [
      [
        [109.5, 39.2],
        [109.6, 39.2],
        [109.6, 39.3],
        [109.5, 39.2],
      ],
    ],
  });
  expect(english(closed.warnings)).toEqual([]);
  expect(read('109.5,39.2 109.6,39.2 109.6,39.3', { datum: 'wgs84', asPolygon: true }).geometry).toEqual(closed.geometry);
  const line = read('109.5,39.2 109.6,39.2 109.6,39.3');
  expect(line.geometry.type).toBe('LineString');
  expect(line.warnings[0]?.en).toMatch(/read as a line/);
  expect(line.warnings[0]?.zh).toMatch(/按线读取/);
});

test('latitude-first pairs are swapped with a warning; a mix of orders is refused', () => {
  const swapped = read('39.2, 109.5\n39.2, 109.6\n39.3, 109.6');
  expect(swapped.geometry).toEqual({
    type: 'LineString',
    coordinates: [
      [109.5, 39.2],
      [109.6, 39.2],
      [109.6, 39.3],
    ],
  });
  expect(swapped.warnings[0]?.en).toMatch(/latitude, longitude.*swapped/);
  expect(refusal('109.5, 39.2\n39.2, 109.6')).toMatch(/^line 2: 39.2, 109.6 .*looks like latitude, longitude/);
});

test('web-map datums are converted back to WGS-84', () => {
  const truth: [number, number] = [109.8, 39.6];
  const shift = (to: CRSTypes) => gcoord.transform(truth, gcoord.WGS84, to);
  for (const [datum, shifted] of [
    ['gcj02', shift(gcoord.GCJ02)],
    ['bd09', shift(gcoord.BD09)],
  ] as const) {
    const result = read(shifted.join(','), { datum });
    const [lon = 0, lat = 0] = (result.geometry as { coordinates: number[] }).coordinates;
    // The shift is hundreds of metres; the way back lands within 1e-6 degrees (about 0.1 m).
    expect(Math.abs(lon - truth[0])).toBeLessThan(1e-6);
    expect(Math.abs(lat - truth[1])).toBeLessThan(1e-6);
    expect(Math.abs((shifted[0] ?? 0) - truth[0])).toBeGreaterThan(1e-3);
    expect(result.warnings[0]?.en).toMatch(datum === 'gcj02' ? /GCJ-02/ : /BD-09/);
  }
});

test('refusals name the line and the value', () => {
  expect(refusal('')).toMatch(/nothing was pasted/);
  expect(refusal('109.5, 39.2\n109.6, 39.3, 12')).toBe('line 2: found 3 number(s); expected longitude, latitude pairs');
  expect(refusal('109.5, abc')).toMatch(/^line 1: cannot read "abc"/);
  expect(refusal(`109°75'E 39°N`)).toMatch(/^line 1: "109°75'": minutes must be below 60, got 75/);
  expect(refusal('E 109.5 E 39.2')).toMatch(/both marked as longitude/);
  expect(refusal('200, 39.2')).toMatch(/^line 1: 200, 39.2 is out of range/);
  expect(refusal('109.5 N')).toMatch(/found 1 number\(s\)/);
});

test('a Gauss-Krüger table with zone-prefixed Y becomes a polygon (PROJ reference point: cs2cs EPSG:4525 to EPSG:4490)', () => {
  const table = [
    '点号  X(m)  Y(m)',
    'J1  4412345.678  37512345.678',
    '    141.4',
    'J2  4412445.678  37512445.678',
    'J3  4412345.678  37512545.678',
    'J1  4412345.678  37512345.678',
  ].join('\n');
  const result = read(table);
  expect(result.geometry.type).toBe('Polygon');
  const [first] = (result.geometry as { coordinates: number[][][] }).coordinates[0] ?? [];
  expect(first?.[0]).toBeCloseTo(111.1442480438, 9);
  expect(first?.[1]).toBeCloseTo(39.8451515589, 9);
  expect(english(result.warnings)).toEqual(['skipped lines without coordinates (headers, edge lengths): 1, 3']);
  // Reviewers list a parcel's corners once: three or more points that do not repeat the first are still an area.
  const open = read(table.split('\n').slice(0, -1).join('\n'));
  expect(open.geometry).toEqual(result.geometry);
  expect(english(open.warnings).some((warning) => /read as a line/.test(warning))).toBe(false);
});

test('Gauss-Krüger eastings without a prefix need the central meridian or zone', () => {
  const table = 'J1 4412345.678 512345.678\nJ2 4412445.678 512345.678';
  expect(refusal(table)).toMatch(/^line 1: Y has no zone number prefix .*enter the central meridian \(and the zone width/);
  const byZone = read(table, { datum: 'wgs84', zone: 37, zoneWidth: 3 }).geometry as { coordinates: number[][] };
  const byMeridian = read(table, { datum: 'wgs84', centralMeridian: 111 }).geometry as { coordinates: number[][] };
  expect(byZone).toEqual(byMeridian);
  expect(byZone.coordinates[0]?.[0]).toBeCloseTo(111.1442480438, 9);
  // 6° zone 19 also has its central meridian at 111°E.
  expect(read(table, { datum: 'wgs84', zone: 19 }).geometry).toEqual(byZone);
});

test('Gauss-Krüger refusals and warnings', () => {
  expect(refusal('J1 4412345.678 52512345.678')).toMatch(/^line 1: zone 52 is not a Chinese Gauss-Krüger zone/);
  expect(refusal('J1 4412345.678 37512345.678', { datum: 'wgs84', centralMeridian: 114 })).toMatch(
    /zone number 37 \(central meridian 111°E\) but 114°E was chosen/,
  );
  expect(refusal('J1 4412345.678')).toMatch(/^line 1: expected X \(northing/);
  expect(refusal('J1 4412345.678 37512345.678\nJ2 37512345.678 4412345.678')).toMatch(/^line 2: the columns are in the other order/);
  const swapped = read('J1 37512345.678 4412345.678');
  expect(swapped.warnings[0]?.en).toMatch(/Y \(easting\) before X \(northing\)/);
  expect((swapped.geometry as { coordinates: number[] }).coordinates[0]).toBeCloseTo(111.1442480438, 9);
  expect(read('J1 4412345.678 37512345.678', { datum: 'gcj02' }).warnings[0]?.en).toMatch(/datum choice was ignored/);
  expect(english(read('J1 3412345.678 25512345.678').warnings).join()).toMatch(/zone 25 is outside Inner Mongolia/);
});
