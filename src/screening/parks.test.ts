/**
 * Rules on enterprises outside parks, against a park large enough to be deeper inside than its accuracy (the atlas's
 * parks are all within their 8 km of every point; see the golden case heavy-chemical-qipanjing-park).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import type { Report } from './report.ts';
import { createScreener, type Screener } from './screener.ts';
import { verdictCode } from './verdict.ts';

const rule = 'eco-heavy-chemical-outside-park-no-expansion';
/** A square park 0.4° across in Ulanqab, drawn to 1 km; its east edge at 112.7 E. */
const [cx, cy, half] = [112.5, 42.5, 0.2];
const park = {
  info: {
    id: 'test-park',
    layer: 'test',
    name: { zh: '测试园区', en: 'Test park' },
    zoneKind: 'industrial-park',
    basis: 'hand-drawn' as const,
    accuracyKm: 1,
  },
  rings: [
    { xy: [cx - half, cy - half, cx + half, cy - half, cx + half, cy + half, cx - half, cy + half, cx - half, cy - half], hole: false },
  ],
};
const points = {
  deep: [cx, cy],
  insideEdge: [cx + half - 0.006, cy],
  outsideEdge: [cx + half + 0.006, cy],
  away: [cx + half + 0.5, cy],
} as const;

let screener: Screener;
const reports = new Map<keyof typeof points, Report>();
const hitOf = (name: keyof typeof points) => reports.get(name)?.hits.find((hit) => hit.ruleId === rule && hit.zoneId === 'inner-mongolia');

beforeAll(async () => {
  screener = createScreener({
    collections: await readCollections(),
    seeds: readSeeds(),
    dataVersion: readManifest().version,
    extraZones: [park],
  });
  for (const [name, coordinates] of Object.entries(points) as [keyof typeof points, readonly number[]][]) {
    reports.set(name, screener.screen({ type: 'Point', coordinates }, 'heavy-chemical'));
  }
}, 30_000);

describe('rules on enterprises outside parks', () => {
  it('are the rules whose words say 园区外 or 入园 (not 退城入园)', () => {
    expect([...screener.ruleBook.outsideParks].map((candidate) => candidate.id).sort()).toEqual([
      'eco-heavy-chemical-must-enter-park',
      'eco-heavy-chemical-outside-park-no-expansion',
      'eco-yellow-river-riparian-polluters-into-parks',
      'hg-chemical-into-parks',
      'od-heavy-chemical-must-enter-park',
      'od-outside-park-no-new-capacity',
    ]);
  });

  it('do not apply deep inside a park, and say why', () => {
    const hit = hitOf('deep');
    expect(hit).toMatchObject({ verdict: 'clear', ruleVerdict: 'prohibited', doubts: [], park: { id: 'test-park', position: 'inside' } });
    expect(hit?.park?.edgeKm).toBeUndefined();
    expect(hit?.reason?.zh).toMatch(/园区外的企业，不适用/);
    expect(hit?.reason?.en).toMatch(/outside parks and does not apply/);
    // Lifted, the rule neither decides the headline nor makes its worst case.
    const report = reports.get('deep') as Report;
    expect(report.decisive?.ruleId).not.toBe(rule);
    expect(report.worstCase).not.toBe('prohibited');
    expect(reports.get('insideEdge')?.worstCase).toBe('prohibited');
    expect(report.hits.filter((other) => other.ruleId === rule && other.verdict !== 'clear')).toEqual([]);
  });

  it('read review inside the park within its accuracy, with the park edge as the doubt', () => {
    const hit = hitOf('insideEdge');
    expect(hit).toMatchObject({ verdict: 'review', ruleVerdict: 'prohibited', park: { position: 'inside', edgeKm: 0.5 } });
    expect(hit?.doubts.map((doubt) => doubt.code)).toEqual(['park-edge']);
    expect(hit?.reason?.en).toMatch(/outside the park, this rule would make the project prohibited/);
  });

  it('apply outside the park, doubtful within its accuracy and firm beyond', () => {
    const near = hitOf('outsideEdge');
    expect(near).toMatchObject({ verdict: 'prohibited', park: { position: 'near', edgeKm: 0.5 } });
    expect(near?.doubts.map((doubt) => doubt.code)).toEqual(['park-edge']);
    expect(near?.reason?.zh).toMatch(/若在园区内，此规定不适用/);
    const away = hitOf('away');
    expect(away).toMatchObject({ verdict: 'prohibited', doubts: [] });
    expect(away?.park).toBeUndefined();
  });

  it('give the batch path the same verdicts', () => {
    // Here the outside-parks rule is the only prohibition for heavy chemicals, so the verdicts tell the cases apart.
    expect(['deep', 'insideEdge', 'outsideEdge', 'away'].map((name) => reports.get(name as keyof typeof points)?.verdict)).toEqual([
      'restricted',
      'restricted',
      'prohibited',
      'prohibited',
    ]);
    const sample = [
      ...Object.values(points),
      ...Array.from({ length: 400 }, (_, n) => [cx - 0.3 + (n % 20) * 0.04, cy - 0.3 + Math.floor(n / 20) * 0.03]),
    ];
    const batch = screener.screenPoints(new Float64Array(sample.flat()), 'heavy-chemical');
    sample.forEach((coordinates, n) => {
      expect(batch.verdicts[n], String(coordinates)).toBe(
        verdictCode(screener.screen({ type: 'Point', coordinates }, 'heavy-chemical').verdict),
      );
    });
  });
});
