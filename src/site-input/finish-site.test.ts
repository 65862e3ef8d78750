import { expect, test } from 'vitest';
import { finishSite } from './finish-site.ts';
import { SITE_LIMITS } from './limits.ts';
import type { SiteGeometry } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

const refusal = (geometry: SiteGeometry) => {
  try {
    finishSite(geometry, []);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteInputError);
    return (error as SiteInputError).text.en;
  }
  return 'accepted';
};

test('the vertex and part limits are checked before any repair', () => {
  const line = Array.from({ length: SITE_LIMITS.vertices + 1 }, (_, index) => [109 + index * 1e-7, 40]);
  expect(refusal({ type: 'LineString', coordinates: line })).toMatch(/^the site has 1,000,001 vertices, over the limit of 1,000,000/);
  const lines = Array.from({ length: SITE_LIMITS.parts + 1 }, (_, index) => [
    [109 + index * 1e-5, 40],
    [109 + index * 1e-5, 40.1],
  ]);
  expect(refusal({ type: 'MultiLineString', coordinates: lines })).toMatch(/^the site has 100,001 parts, over the limit of 100,000/);
});

test('several distinct points are refused with the reason; repeats of one point are one point', () => {
  expect(
    refusal({
      type: 'MultiPoint',
      coordinates: [
        [109, 40],
        [109.5, 40.5],
      ],
    }),
  ).toMatch(/^the input holds 2 separate points, and a site is one point, one line or one area/);
  expect(
    finishSite(
      {
        type: 'MultiPoint',
        coordinates: [
          [109, 40],
          [109, 40],
        ],
      },
      [],
    ).geometry,
  ).toEqual({ type: 'Point', coordinates: [109, 40] });
});

test('a site off Inner Mongolia is kept, with a note', () => {
  const site = finishSite({ type: 'Point', coordinates: [2.35, 48.85] }, []);
  expect(site.warnings).toEqual([
    {
      en: 'the site lies outside Inner Mongolia (97-127°E, 37-54°N); check the coordinates',
      zh: '该场址全部位于内蒙古范围（东经97-127°、北纬37-54°）之外，请核对坐标',
    },
  ]);
});
