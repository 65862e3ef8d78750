import { distance } from '@turf/turf';
import { expect, test } from 'vitest';
import { bd09ToGcj02, bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, wgs84ToGcj02 } from './chinese-map-datums.ts';

const PLACES: [string, [number, number]][] = [
  ['Ordos', [109.8, 39.6]], ['Hohhot', [111.67, 40.82]], ['Hulunbuir', [119.7, 49.2]], ['Alxa', [105.7, 38.8]],
];

test.each(PLACES)('GCJ-02 and BD-09 invert to within 1e-6 degrees at %s', (_, wgs84) => {
  const gcj02 = wgs84ToGcj02(wgs84);
  const bd09 = gcj02ToBd09(gcj02);
  for (const [back, expected] of [[gcj02ToWgs84(gcj02), wgs84], [bd09ToGcj02(bd09), gcj02], [bd09ToWgs84(bd09), wgs84]]) {
    expect(Math.abs((back?.[0] ?? NaN) - (expected?.[0] ?? NaN))).toBeLessThan(1e-6);
    expect(Math.abs((back?.[1] ?? NaN) - (expected?.[1] ?? NaN))).toBeLessThan(1e-6);
  }
});

test('the GCJ-02 offset in Inner Mongolia is a few hundred metres; BD-09 adds roughly another kilometre', () => {
  // Ordos: about 499 m, within the 300-600 m range the obfuscation has across the region.
  const ordos: [number, number] = [109.8, 39.6];
  const gcjOffset = distance(ordos, wgs84ToGcj02(ordos), { units: 'meters' });
  expect(gcjOffset).toBeGreaterThan(300);
  expect(gcjOffset).toBeLessThan(600);
  expect(distance(ordos, gcj02ToBd09(wgs84ToGcj02(ordos)), { units: 'meters' })).toBeGreaterThan(1000);
});

test('points outside China are not shifted', () => {
  expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  expect(gcj02ToWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
});
