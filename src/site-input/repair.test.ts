import { expect, test } from 'vitest';
import type { Bilingual } from '../schema/bilingual.ts';
import { repairGeometry } from './repair.ts';
import type { SiteGeometry } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

const english = (warnings: Bilingual[]) => warnings.map((warning) => warning.en);
const checkGeometry = (geometry: SiteGeometry) => {
  const warnings: Bilingual[] = [];
  return { geometry: repairGeometry(geometry, warnings), warnings };
};

const refusal = (geometry: SiteGeometry) => {
  try {
    checkGeometry(geometry);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteInputError);
    return (error as SiteInputError).text.en;
  }
  throw new Error('accepted');
};

const square = [
  [109, 39],
  [110, 39],
  [110, 40],
  [109, 40],
  [109, 39],
];

test('a sound polygon passes unchanged and without warnings', () => {
  expect(checkGeometry({ type: 'Polygon', coordinates: [square] })).toEqual({
    geometry: { type: 'Polygon', coordinates: [square] },
    warnings: [],
  });
});

test('open rings are closed and repeated points removed, with warnings', () => {
  const result = checkGeometry({
    type: 'Polygon',
    coordinates: [
      [
        [109, 39],
        [110, 39],
        [110, 39],
        [110, 40],
        [109, 40],
      ],
    ],
  });
  expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
  expect(english(result.warnings)).toEqual([
    'outer boundary was not closed; its first point was repeated at the end',
    'outer boundary: removed 1 repeated point(s)',
  ]);
  expect(result.warnings[0]?.zh).toBe('外边界未闭合，已在末尾补上起点');
  const line = checkGeometry({
    type: 'LineString',
    coordinates: [
      [109, 39],
      [109, 39],
      [110, 40],
    ],
  });
  expect(line.geometry.coordinates).toEqual([
    [109, 39],
    [110, 40],
  ]);
  const points = checkGeometry({
    type: 'MultiPoint',
    coordinates: [
      [109, 39],
      [110, 40],
      [109, 39],
    ],
  });
  expect(points.geometry.coordinates).toEqual([
    [109, 39],
    [110, 40],
  ]);
});

test('a self-crossing boundary is repaired into the areas it encloses, naming the crossing point', () => {
  const bowtie = [
    [109, 39],
    [110, 40],
    [110, 39],
    [109, 40],
    [109, 39],
  ];
  const result = checkGeometry({ type: 'Polygon', coordinates: [bowtie] });
  expect(result.geometry.type).toBe('MultiPolygon');
  expect(result.geometry.coordinates).toHaveLength(2);
  expect(result.warnings[0]?.en).toBe(
    'the boundary crossed itself at 109.500000, 39.500000; it was repaired into 2 polygon(s) covering the enclosed area: check the result',
  );
  // A hole that crosses its outer boundary is resolved the same way.
  const hole = [
    [109.5, 39.5],
    [110.5, 39.5],
    [110.5, 39.6],
    [109.5, 39.6],
    [109.5, 39.5],
  ];
  const crossed = checkGeometry({ type: 'Polygon', coordinates: [square, hole] });
  expect(crossed.warnings[0]?.en).toMatch(/crossed itself at 110\.000000, 39\.(5|6)00000 and 1 more place/);
});

test('degenerate shapes are refused', () => {
  expect(
    refusal({
      type: 'Polygon',
      coordinates: [
        [
          [109, 39],
          [110, 40],
          [109, 39],
        ],
      ],
    }),
  ).toBe('outer boundary has 2 distinct point(s); a polygon ring needs at least 3');
  expect(
    refusal({
      type: 'Polygon',
      coordinates: [
        [
          [109, 39],
          [110, 40],
          [111, 41],
          [109, 39],
        ],
      ],
    }),
  ).toBe('outer boundary encloses no area: all its points lie on one line');
  expect(
    refusal({
      type: 'MultiPolygon',
      coordinates: [
        [square],
        [
          square,
          [
            [109.2, 39.2],
            [109.2, 39.2],
            [109.3, 39.3],
          ],
        ],
      ],
    }),
  ).toBe('polygon 2, hole 1 has 2 distinct point(s); a polygon ring needs at least 3');
  expect(
    refusal({
      type: 'LineString',
      coordinates: [
        [109, 39],
        [109, 39],
      ],
    }),
  ).toBe('the line has fewer than 2 distinct points');
  expect(refusal({ type: 'Polygon', coordinates: [] })).toBe('the Polygon has no coordinates');
});

test('duplicate removal on 600,000 points takes one pass (it once compared every pair)', () => {
  const points = Array.from({ length: 600_000 }, (_, index) => [109 + (index % 300_000) * 1e-6, 40]);
  const { geometry, warnings } = checkGeometry({ type: 'MultiPoint', coordinates: points });
  expect(geometry.coordinates).toHaveLength(300_000);
  expect(english(warnings)).toEqual(['removed 300000 repeated point(s)']);
  // A circle of 300,000 vertices, each written twice.
  const circle = Array.from({ length: 600_001 }, (_, index) => {
    const angle = (2 * Math.PI * Math.floor((index % 600_000) / 2)) / 300_000;
    return [109 + 0.1 * Math.cos(angle), 40 + 0.1 * Math.sin(angle)];
  });
  const ring = checkGeometry({ type: 'Polygon', coordinates: [circle] });
  expect((ring.geometry.coordinates as number[][][])[0]).toHaveLength(300_001);
}, 30_000);

test('a boundary crossing itself thousands of times is refused before any repair starts', () => {
  // The star polygon {50001/25000}: every edge crosses almost every other.
  const star = Array.from({ length: 50_002 }, (_, index) => {
    const angle = (2 * Math.PI * ((index * 25_000) % 50_001)) / 50_001;
    return [109 + Math.cos(angle), 40 + Math.sin(angle)];
  });
  expect(refusal({ type: 'Polygon', coordinates: [star] })).toMatch(
    /^the boundary crosses itself at .* and in more than 1000 places: too tangled to repair safely/,
  );
});
