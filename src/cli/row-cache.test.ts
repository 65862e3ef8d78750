import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readCollections, readManifest, readSeeds, zoneLayer } from '../data/node-loader.ts';
import { csvRows } from '../report/writers.ts';
import { createScreener, type Screener } from '../screening/screener.ts';
import { seededRandom } from '../screening/seeded-random.ts';
import { ByteWriter } from './byte-writer.ts';
import { RowCache, rowKey } from './row-cache.ts';
import { type KeptTemplate, SharedRows } from './shared-rows.ts';

let screener: Screener;
let folder: string;
const key = rowKey('zones', 'seeds', 'solar-pv', 'en');

beforeAll(async () => {
  screener = createScreener({
    collections: await readCollections(projectRoot, zoneLayer),
    seeds: readSeeds(),
    dataVersion: readManifest().version,
  });
  folder = mkdtempSync(join(tmpdir(), 'atlas-rows-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Seeded points inside the region's box, most with shapes of their own. */
const points = (() => {
  const random = seededRandom(5);
  return Array.from({ length: 3000 }, () => [107 + random() * 10, 40 + random() * 8] as const);
})();

/** The rows after the id of every point, from shared rows given `kept` templates; and the templates they made. */
function rowsOf(kept?: readonly KeptTemplate[]) {
  const shared = new SharedRows(csvRows('en'), screener, 'solar-pv', () => kept);
  const out = new ByteWriter();
  for (const [x, y] of points) shared.writeShaped(out, x, y);
  return { text: new TextDecoder().decode(out.written()), templates: shared.madeTemplates() };
}

describe('the CSV row templates kept between runs', () => {
  it('write the same rows as templates made afresh, and are written again only with templates the file lacks', () => {
    const made = rowsOf();
    expect(made.templates.length).toBeGreaterThan(20);
    const cache = new RowCache(folder, key);
    expect(cache.loaded).toBeUndefined();
    cache.keep(made.templates.slice(0, 10));
    const partial = new RowCache(folder, key).loaded;
    expect(partial).toHaveLength(10);
    expect(rowsOf(partial).text).toBe(made.text);
    new RowCache(folder, key).keep(made.templates);
    const whole = new RowCache(folder, key);
    expect(whole.loaded).toHaveLength(made.templates.length);
    const taken = rowsOf(whole.loaded);
    expect(taken.text).toBe(made.text);
    // Every template taken, none made again.
    expect(taken.templates).toHaveLength(0);
    // Templates the file holds already: nothing is written.
    writeFileSync(join(folder, `${key}.rows`), readFileSync(join(folder, `${key}.rows`)));
    const written = statSync(join(folder, `${key}.rows`)).mtimeMs;
    new RowCache(folder, key).keep(made.templates.slice(0, 5));
    expect(statSync(join(folder, `${key}.rows`)).mtimeMs).toBe(written);
    expect(new RowCache(folder, key).loaded).toHaveLength(made.templates.length);
  });

  it('keep the row of the points outside the region with the others, which a later run then makes no report for', () => {
    const text = (rows: SharedRows, x: number, y: number) => {
      const out = new ByteWriter();
      rows.writeOutside(out, x, y);
      return new TextDecoder().decode(out.written());
    };
    const first = new SharedRows(csvRows('en'), screener, 'solar-pv');
    const row = text(first, 80, 30);
    expect(row).toContain('Outside Inner Mongolia');
    expect(first.madeTemplates().map(({ codes }) => codes)).toEqual([[]]);
    const outsideKey = rowKey('zones', 'seeds', 'solar-pv', 'en outside');
    new RowCache(folder, outsideKey).keep(first.madeTemplates());
    const kept = new RowCache(folder, outsideKey).loaded;
    const reportless: Screener = {
      ...screener,
      shapeTemplate: () => {
        throw new Error('a report was made');
      },
    };
    expect(text(new SharedRows(csvRows('en'), reportless, 'solar-pv', () => kept), 125, 39)).toBe(row);
    rmSync(join(folder, `${outsideKey}.rows`));
  });

  it('ignore a file that is damaged or whose templates do not hold together', () => {
    const file = join(folder, `${key}.rows`);
    const whole = readFileSync(file);
    writeFileSync(file, 'not rows');
    expect(new RowCache(folder, key).loaded).toBeUndefined();
    const tampered = (change: (rows: Record<string, Uint32Array | Int32Array>) => void) => {
      const rows = deserialize(whole) as Record<string, Uint32Array | Int32Array>;
      change(rows);
      writeFileSync(file, serialize(rows));
      return new RowCache(folder, key).loaded;
    };
    expect(tampered(() => undefined)).toBeDefined();
    expect(tampered((rows) => (rows['partEnd'] = rows['partEnd']!.subarray(1)))).toBeUndefined();
    expect(tampered((rows) => (rows['zoneEnd']![0] = 10 ** 6))).toBeUndefined();
    // A first template of one code fewer: the codes of a shape come three to a zone.
    expect(tampered((rows) => (rows['codeEnd']![0] = (rows['codeEnd']![0] as number) - 1))).toBeUndefined();
    expect(readdirSync(folder)).toEqual([`${key}.rows`]);
  });

  it('are keyed by the zones, the rules, the project type and the language', () => {
    const keys = [
      rowKey('zones', 'seeds', 'solar-pv', 'en'),
      rowKey('other zones', 'seeds', 'solar-pv', 'en'),
      rowKey('zones', 'other seeds', 'solar-pv', 'en'),
      rowKey('zones', 'seeds', 'steel', 'en'),
      rowKey('zones', 'seeds', 'solar-pv', 'zh'),
      rowKey('zones', 'seeds', 'solar-pv', undefined),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
