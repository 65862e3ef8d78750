import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetsKey, projectRoot, readCollections, readManifest, readSeeds, zoneLayer } from '../data/node-loader.ts';
import { createScreener, type Screener, screenerOver } from '../screening/screener.ts';
import { seededRandom } from '../screening/seeded-random.ts';
import { ZoneCache } from './zone-cache.ts';

let packed: Screener;
let folder: string;
const key = 'k'.repeat(32);
const options = () => ({ seeds: readSeeds(), dataVersion: readManifest().version });

beforeAll(async () => {
  packed = createScreener({ collections: await readCollections(projectRoot, zoneLayer), ...options(), shared: true });
  folder = mkdtempSync(join(tmpdir(), 'atlas-zones-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The CLI's fixture sites (points, lines and polygons), and seeded points over the region's box. */
const sites = (() => {
  const fixture = JSON.parse(
    readFileSync(join(projectRoot, 'tests', 'fixtures', 'screening', 'cli', 'sites.geojson'), 'utf8'),
  ) as FeatureCollection;
  const random = seededRandom(11);
  const points = Array.from({ length: 300 }, () => ({ type: 'Point', coordinates: [97.2 + random() * 28.8, 37.4 + random() * 16] }));
  return [...fixture.features.map((feature) => feature.geometry), ...points];
})();

/** Each site's full report for a project type, as the command's rows and records read it. */
const reports = (screener: Screener) => sites.map((site) => JSON.stringify(screener.screen(site, 'solar-pv')));

describe('the zones kept packed between runs', () => {
  it('give a screener the same zones, reports and shared arrays as packing them again', () => {
    const first = new ZoneCache(folder, key, true);
    expect(first.loaded).toBeUndefined();
    first.keep(packed);
    const kept = new ZoneCache(folder, key, true).loaded;
    if (!kept) throw new Error('the zones were not kept');
    expect(kept.zones).toEqual(packed.zones);
    expect(kept.store.count).toBe(packed.store.count);
    expect(kept.store.rings.bandCoords).toEqual(packed.store.rings.bandCoords);
    // Worker threads read the store in place.
    expect(kept.store.rings.coords.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(kept.store.index.data).toBeInstanceOf(SharedArrayBuffer);
    expect(new ZoneCache(folder, key, false).loaded?.store.zoneBox.buffer).toBeInstanceOf(ArrayBuffer);
    const screener = screenerOver(kept.store, kept.zones, options());
    expect(reports(screener)).toEqual(reports(packed));
  });

  it('ignore a file that is damaged or whose arrays do not match, and write it again', () => {
    const file = join(folder, `${key}.zones`);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length / 2));
    expect(new ZoneCache(folder, key, false).loaded).toBeUndefined();
    const content = deserialize(whole) as { store: { bandEdges: Uint32Array } };
    content.store.bandEdges = content.store.bandEdges.subarray(1);
    writeFileSync(file, serialize(content));
    const refused = new ZoneCache(folder, key, false);
    expect(refused.loaded).toBeUndefined();
    refused.keep(packed);
    expect(new ZoneCache(folder, key, false).loaded?.zones).toEqual(packed.zones);
  });

  it("are keyed by the bytes of the manifest and of the datasets that may hold zones, and by no other dataset's", () => {
    const root = join(folder, 'project');
    cpSync(join(projectRoot, 'public', 'data'), join(root, 'public', 'data'), { recursive: true });
    const own = datasetsKey(root, zoneLayer);
    expect(own).toBe(datasetsKey(projectRoot, zoneLayer));
    const change = (file: string) => {
      const path = join(root, 'public', 'data', file);
      const bytes = readFileSync(path);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
      writeFileSync(path, bytes);
    };
    change('base-rivers.fgb');
    expect(datasetsKey(root, zoneLayer)).toBe(own);
    change('wetlands.fgb');
    const changed = datasetsKey(root, zoneLayer);
    expect(changed).not.toBe(own);
    // The manifest too, whose hashes the datasets are checked against when read.
    const manifest = join(root, 'public', 'data', 'manifest.json');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}\n`);
    expect(datasetsKey(root, zoneLayer)).not.toBe(changed);
  });
});
