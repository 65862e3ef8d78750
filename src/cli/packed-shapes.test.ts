import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { documentTitles } from '../report/document-title.ts';
import { createScreener, type Screener } from '../screening/screener.ts';
import { seededRandom } from '../screening/seeded-random.ts';
import { IdWriter } from '../site-input/packed-ids.ts';
import { batchPoints, BatchScreener, type BatchSettings, type PackedBatch } from './batch-screen.ts';
import { type Numbered, ShapeNumbers } from './packed-shapes.ts';
import type { KeptTemplate } from './shared-rows.ts';

let screener: Screener;
let settings: BatchSettings;

beforeAll(async () => {
  const seeds = readSeeds();
  screener = createScreener({ collections: await readCollections(), seeds, dataVersion: readManifest().version });
  const titles = documentTitles(seeds.map((seed) => ({ id: seed.id, title: seed.document.title })));
  settings = { format: 'csv', lang: undefined, projectType: 'solar-pv', titles };
});

/** Seeded points around Ordos and Wuhai, where zones and their bands crowd, with a few beyond the region. */
function batches(count: number, size: number): PackedBatch[] {
  const random = seededRandom(2024);
  const made: PackedBatch[] = [];
  for (let start = 0; start < count; start += size) {
    const ids = new IdWriter();
    const lonLat = new Float64Array(2 * size);
    for (let n = 0; n < size; n++) {
      ids.text(`p${start + n}`);
      const far = n % 50 === 0;
      lonLat[2 * n] = far ? 90 + random() : 106.5 + random() * 4;
      lonLat[2 * n + 1] = far ? 30 + random() : 38.5 + random() * 2.5;
    }
    made.push({ ids: ids.done(), lonLat, others: [], first: start === 0 });
  }
  return made;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('point shapes sent by a worker thread', () => {
  it('are the shapes the screener gives each point, numbered once per shape', () => {
    const numbers = new ShapeNumbers();
    const [batch] = batches(600, 600);
    const outside = screener.pointsOutsideRegion(batch!.lonLat);
    const shapes = numbers.pack(screener, batch!.lonLat, 'solar-pv');
    const codesOf = new Map<number, string>();
    for (let k = 0; k < shapes.freshEnd.length; k++) {
      const from = k > 0 ? (shapes.freshEnd[k - 1] as number) : 0;
      codesOf.set(shapes.firstFresh + k, Array.from(shapes.freshCodes.subarray(from, shapes.freshEnd[k])).join(','));
    }
    expect(new Set(codesOf.values()).size).toBe(codesOf.size);
    for (let n = 0; n < 600; n++) {
      const id = shapes.shapeIds[n] as number;
      expect(id === -1).toBe(outside[n] === 1);
      if (id === -1) continue;
      const shape = screener.pointShape(batch!.lonLat[2 * n]!, batch!.lonLat[2 * n + 1]!, 'solar-pv');
      expect(codesOf.get(id)).toBe(shape.key);
      const from = n > 0 ? (shapes.figureEnd[n - 1] as number) : 0;
      expect(Array.from(shapes.zones.subarray(from, shapes.figureEnd[n]))).toEqual([...shape.nearFigures().keys()]);
      expect(Array.from(shapes.figures.subarray(from, shapes.figureEnd[n]))).toEqual([...shape.nearFigures().values()]);
    }
    expect(outside.some((flag) => flag === 1)).toBe(true);
    expect(codesOf.size).toBeGreaterThan(20);
  });

  it('make the same CSV rows as the command thread screening alone, also when the numbers start again', () => {
    // A limit of 60 numbers starts them again every part or two; the rows must not notice.
    const numbers = new ShapeNumbers(60 + 256);
    const writing = new BatchScreener(screener, settings);
    const alone = new BatchScreener(screener, settings);
    const numbered: Numbered<KeptTemplate> = [];
    let restarts = 0;
    for (const batch of batches(4096, 256)) {
      const points = batchPoints(batch);
      const shapes = numbers.pack(screener, points.lonLat.slice(), 'solar-pv');
      if (shapes.restart) restarts++;
      const rows = text(writing.screen(batch, undefined, { points, shapes, numbered }).bytes);
      expect(rows).toBe(text(alone.screen(batch).bytes));
    }
    expect(restarts).toBeGreaterThan(2);
  });
});
