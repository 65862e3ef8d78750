/** Seeded random checks of the engine against Turf (hits) and polygon-clipping + polygonArea (overlap areas). */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import polygonClipping from 'polygon-clipping';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { polygonArea } from '../geodesy/ellipsoidal-area.ts';
import { toMultiPolygon } from './clip-fallback.ts';
import { ContactFinder } from './contact.ts';
import { PointPool } from './parallel-points.ts';
import { createScreener, type Screener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';
import { parseSite } from './site.ts';
import { starRing } from './synthetic-zones.ts';
import { verdictCode } from './verdict.ts';
import type { ZoneSource } from './zones.ts';

/** A 1° x 1° patch near Baotou, crowded with zones so that most queries meet several. */
const [x0, y0] = [109.5, 40.5];
const random = seededRandom(20260101);
const inPatch = () => [x0 + random(), y0 + random()] as const;

const ringPositions = (xy: Float64Array) =>
  Array.from({ length: xy.length / 2 + 1 }, (_, i) => [xy[(2 * i) % xy.length] as number, xy[(2 * i + 1) % xy.length] as number]);

function zoneSources(count: number): ZoneSource[] {
  return Array.from({ length: count }, (_, n) => {
    const [cx, cy] = inPatch();
    const radius = 0.02 + 0.15 * random();
    const vertices = 8 + Math.floor(random() * 300);
    const rings = [{ xy: starRing(random, cx, cy, radius, vertices), hole: false }];
    if (n % 5 === 0) rings.push({ xy: starRing(random, cx, cy, radius * 0.3, 12, true), hole: true });
    return {
      info: {
        id: `zone-${n}`,
        layer: 'test',
        name: { zh: `区 ${n}`, en: `Zone ${n}` },
        zoneKind: 'wetland',
        basis: 'unstated',
        accuracyKm: 0,
      },
      rings,
    };
  });
}

let screener: Screener;
let features: Feature<MultiPolygon>[];

beforeAll(() => {
  const sources = zoneSources(150);
  screener = createScreener({ collections: new Map(), seeds: [], dataVersion: 'test', extraZones: sources });
  features = sources.map((source) =>
    turf.feature({
      type: 'MultiPolygon',
      coordinates: [source.rings.map((ring) => ringPositions(ring.xy as Float64Array))],
    }),
  );
});

const zonesAt = (x: number, y: number) => features.flatMap((feature, zone) => (turf.booleanPointInPolygon([x, y], feature) ? [zone] : []));

describe('points', { timeout: 30_000 }, () => {
  it('hit the zones Turf puts them in, in batch and one by one', () => {
    const count = 2000;
    const points = new Float64Array(2 * count);
    for (let i = 0; i < count; i++) [points[2 * i], points[2 * i + 1]] = inPatch();
    const batch = screener.screenPoints(points, 'steel');
    let hits = 0;
    for (let i = 0; i < count; i++) {
      const expected = zonesAt(points[2 * i] as number, points[2 * i + 1] as number);
      const found = Array.from(batch.hitZones.subarray(batch.hitStart[i], batch.hitStart[i + 1])).sort((a, b) => a - b);
      expect(found).toEqual(expected);
      hits += found.length;
      if (i < 200) {
        const report = screener.screen({ type: 'Point', coordinates: [points[2 * i], points[2 * i + 1]] }, 'steel');
        expect(report.hits.map((hit) => Number(hit.zoneId.slice(5))).sort((a, b) => a - b)).toEqual(expected);
      }
    }
    expect(hits).toBeGreaterThan(count / 2);
  });
});

describe('polygon sites', { timeout: 30_000 }, () => {
  const sites = () =>
    Array.from({ length: 50 }, () => {
      const [cx, cy] = inPatch();
      const xy = starRing(random, cx, cy, 0.01 + 0.1 * random(), 5 + Math.floor(random() * 200));
      return { type: 'Polygon', coordinates: [ringPositions(xy)] } as Polygon;
    });

  it('hit the zones Turf says they intersect', () => {
    for (const site of sites()) {
      const expected = features.flatMap((feature, zone) => (turf.booleanIntersects(site, feature) ? [zone] : []));
      const report = screener.screen(site, 'steel');
      expect(report.hits.map((hit) => Number(hit.zoneId.slice(5))).sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('overlap areas agree with polygon-clipping + polygonArea to 1e-6', () => {
    const finder = new ContactFinder(screener.store);
    const { store } = screener;
    let compared = 0;
    for (const geometry of sites()) {
      const site = parseSite(geometry);
      for (let zone = 0; zone < store.count; zone++) {
        const zoneShape = toMultiPolygon(store.rings, store.zoneRingStart[zone] as number, store.zoneRingStart[zone + 1] as number);
        const clipped = polygonClipping.intersection(geometry.coordinates as [number, number][][], zoneShape);
        const expected = polygonArea({ type: 'MultiPolygon', coordinates: clipped });
        const { overlapM2 } = finder.relate(site, zone, 0);
        if (expected === 0) {
          expect(overlapM2).toBe(0);
          continue;
        }
        expect(Math.abs(overlapM2 - expected) / expected).toBeLessThan(1e-6);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('batch and single screening on the atlas data', { timeout: 30_000 }, () => {
  it('give the same verdict and zones for every point, on one thread or two workers', async () => {
    const real = createScreener({
      collections: await readCollections(),
      seeds: readSeeds(),
      dataVersion: readManifest().version,
      shared: true,
    });
    const count = 400;
    const points = new Float64Array(2 * count);
    // Half over the whole region, half around the Yellow River bend where zones and accuracy bands crowd.
    for (let i = 0; i < count; i++) {
      points[2 * i] = i % 2 ? 97 + 29 * random() : 106.5 + 4 * random();
      points[2 * i + 1] = i % 2 ? 37.4 + 16 * random() : 39 + 2 * random();
    }
    const pool = new PointPool(real, 2);
    const parallel = await pool.screenPoints(points, 'steel');
    await pool.close();
    expect(parallel).toEqual(real.screenPoints(points, 'steel'));
    for (const type of ['steel', 'chemical-park', 'wind'] as const) {
      const batch = real.screenPoints(points, type);
      for (let i = 0; i < count; i++) {
        const report = real.screen({ type: 'Point', coordinates: [points[2 * i], points[2 * i + 1]] }, type);
        expect(batch.verdicts[i]).toBe(verdictCode(report.verdict));
        const zones = new Set(report.hits.map((hit) => hit.zoneId));
        const batchZones = new Set(
          Array.from(batch.hitZones.subarray(batch.hitStart[i], batch.hitStart[i + 1]), (zone) => real.zones[zone]?.id),
        );
        expect(batchZones).toEqual(zones);
      }
    }
  });
});
