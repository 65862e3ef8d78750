import { regionUndecided } from '../screening/point-batch.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readCollections, readManifest, readSeeds, zoneLayer } from '../data/node-loader.ts';
import { builtCount, createScreener, type Screener } from '../screening/screener.ts';
import { seededRandom } from '../screening/seeded-random.ts';
import { documentTitles } from '../report/document-title.ts';
import { GridCache, gridKey, readGrids } from './grid-cache.ts';
import { readAhead } from './kept-file.ts';
import { readAheadOn, ScreenPool } from './screen-pool.ts';
import { startScreenWorkers } from './screen-workers.ts';

let collections: Map<string, FeatureCollection>;
let folder: string;
const fresh = (): Screener => createScreener({ collections, seeds: readSeeds(), dataVersion: readManifest().version });

beforeAll(async () => {
  collections = await readCollections(projectRoot, zoneLayer);
  folder = mkdtempSync(join(tmpdir(), 'atlas-grids-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Seeded points over the whole region's box, far more than a screener shapes before it builds rasters. */
const lonLat = (() => {
  const random = seededRandom(7);
  const points = new Float64Array(2 * 4000);
  for (let n = 0; n < 4000; n++) points.set([97.2 + random() * 28.8, 37.4 + random() * 16], 2 * n);
  return points;
})();

/** Each point's region test, shape codes and near figures, as the screen command's CSV rows read them. */
function shapes(screener: Screener): string[] {
  const outside = screener.pointsOutsideRegion(lonLat, true);
  return Array.from(outside, (out, n) => {
    if (out === 1) return 'outside';
    const shape = screener.pointShape(lonLat[2 * n] as number, lonLat[2 * n + 1] as number, 'solar-pv');
    if (out === regionUndecided && !screener.inRegion(shape)) return 'outside';
    return `${shape.codeList().join(',')};${shape.nearFigures().size}:${[...shape.nearFigures().values()].join(',')}`;
  });
}

describe('the grids kept between runs', () => {
  it('are taken by a new screener, which then builds none and shapes every point as one that built its own', () => {
    const first = fresh();
    const expected = shapes(first);
    const built = first.builtGrids();
    expect(built.regionRaster).toBeDefined();
    expect(built.zoneRasters.filter(Boolean).length).toBeGreaterThan(40);
    expect(built.edgeGrids.filter(Boolean).length).toBeGreaterThan(0);
    expect(built.zoneGrid?.items.length).toBeGreaterThan(0);
    new GridCache(folder, first.store).keep([built]);

    const second = fresh();
    const cache = new GridCache(folder, second.store);
    expect(cache.loaded && builtCount(cache.loaded)).toBe(builtCount(built));
    const loaded = cache.loaded!;
    // Each zone's raster with its cell lists, which the second screener's shapes search (cell-edges.ts).
    for (const raster of loaded.zoneRasters) if (raster) expect(raster.edges?.edges.length).toBeGreaterThan(0);
    second.seedGrids(loaded);
    expect(shapes(second)).toEqual(expected);
    // The very objects read from the file: the screener built none of its own.
    const used = second.builtGrids();
    expect(used.regionRaster).toBe(loaded.regionRaster);
    expect(used.zoneRasters.length).toBe(loaded.zoneRasters.length);
    for (const [zone, raster] of used.zoneRasters.entries()) expect(raster).toBe(loaded.zoneRasters[zone]);
    expect(used.edgeGrids.length).toBe(loaded.edgeGrids.length);
    for (const [ring, grid] of used.edgeGrids.entries()) expect(grid).toBe(loaded.edgeGrids[ring]);
    // The point searches' grid too, its frame and boxes taken from the second screener's own index.
    expect(used.zoneGrid).toBe(loaded.zoneGrid);
    expect(loaded.zoneGrid).toEqual(built.zoneGrid);
  });

  it('are ignored where their file fails its check, and written again', () => {
    const screener = fresh();
    shapes(screener);
    const [name] = readdirSync(folder);
    const file = join(folder, name!);
    const whole = readFileSync(file);
    for (const broken of [whole.subarray(0, whole.length >> 1), Buffer.from('not grids'), whole.map((byte, at) => (at > 64 ? 0 : byte))]) {
      writeFileSync(file, broken);
      const cache = new GridCache(folder, screener.store);
      expect(cache.loaded).toBeUndefined();
      cache.keep([screener.builtGrids()]);
      expect(new GridCache(folder, screener.store).loaded).toBeDefined();
    }
  });

  it("are ignored where a raster's cell lists do not fit it", () => {
    const screener = fresh();
    const [name] = readdirSync(folder).filter((file) => file.endsWith('.grids'));
    const file = join(folder, name!);
    const whole = readFileSync(file);
    const damaged = (damage: (lists: { side: number; cellStart: Uint32Array; edges: Uint32Array }) => unknown) => {
      const value = deserialize(whole) as { zoneRasters: [number, { edges: Parameters<typeof damage>[0] } | null][] };
      const [, raster] = value.zoneRasters.find(([, item]) => item?.edges)!;
      raster!.edges = damage(raster!.edges) as Parameters<typeof damage>[0];
      return serialize(value);
    };
    for (const broken of [
      damaged((lists) => ({ ...lists, side: lists.side + 1 })),
      damaged((lists) => ({ ...lists, cellStart: lists.cellStart.subarray(1) })),
      damaged((lists) => ({ ...lists, edges: lists.edges.subarray(1) })),
      damaged((lists) => ({ ...lists, edges: Array.from(lists.edges) })),
    ]) {
      writeFileSync(file, broken);
      expect(new GridCache(folder, screener.store).loaded).toBeUndefined();
    }
    writeFileSync(file, whole);
    expect(new GridCache(folder, screener.store).loaded).toBeDefined();
  });

  it("are ignored where the point searches' grid does not fit the zones' index", () => {
    const screener = fresh();
    const [name] = readdirSync(folder).filter((file) => file.endsWith('.grids'));
    const file = join(folder, name!);
    const whole = readFileSync(file);
    type Lists = { columns: number; rows: number; cellStart: Uint32Array; items: Uint32Array };
    const damaged = (damage: (lists: Lists) => Lists) => {
      const value = deserialize(whole) as { zoneGrid: Lists };
      return serialize({ ...value, zoneGrid: damage(value.zoneGrid) });
    };
    const swapped = (array: Uint32Array, at: number) => {
      const copy = array.slice();
      [copy[at], copy[at + 1]] = [copy[at + 1]!, copy[at]!];
      return copy;
    };
    const firstRise = (lists: Lists) => lists.cellStart.findIndex((start, cell) => start < lists.cellStart[cell + 1]!);
    for (const broken of [
      damaged((lists) => ({ ...lists, columns: lists.columns + 1 })),
      damaged((lists) => ({ ...lists, items: lists.items.subarray(1) })),
      damaged((lists) => ({ ...lists, cellStart: swapped(lists.cellStart, firstRise(lists)) })),
      damaged((lists) => ({ ...lists, items: lists.items.map((item, slot) => (slot === 7 ? screener.store.index.numItems : item)) })),
    ]) {
      writeFileSync(file, broken);
      expect(new GridCache(folder, screener.store).loaded).toBeUndefined();
    }
    writeFileSync(file, whole);
    expect(new GridCache(folder, screener.store).loaded?.zoneGrid).toBeTruthy();
  });

  it('are read by the worker threads for themselves, which then build none of their own', async () => {
    const seeds = readSeeds();
    const screener = createScreener({ collections, seeds, dataVersion: readManifest().version, shared: true });
    const cache = new GridCache(folder, screener.store);
    expect(cache.loaded).toBeDefined();
    const titles = documentTitles(seeds.map((seed) => ({ id: seed.id, title: seed.document.title })));
    const settings = { format: 'csv', lang: undefined, projectType: 'solar-pv', titles } as const;
    const count = lonLat.length / 2;
    const ids = new TextEncoder().encode(Array.from({ length: count }, (_, n) => `p${n}`).join(''));
    const ends = new Uint32Array(count);
    for (let n = 0, end = 0; n < count; n++) ends[n] = end += `p${n}`.length;
    const rows: string[] = [];
    // The file named by the setup alone, read ahead of it (readAheadOn), or with another file read ahead; no file.
    const runs: [string | undefined, string | undefined][] = [
      [cache.file, undefined],
      [cache.file, cache.file],
      [cache.file, join(folder, 'a-file-never-written.grids')],
      [undefined, undefined],
    ];
    for (const [keptGrids, ahead] of runs) {
      const workers = startScreenWorkers(1);
      if (ahead) readAheadOn(workers, ahead);
      const pool = new ScreenPool(screener, seeds, settings, workers, { keptGrids });
      const answer = await pool.screen({ ids: { bytes: ids, ends }, lonLat: lonLat.slice(), others: [], first: true });
      rows.push(new TextDecoder().decode(answer().bytes));
      const [built] = await pool.built();
      // Given the file, the worker built nothing beyond it; without, it built its own rasters for these points.
      expect(built!.grids === null).toBe(keptGrids !== undefined);
      await pool.close();
    }
    for (const row of rows) expect(row).toBe(rows[0]);
    expect(rows[0]!.split('\r\n').length).toBe(count + 1);
  }, 60_000);

  it('are taken as read ahead of the zones where that reading was of the file named, and checked all the same', () => {
    const screener = fresh();
    const [name] = readdirSync(folder).filter((file) => file.endsWith('.grids'));
    const file = join(folder, name!);
    const whole = readFileSync(file);
    const ahead = readAhead(file)!;
    writeFileSync(file, 'not grids');
    // The file as it was when read ahead, not as it is now; a reading ahead of another file is not taken.
    expect(readGrids(file, screener.store, ahead)).toBeDefined();
    expect(readGrids(file, screener.store, { ...ahead, file: `${file}.other` })).toBeUndefined();
    // Checked like any reading: a value that fails the check is refused.
    expect(readGrids(file, screener.store, { file, value: { layout: 3 } })).toBeUndefined();
    writeFileSync(file, whole);
  });

  it('belong to zones of the same rings and accuracy only', () => {
    const { store } = fresh();
    const wider = new Float64Array(store.zoneAccuracyKm);
    wider[0] = (wider[0] as number) + 1;
    expect(gridKey(fresh().store)).toBe(gridKey(store));
    expect(gridKey({ ...store, zoneAccuracyKm: wider })).not.toBe(gridKey(store));
  });

  it('are simply not kept where the folder cannot be written', () => {
    const blocker = join(folder, 'a-file');
    writeFileSync(blocker, '');
    const screener = fresh();
    shapes(screener);
    expect(() => new GridCache(join(blocker, 'grids'), screener.store).keep([screener.builtGrids()])).not.toThrow();
  });
});
