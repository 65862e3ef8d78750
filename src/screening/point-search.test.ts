import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { PointSearch, zoneGrid } from './point-search.ts';
import { createScreener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';

/** A search's answer for (x, y), as an array: from its grid (run) or from walking the tree. */
function found(search: PointSearch, index: Flatbush, x: number, y: number, walked = false): number[] {
  if (walked) search.walk(index, x, y, x, y);
  else search.run(index, x, y);
  return Array.from(search.found.subarray(0, search.count));
}

/**
 * 300 seeded boxes over about 35 x 18 degrees, some wide, some flat or a single point, as an index may hold, and
 * `large` boxes over all of them, each in every cell of a grid: enough of those and the grid is coarser, or none.
 */
function seededIndex(large: number): { index: Flatbush; boxes: [number, number, number, number][] } {
  const random = seededRandom(41);
  const boxes: [number, number, number, number][] = [];
  for (let item = 0; item < 300; item++) {
    const x = 100 + random() * 20;
    const y = 40 + random() * 10;
    const width = item % 17 === 0 ? 0 : random() ** 3 * 15;
    const height = item % 23 === 0 ? 0 : random() ** 3 * 8;
    boxes.push([x, y, x + width, y + height]);
  }
  for (let item = 0; item < large; item++) boxes.push([99, 39, 136, 59]);
  const index = new Flatbush(boxes.length, 8);
  for (const [x0, y0, x1, y1] of boxes) index.add(x0, y0, x1, y1);
  index.finish();
  return { index, boxes };
}

/**
 * Checks the grid's answers against the walk's, in order, at `count` seeded points and on corners and edges of the
 * first `edged` boxes; returns how many answers held more than one box.
 */
function agreesWithWalk(index: Flatbush, boxes: [number, number, number, number][], count: number, edged = 300): number {
  const random = seededRandom(42);
  const queries: [number, number][] = [];
  for (let n = 0; n < count; n++) queries.push([98 + random() * 40, 38 + random() * 22]);
  for (const [x0, y0, x1, y1] of boxes.slice(0, edged)) queries.push([x0, y0], [x1, y1], [x0, (y0 + y1) / 2], [(x0 + x1) / 2, y1]);
  queries.push([index.minX, index.minY], [index.maxX, index.maxY], [index.maxX + 1e-9, index.maxY]);
  const [search, reference] = [new PointSearch(), new PointSearch()];
  let met = 0;
  for (const [x, y] of queries) {
    const expected = found(reference, index, x, y, true);
    expect(found(search, index, x, y)).toEqual(expected);
    if (expected.length > 1) met++;
  }
  return met;
}

describe('point search', () => {
  it('finds the boxes the tree walk finds, in its order, inside, outside and on every box edge', () => {
    const { index, boxes } = seededIndex(0);
    expect(zoneGrid(index)?.columns).toBe(128);
    expect(agreesWithWalk(index, boxes, 5000)).toBeGreaterThan(1000);
  });

  it('gets a coarser grid, or none, where large boxes would fill a fine one, and answers the same', () => {
    // 260 boxes in every cell: 4.26M entries at 128 cells a side, over the 4M allowed; 1.06M at 64.
    const coarse = seededIndex(260);
    expect(zoneGrid(coarse.index)?.columns).toBe(64);
    expect(agreesWithWalk(coarse.index, coarse.boxes, 2000)).toBeGreaterThan(1000);
    // 16,400 boxes in every cell: over 4M entries even at 16 cells a side, so the tree is walked.
    const crowded = seededIndex(16_400);
    expect(zoneGrid(crowded.index)).toBeNull();
    expect(agreesWithWalk(crowded.index, crowded.boxes, 20, 20)).toBeGreaterThan(80);
  });

  it('reads the zones of the served data as the tree walk does', async () => {
    const screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
    const { index } = screener.store;
    const random = seededRandom(43);
    const [search, reference] = [new PointSearch(), new PointSearch()];
    for (let n = 0; n < 20_000; n++) {
      const x = 96 + random() * 31;
      const y = 36 + random() * 18;
      expect(found(search, index, x, y)).toEqual(found(reference, index, x, y, true));
    }
  });
});
