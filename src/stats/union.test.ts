import { describe, expect, it } from 'vitest';
import type { Feature, Geometry, Position } from 'geojson';
import { polygonArea } from '../geodesy/ellipsoidal-area.ts';
import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { distanceToOutline, prepareRegion, unionArea, unionAreaInRegion } from './union.ts';

const box = (west: number, south: number, east: number, north: number): Position[] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];
const feature = (id: string, geometry: Geometry, properties: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties: { id, ...properties },
  geometry,
});
const square = (id: string, west: number, south: number, size: number) =>
  feature(id, { type: 'Polygon', coordinates: [box(west, south, west + size, south + size)] });
const areaOf = (...rings: Position[][]) => polygonArea({ type: 'Polygon', coordinates: rings });
const expectArea = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-9);

/** A 1° region at Inner Mongolia's latitude. */
const region = prepareRegion({ type: 'Polygon', coordinates: [box(110, 40, 111, 41)] });
const inRegion = (...features: Feature[]) => unionAreaInRegion(features, region);

describe('union area inside a region', () => {
  it('counts the overlap of two squares once', () => {
    const result = inRegion(square('a', 110.1, 40.1, 0.2), square('b', 110.2, 40.2, 0.2));
    // The union's outline, with the two corners where the squares' edges cross.
    const outline = [
      [110.1, 40.1],
      [110.3, 40.1],
      [110.3, 40.2],
      [110.4, 40.2],
      [110.4, 40.4],
      [110.2, 40.4],
      [110.2, 40.3],
      [110.1, 40.3],
      [110.1, 40.1],
    ];
    expectArea(result.areaM2, areaOf(outline));
    expect(result.featureIds).toEqual(['a', 'b']);
    expect(result.components).toBe(1);
  });

  it('keeps a hole empty, and fills it only where another polygon lies', () => {
    const ring = feature('ring', {
      type: 'Polygon',
      coordinates: [box(110.1, 40.1, 110.5, 40.5), box(110.2, 40.2, 110.4, 40.4).reverse()],
    });
    expectArea(inRegion(ring).areaM2, areaOf(box(110.1, 40.1, 110.5, 40.5)) - areaOf(box(110.2, 40.2, 110.4, 40.4)));
    const island = square('island', 110.25, 40.25, 0.1);
    expectArea(inRegion(ring, island).areaM2, inRegion(ring).areaM2 + inRegion(island).areaM2);
  });

  it('adds nothing for a polygon nested in another, and everything for disjoint ones', () => {
    const big = square('big', 110.1, 40.1, 0.5);
    expectArea(inRegion(big, square('small', 110.2, 40.2, 0.1)).areaM2, inRegion(big).areaM2);
    const far = square('far', 110.8, 40.8, 0.1);
    const disjoint = inRegion(square('near', 110.1, 40.1, 0.1), far);
    expectArea(disjoint.areaM2, areaOf(box(110.1, 40.1, 110.2, 40.2)) + areaOf(box(110.8, 40.8, 110.9, 40.9)));
    expect(disjoint.components).toBe(2);
  });

  it('counts overlapping parts of one MultiPolygon once', () => {
    const parts = feature('parts', {
      type: 'MultiPolygon',
      coordinates: [[box(110.1, 40.1, 110.3, 40.3)], [box(110.2, 40.1, 110.4, 40.3)]],
    });
    expectArea(inRegion(parts).areaM2, areaOf(box(110.1, 40.1, 110.4, 40.3)));
  });

  it('clips to the region and leaves out what lies wholly outside it', () => {
    const result = inRegion(square('straddling', 110.9, 40.5, 0.2), square('outside', 111.5, 40.5, 0.2));
    expectArea(result.areaM2, areaOf(box(110.9, 40.5, 111, 40.7)));
    expect(result.featureIds).toEqual(['straddling']);
  });

  it('clips against a region with a hole and a concave edge', () => {
    const holed = prepareRegion({
      type: 'Polygon',
      coordinates: [
        [
          [110, 40],
          [111, 40],
          [111, 41],
          [110.5, 40.5],
          [110, 41],
          [110, 40],
        ],
        box(110.2, 40.1, 110.3, 40.2).reverse(),
      ],
    });
    const result = unionAreaInRegion([square('a', 110.15, 40.05, 0.2)], holed);
    expectArea(result.areaM2, areaOf(box(110.15, 40.05, 110.35, 40.25)) - areaOf(box(110.2, 40.1, 110.3, 40.2)));
  });

  it('skips aggregate features and counts points without area', () => {
    const parts = [square('a', 110.1, 40.1, 0.2), square('b', 110.5, 40.5, 0.2)];
    const whole = feature(
      'network',
      { type: 'MultiPolygon', coordinates: [[box(110.1, 40.1, 110.3, 40.3)], [box(110.5, 40.5, 110.7, 40.7)]] },
      { aggregate: true },
    );
    const inside = feature('station', { type: 'Point', coordinates: [110.6, 40.2] });
    const outside = feature('elsewhere', { type: 'Point', coordinates: [112, 40.2] });
    const result = inRegion(...parts, whole, inside, outside);
    expectArea(result.areaM2, inRegion(...parts).areaM2);
    expect(result.skippedAggregateIds).toEqual(['network']);
    expect(result.featureIds).toEqual(['a', 'b', 'station']);
    expect([result.polygonCount, result.pointCount]).toEqual([2, 1]);
  });

  it('gives zero for nothing', () => {
    expect(unionArea([])).toEqual({ areaM2: 0, perimeterKm: 0, components: 0 });
  });

  it('measures the edge length of the union, the overlap counted once and the stretch along the outline included', () => {
    // Two 0.2° squares overlapping by half, one of them cut by the region's east edge at 111°.
    const union = inRegion(square('a', 110.5, 40.4, 0.2), square('b', 110.6, 40.4, 0.2), square('c', 110.9, 40.1, 0.2));
    const km = (degrees: number, latitude: number) => degrees * kilometresPerDegree(latitude).x;
    const north = 0.2 * kilometresPerDegree(40.5).y;
    const expected = 2 * km(0.3, 40.5) + 2 * north + 2 * km(0.1, 40.2) + 2 * 0.2 * kilometresPerDegree(40.2).y;
    expect(Math.abs(union.perimeterKm - expected)).toBeLessThan(0.05);
  });

  it('finds the distance from a feature to the outline within a reach, and nothing beyond it', () => {
    const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });
    const tenthKm = 0.1 * kilometresPerDegree(40.5).x;
    expect(distanceToOutline(point(110.9, 40.5), region, 20)).toBeCloseTo(tenthKm, 3);
    expect(distanceToOutline(point(111.1, 40.5), region, 20)).toBeCloseTo(tenthKm, 3);
    expect(distanceToOutline(point(110.5, 40.5), region, 20)).toBe(Infinity);
    expect(distanceToOutline(square('c', 110.9, 40.1, 0.2).geometry, region, 1)).toBe(0);
  });
});
