import { describe, expect, it } from 'vitest';
import { seededRandom } from '../screening/seeded-random.ts';
import { hilbertIndex, hilbertOrder } from './hilbert.ts';

describe('Hilbert order of points', () => {
  it('numbers every cell of the grid once, each next to the one before it', () => {
    const order = 8;
    const side = 2 ** order;
    const cellAt = new Int32Array(side * side).fill(-1);
    for (let x = 0; x < side; x++) for (let y = 0; y < side; y++) cellAt[hilbertIndex(x, y, order)] = x * side + y;
    expect(cellAt.includes(-1)).toBe(false);
    for (let d = 1; d < side * side; d++) {
      const [before, after] = [cellAt[d - 1]!, cellAt[d]!];
      const step = Math.abs(Math.floor(before / side) - Math.floor(after / side)) + Math.abs((before % side) - (after % side));
      expect(step, `curve step ${d}`).toBe(1);
    }
    expect([hilbertIndex(0, 0, 16), hilbertIndex(65_535, 0, 16)]).toEqual([0, 2 ** 32 - 1]);
  });

  it('sorts the points by their cell on the curve, those of one cell in input order', () => {
    const random = seededRandom(99);
    for (const count of [1, 7, 1024, 70_000]) {
      const lonLat = new Float64Array(2 * count);
      // Coarse coordinates, so that many points share a cell.
      for (let n = 0; n < 2 * count; n++) lonLat[n] = Math.floor(random() * 40) / 4;
      const order = hilbertOrder(lonLat);
      expect(new Set(order).size).toBe(count);
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let n = 0; n < count; n++) {
        [minX, maxX] = [Math.min(minX, lonLat[2 * n]!), Math.max(maxX, lonLat[2 * n]!)];
        [minY, maxY] = [Math.min(minY, lonLat[2 * n + 1]!), Math.max(maxY, lonLat[2 * n + 1]!)];
      }
      const cell = (point: number) =>
        hilbertIndex(
          maxX > minX ? Math.floor(((lonLat[2 * point]! - minX) * 255) / (maxX - minX)) : 0,
          maxY > minY ? Math.floor(((lonLat[2 * point + 1]! - minY) * 255) / (maxY - minY)) : 0,
          8,
        );
      for (let n = 1; n < count; n++) {
        const [before, after] = [order[n - 1]!, order[n]!];
        expect(cell(before) < cell(after) || (cell(before) === cell(after) && before < after), `${count} points, place ${n}`).toBe(true);
      }
    }
  });
});
