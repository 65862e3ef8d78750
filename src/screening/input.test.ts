import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { polygonArea } from '../geodesy/ellipsoidal-area.ts';
import { ScreeningInputError } from './input-error.ts';
import { createScreener } from './screener.ts';
import { geodesicKm } from '../geodesy/ellipsoid.ts';

/** One square zone, 0.2° a side near Hohhot, with a rule for steel. */
const zone = [
  [111, 40.5],
  [111.2, 40.5],
  [111.2, 40.7],
  [111, 40.7],
  [111, 40.5],
];
const screener = createScreener({
  collections: new Map([
    [
      'test',
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Polygon', coordinates: [zone] },
            properties: { id: 'test-park', name_zh: '测试园区', name_en: 'Test park', zone_kind: 'industrial-park', accuracy_km: 0.5 },
          },
        ],
      },
    ],
  ]),
  seeds: [],
  dataVersion: 'test',
});

const rejects = (geometry: unknown, type: string, message: RegExp) => {
  expect(() => screener.screen(geometry, type)).toThrow(ScreeningInputError);
  expect(() => screener.screen(geometry, type)).toThrow(message);
};

describe('input checks', () => {
  it('names an unknown project type', () =>
    rejects({ type: 'Point', coordinates: [111.1, 40.6] }, 'steal', /unknown project type "steal"/));
  it('rejects coordinates out of range', () => {
    rejects({ type: 'Point', coordinates: [181, 40] }, 'steel', /longitude 181 is out of range/);
    rejects(
      {
        type: 'LineString',
        coordinates: [
          [111, 40],
          [111, 95],
        ],
      },
      'steel',
      /latitude 95 is out of range/,
    );
    expect(() => screener.screenPoints(new Float64Array([111, 40, 200, 40]), 'steel')).toThrow(/point 2: longitude 200/);
  });
  it('rejects empty geometries', () => {
    rejects({ type: 'Point', coordinates: [] }, 'steel', /empty geometry/);
    rejects({ type: 'Polygon', coordinates: [] }, 'steel', /empty geometry/);
    rejects(
      {
        type: 'Polygon',
        coordinates: [
          [
            [111, 40],
            [111, 40],
            [111, 40],
            [111, 40],
          ],
        ],
      },
      'steel',
      /empty geometry/,
    );
    rejects({ type: 'MultiPolygon', coordinates: [] }, 'steel', /empty geometry/);
  });
  it('rejects what it cannot screen', () => {
    rejects({ type: 'GeometryCollection', geometries: [] }, 'steel', /empty geometry|unsupported/);
    rejects({ type: 'MultiPoint', coordinates: [[111, 40]] }, 'steel', /unsupported geometry type "MultiPoint"/);
    rejects('POINT (111 40)', 'steel', /GeoJSON geometry object/);
  });
});

describe('self-intersecting polygons', () => {
  it('are repaired by their union with themselves, and say so', () => {
    // A bow tie whose crossing lies on the zone's west edge: the left lobe is outside, the right inside.
    const bowTie = [
      [110.9, 40.55],
      [111.1, 40.65],
      [111.1, 40.55],
      [110.9, 40.65],
      [110.9, 40.55],
    ];
    const report = screener.screen({ type: 'Polygon', coordinates: [bowTie] }, 'steel');
    expect(report.warnings.map((warning) => warning.code)).toContain('geometry-repaired');
    const repaired = polygonClipping.union([bowTie as [number, number][]]);
    expect(report.site.areaHa).toBeCloseTo(polygonArea({ type: 'MultiPolygon', coordinates: repaired }) / 1e4, 2);
    const hit = report.hits.find((h) => h.zoneId === 'test-park');
    expect(hit?.shareOfSitePct).toBeCloseTo(50, 0);
  });
});

describe('line sites', () => {
  it('measure the length inside a zone', () => {
    // Along latitude 40.6 from 110.9 to 111.3: the middle half lies inside the zone.
    const report = screener.screen(
      {
        type: 'LineString',
        coordinates: [
          [110.9, 40.6],
          [111.3, 40.6],
        ],
      },
      'steel',
    );
    const hit = report.hits.find((h) => h.zoneId === 'test-park');
    expect(hit?.position).toBe('straddles');
    // The zone's edge is good to 0.5 km at either end: about 16-18 km inside, said to the km.
    const inside = geodesicKm(111, 40.6, 111.2, 40.6);
    expect(hit?.insideLengthKm).toBeCloseTo(inside, 0);
    const [low, high] = hit?.insideLengthKmRange ?? [NaN, NaN];
    expect(low).toBeLessThanOrEqual(inside - 0.9);
    expect(high).toBeGreaterThanOrEqual(inside + 0.9);
    expect(high - low).toBeLessThanOrEqual(4);
    expect(report.site.lengthKm).toBeCloseTo(geodesicKm(110.9, 40.6, 111.3, 40.6), 2);
  });
});
