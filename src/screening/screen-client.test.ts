import type { Feature, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { featureSlices } from './screen-client.ts';

const square = (n: number, vertices: number): Feature<Polygon> => ({
  type: 'Feature',
  properties: { n },
  geometry: {
    type: 'Polygon',
    coordinates: [Array.from({ length: vertices }, (_, k) => [110 + Math.cos(k), 41 + Math.sin(k)])],
  },
});

describe('the slices a layer is posted to the screen worker in', () => {
  test('hold every feature once, in order, each slice closed once it reaches the limit', () => {
    const features = Array.from({ length: 50 }, (_, n) => square(n, 5 + (n % 7) * 10));
    const slices = [...featureSlices(features, 200)];
    expect(slices.flat()).toEqual(features);
    for (const slice of slices.slice(0, -1)) {
      const positions = slice.map((feature) => (feature.geometry as Polygon).coordinates[0]!.length);
      expect(positions.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(200);
      expect(positions.slice(0, -1).reduce((sum, count) => sum + count, 0)).toBeLessThan(200);
    }
  });

  test('give a feature larger than the limit a slice of its own, and nothing for no features', () => {
    expect([...featureSlices([square(0, 500), square(1, 5)], 100)].map((slice) => slice.length)).toEqual([1, 1]);
    expect([...featureSlices([], 100)]).toEqual([]);
  });
});
