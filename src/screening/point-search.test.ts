import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { PointSearch, treeSearch } from './point-search.ts';
import { createScreener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';

/** The grid's answer for (x, y), as an array. */
function found(search: PointSearch, index: Flatbush, x: number, y: number): number[] {
  search.run(index, x, y);
  return Array.from(search.found.subarray(0, search.count));
}

describe('point search', () => {
  it('finds the boxes the tree walk finds, in its order, inside, outside and on every box edge', () => {
    const random = seededRandom(41);
    const index = new Flatbush(300, 8);
    const boxes: [number, number, number, number][] = [];
    for (let item = 0; item < 300; item++) {
      const x = 100 + random() * 20;
      const y = 40 + random() * 10;
      // Some boxes wide, some flat or a single point, as a zone's grown box never is but an index may hold.
      const width = item % 17 === 0 ? 0 : random() ** 3 * 15;
      const height = item % 23 === 0 ? 0 : random() ** 3 * 8;
      boxes.push([x, y, x + width, y + height]);
      index.add(x, y, x + width, y + height);
    }
    index.finish();
    const search = new PointSearch();
    const queries: [number, number][] = [];
    for (let n = 0; n < 5000; n++) queries.push([98 + random() * 24, 38 + random() * 14]);
    for (const [x0, y0, x1, y1] of boxes) queries.push([x0, y0], [x1, y1], [x0, (y0 + y1) / 2], [(x0 + x1) / 2, y1]);
    queries.push([index.minX, index.minY], [index.maxX, index.maxY], [index.maxX + 1e-9, index.maxY]);
    let met = 0;
    for (const [x, y] of queries) {
      const expected = treeSearch(index, x, y, x, y);
      expect(found(search, index, x, y)).toEqual(expected);
      if (expected.length > 1) met++;
    }
    expect(met).toBeGreaterThan(1000);
  });

  it('reads the zones of the served data as the tree walk does', async () => {
    const screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
    const { index } = screener.store;
    const random = seededRandom(43);
    const search = new PointSearch();
    for (let n = 0; n < 20_000; n++) {
      const x = 96 + random() * 31;
      const y = 36 + random() * 18;
      expect(found(search, index, x, y)).toEqual(treeSearch(index, x, y, x, y));
    }
  });
});
