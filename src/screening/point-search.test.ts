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

/** 300 seeded boxes over 20 x 10 degrees, some wide, some flat or a single point, as an index may hold. */
function randomBoxes(random: () => number): { index: Flatbush; boxes: [number, number, number, number][] } {
  const index = new Flatbush(300, 8);
  const boxes: [number, number, number, number][] = [];
  for (let item = 0; item < 300; item++) {
    const x = 100 + random() * 20;
    const y = 40 + random() * 10;
    const width = item % 17 === 0 ? 0 : random() ** 3 * 15;
    const height = item % 23 === 0 ? 0 : random() ** 3 * 8;
    boxes.push([x, y, x + width, y + height]);
    index.add(x, y, x + width, y + height);
  }
  index.finish();
  return { index, boxes };
}

describe('point search', () => {
  it('finds the boxes the tree walk finds, in its order, inside, outside and on every box edge', () => {
    const random = seededRandom(41);
    const { index, boxes } = randomBoxes(random);
    const queries: [number, number][] = [];
    for (let n = 0; n < 5000; n++) queries.push([98 + random() * 24, 38 + random() * 14]);
    for (const [x0, y0, x1, y1] of boxes) queries.push([x0, y0], [x1, y1], [x0, (y0 + y1) / 2], [(x0 + x1) / 2, y1]);
    queries.push([index.minX, index.minY], [index.maxX, index.maxY], [index.maxX + 1e-9, index.maxY]);
    // A grid as fine as allowed, one coarser for lack of room, and none (the walk) where even the coarsest is too large.
    const fine = zoneGrid(index);
    const coarse = zoneGrid(index, 6000);
    expect(fine?.columns).toBe(128);
    expect(coarse?.columns).toBeLessThan(128);
    expect(zoneGrid(index, 100)).toBeNull();
    const reference = new PointSearch();
    for (const maxEntries of [undefined, 6000, 100]) {
      // A fresh index each time: an index keeps the grid it was first searched with.
      const { index: same } = randomBoxes(seededRandom(41));
      const search = new PointSearch(maxEntries);
      let met = 0;
      for (const [x, y] of queries) {
        const expected = found(reference, same, x, y, true);
        expect(found(search, same, x, y)).toEqual(expected);
        if (expected.length > 1) met++;
      }
      expect(met).toBeGreaterThan(1000);
    }
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
