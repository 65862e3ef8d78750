/**
 * Golden reports on the atlas data and seeds. Regenerate with `UPDATE_GOLDEN=1 npx vitest run --project unit
 * src/screening/golden.test.ts` after a deliberate change to the engine, data or seeds, and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import polygonClipping from 'polygon-clipping';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { polygonArea } from '../stats/ellipsoidal-area.ts';
import { engineVersion } from './engine-version.ts';
import { reportSchema, type Report } from './report.ts';
import { createScreener, type Screener } from './screener.ts';
import { verdictCode } from './verdict.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'screening');
const update = process.env['UPDATE_GOLDEN'] === '1';

/** A square of `half` degrees around (x, y), counter-clockwise. */
const square = (x: number, y: number, half: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x - half, y - half], [x + half, y - half], [x + half, y + half], [x - half, y + half], [x - half, y - half]]],
});

const cases = {
  'steel-qipanjing': { projectType: 'steel', geometry: { type: 'Point', coordinates: [107.1, 39.5] } },
  'pv-glass-qipanjing': { projectType: 'pv-glass', geometry: { type: 'Point', coordinates: [107.1, 39.5] } },
  'chemical-park-yellow-river': { projectType: 'chemical-park', geometry: { type: 'Point', coordinates: [106.7514, 39.4283] } },
  'straddling-industrial-park': { projectType: 'coking', geometry: square(107.125, 39.33, 0.012) },
  'wind-accuracy-band': { projectType: 'wind', geometry: { type: 'Point', coordinates: [108, 40.92] } },
  'steel-mongolia': { projectType: 'steel', geometry: { type: 'Point', coordinates: [106.9, 47.9] } },
} as const;
type CaseName = keyof typeof cases;

let screener: Screener;
const reports = new Map<CaseName, Report>();

beforeAll(async () => {
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
  for (const [name, { projectType, geometry }] of Object.entries(cases) as [CaseName, (typeof cases)[CaseName]][]) {
    reports.set(name, screener.screen(geometry, projectType));
  }
}, 30_000);

const report = (name: CaseName) => reports.get(name) as Report;
const ruleHit = (name: CaseName, ruleId: string) => report(name).hits.find((hit) => hit.ruleId === ruleId);

describe('golden screening reports', { timeout: 30_000 }, () => {
  it.each(Object.keys(cases) as CaseName[])('%s matches its fixture', (name) => {
    const actual = report(name);
    expect(reportSchema.parse(actual)).toEqual(actual);
    expect(actual.dataVersion).toBe(readManifest().version);
    expect(actual.engineVersion).toBe(engineVersion);
    // The data version moves with every data build; the rest of the report is what the fixture pins.
    const pinned = { ...cases[name], report: { ...actual, dataVersion: undefined } };
    const file = join(fixtures, `${name}.json`);
    if (update || !existsSync(file)) writeFileSync(file, `${JSON.stringify(pinned, null, 2)}\n`);
    expect(pinned).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('restricts steel at Qipanjing under the Ordos plan, citing line 25', () => {
    const hit = ruleHit('steel-qipanjing', 'od-qipanjing-capacity-control');
    expect(hit).toMatchObject({ zoneId: 'qipanjing-mengxi', verdict: 'restricted', position: 'inside' });
    expect(hit?.cite).toEqual(expect.objectContaining({ file: '004_17cd5249a403e692.txt', line: 25 }));
    expect(['restricted', 'prohibited']).toContain(report('steel-qipanjing').verdict);
  });

  it('does not apply the Qipanjing capacity rule to PV glass, which it excepts', () => {
    expect(ruleHit('pv-glass-qipanjing', 'od-qipanjing-capacity-control')).toBeUndefined();
    expect(report('pv-glass-qipanjing').hits.some((hit) => hit.zoneId === 'qipanjing-mengxi')).toBe(true);
  });

  it('prohibits a chemical park within 1 km of the Yellow River main stem', () => {
    expect(report('chemical-park-yellow-river').verdict).toBe('prohibited');
    expect(ruleHit('chemical-park-yellow-river', 'eco-yellow-river-main-stem-1km-no-chemical-park'))
      .toMatchObject({ zoneId: 'yellow-river-main-stem-1km', verdict: 'prohibited' });
  });

  it('gives a site straddling a zone edge the overlap share that clipping gives', async () => {
    const geometry = cases['straddling-industrial-park'].geometry;
    const zone = (await readCollections()).get('restricted-zones')?.features.find((feature) => feature.properties?.['id'] === 'qipanjing-industrial-park');
    const zoneRings = (zone?.geometry as unknown as { coordinates: [number, number][][] }).coordinates;
    const overlap = polygonArea({ type: 'MultiPolygon', coordinates: polygonClipping.intersection(geometry.coordinates as [number, number][][], zoneRings) });
    const hit = report('straddling-industrial-park').hits.find((h) => h.zoneId === 'qipanjing-industrial-park');
    expect(hit?.position).toBe('straddles');
    expect(hit?.shareOfSitePct).toBeCloseTo((100 * overlap) / polygonArea(geometry), 3);
    expect(hit?.overlapHa).toBeCloseTo(overlap / 1e4, 3);
  });

  it('reads a point within a zone’s accuracy band as review, with a warning', () => {
    const { verdict, hits, warnings } = report('wind-accuracy-band');
    expect(verdict).toBe('review');
    expect(hits.find((hit) => hit.position === 'near')).toMatchObject({ verdict: 'review', uncertain: true });
    expect(warnings.some((warning) => warning.code === 'boundary-uncertain' && /official boundary/.test(warning.message))).toBe(true);
  });

  it('says the documents do not apply in Mongolia', () => {
    expect(report('steel-mongolia')).toMatchObject({ verdict: 'clear', hits: [], nearest: [] });
    expect(report('steel-mongolia').warnings).toEqual([expect.objectContaining({ code: 'outside-region', message: expect.stringMatching(/do not apply/) })]);
  });

  it('lists the nearest restrictive zones when nothing restrictive is hit', () => {
    const { verdict, nearest } = screener.screen({ type: 'Point', coordinates: [103, 41] }, 'wind');
    expect(verdict).toBe('clear');
    expect(nearest.length).toBeGreaterThan(0);
    for (const zone of nearest) expect(['restricted', 'prohibited']).toContain(zone.verdict);
  });

  it('applies a league’s or city’s plan only in its own area, and as review within its edge’s accuracy', () => {
    const kubuqi = screener.screen({ type: 'Point', coordinates: [107.6, 40.1] }, 'coal-power');
    expect(kubuqi.hits.find((hit) => hit.ruleId === 'od-ecological-red-line')).toMatchObject({ verdict: 'restricted', position: 'inside' });
    expect(kubuqi.hits.some((hit) => hit.ruleId?.startsWith('hg-'))).toBe(false);
    expect(kubuqi.warnings.some((warning) => warning.ruleId?.startsWith('hg-'))).toBe(false);
    expect(report('chemical-park-yellow-river').hits.some((hit) => /^(hg|od)-/.test(hit.ruleId ?? ''))).toBe(false);
    // North of the Yellow River in Baotou, 1.5 km outside the drawn edge of Ordos (accuracy 3 km).
    const acrossTheRiver = screener.screen({ type: 'Point', coordinates: [109.5, 40.54] }, 'coal-power');
    const ordosHits = acrossTheRiver.hits.filter((hit) => hit.ruleId?.startsWith('od-'));
    expect(ordosHits.length).toBeGreaterThan(0);
    for (const hit of ordosHits) expect(hit).toMatchObject({ verdict: 'review', uncertain: true });
    expect(acrossTheRiver.warnings).toContainEqual(expect.objectContaining({ code: 'boundary-uncertain', zoneId: 'ordos' }));
    const points = [[107.6, 40.1], [109.5, 40.54], [109.5, 40.6], [121, 47], [106.7514, 39.4283]];
    const batch = screener.screenPoints(new Float64Array(points.flat()), 'coal-power');
    points.forEach((coordinates, n) => {
      expect(batch.verdicts[n]).toBe(verdictCode(screener.screen({ type: 'Point', coordinates }, 'coal-power').verdict));
    });
  });

  it('says every warning and note in Chinese as well as English', () => {
    const chinese = /[\u4e00-\u9fff]/;
    for (const { hits, warnings } of reports.values()) {
      for (const warning of warnings) expect(warning.messageZh).toMatch(chinese);
      for (const hit of hits) if (hit.note) expect(hit.noteZh).toMatch(chinese);
    }
  });
});
