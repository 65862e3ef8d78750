import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { describe, expect, test } from 'vitest';
import { seatPropertiesSchema } from '../../src/schema/seat.ts';
import { chineseNames, englishCounty, seatFeature, toTheMinute, type GeoNamesRow } from './seat-names.ts';

/** GeoNames rows as cities500 has them (alternate names shortened to the ones that matter). */
const row = (fields: Partial<GeoNamesRow>): GeoNamesRow => ({
  geonameid: 1,
  name: '',
  alternateNames: [],
  latitude: 39.84417,
  longitude: 108.73472,
  featureCode: 'PPLA3',
  country: 'CN',
  admin1: '20',
  population: 0,
  ...fields,
});
const xinli = row({
  name: 'Xinli',
  alternateNames: ['Hang-chin-ch’i', 'Hanggin Qi', 'Xini Zhen', 'Xinli', 'hang jin qi', 'xi ni', 'xi ni zhen', '杭锦旗', '锡尼', '锡尼镇'],
});
const galutu = row({ name: 'Galutu', alternateNames: ['Uxin Qi', 'Wushen Qi', 'wu shen qi', '乌审旗', '嘎鲁图镇'] });

describe('seat names', () => {
  test('a banner seat is named by its banner, then its own full name', () => {
    expect(chineseNames(xinli)).toEqual({ seat: '锡尼镇', county: '杭锦旗' });
    expect(seatFeature(xinli)?.properties).toMatchObject({
      name_zh: '杭锦旗（锡尼镇）',
      name_en: 'Hanggin Banner (Xinli)',
      label_min_zoom: 6,
    });
  });

  test("the region's romanisation of a Mongolian name is preferred over Hanyu Pinyin", () => {
    expect(englishCounty(galutu, '乌审旗')).toBe('Uxin Banner');
    expect(englishCounty(row({ alternateNames: ['Horqin Youyi Qianqi', "Ke'erqin Youyi Qianqi"] }), '科尔沁右翼前旗')).toBe(
      'Horqin Right Front Banner',
    );
  });

  test('a banner that is ambiguous, or a township, is named by the seat alone', () => {
    expect(seatFeature(xinli, new Set(['杭锦旗']))?.properties).toMatchObject({ name_zh: '锡尼镇', name_en: 'Xinli' });
    const township = seatFeature(row({ name: 'Lasengmiao', featureCode: 'PPLA4', alternateNames: ['la seng miao', '拉僧庙', '拉僧庙镇'] }));
    expect(township?.properties).toMatchObject({ name_zh: '拉僧庙镇', name_en: 'Lasengmiao', label_min_zoom: 8 });
  });

  test('a city that was a banner is named by the city; a known GeoNames slip is corrected', () => {
    expect(chineseNames(row({ alternateNames: ['布特哈旗', '扎兰屯市', '兴华街道'] }))?.county).toBe('扎兰屯市');
    expect(chineseNames(row({ alternateNames: ['西林', '西林镇'] }))?.seat).toBe('林西镇');
  });

  test('no Chinese name: no feature; positions to the arc-minute are flagged as coarser', () => {
    expect(seatFeature(row({ name: 'Hoh Ereg', alternateNames: ['Wuchuan'] }))).toBeUndefined();
    expect(toTheMinute(row({ latitude: 41.56667, longitude: 119.33333 }))).toBe(true);
    expect(toTheMinute(xinli)).toBe(false);
    expect(seatFeature(row({ ...xinli, latitude: 41.56667, longitude: 119.33333 }))?.properties?.['accuracy_km']).toBe(3);
  });
});

describe('the committed seats', () => {
  const read = (id: string) =>
    (JSON.parse(readFileSync(join(import.meta.dirname, '..', id, 'source.geojson'), 'utf8')) as { features: Feature<Point>[] }).features;
  const seats = read('base-seats');
  const townships = read('base-townships');

  test('parse with the seat schema, at their zooms', () => {
    for (const feature of seats) expect(seatPropertiesSchema.parse(feature.properties).label_min_zoom).toBe(6);
    for (const feature of townships) expect(seatPropertiesSchema.parse(feature.properties).label_min_zoom).toBe(8);
  });

  test('repeat no town or seat: no GeoNames id twice, no two points within 3 km', () => {
    const all = [...read('base-towns'), ...seats, ...townships];
    expect(new Set(all.map((feature) => feature.properties?.['geonameid'])).size).toBe(all.length);
    const close = all.flatMap((a, i) => all.slice(i + 1).filter((b) => distance(a, b, { units: 'kilometers' }) < 3));
    expect(close).toEqual([]);
  });
});
