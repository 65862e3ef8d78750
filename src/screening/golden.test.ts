/**
 * Golden reports on the atlas data and seeds. Regenerate with `UPDATE_GOLDEN=1 npx vitest run --project unit
 * src/screening/golden.test.ts` after a deliberate change to the engine, data or seeds, and review the diff. Without
 * UPDATE_GOLDEN a missing fixture fails: a deleted fixture must never pass by writing itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import polygonClipping from 'polygon-clipping';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { polygonArea } from '../geodesy/ellipsoidal-area.ts';
import { engineVersion } from './engine-version.ts';
import { reportSchema, type Hit, type Report } from './report.ts';
import { createScreener, type Screener } from './screener.ts';
import { verdictCode } from './verdict.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'screening');
const update = process.env['UPDATE_GOLDEN'] === '1';

/** A square of `half` degrees around (x, y), counter-clockwise. */
const square = (x: number, y: number, half: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x - half, y - half],
      [x + half, y - half],
      [x + half, y + half],
      [x - half, y + half],
      [x - half, y - half],
    ],
  ],
});

const cases = {
  'steel-qipanjing': { projectType: 'steel', geometry: { type: 'Point', coordinates: [107.1, 39.5] } },
  'pv-glass-qipanjing': { projectType: 'pv-glass', geometry: { type: 'Point', coordinates: [107.1, 39.5] } },
  // 棋盘井 town, where "乌海及周边地区" (an area no document bounds) meets the Qipanjing-Mengxi zone.
  'pv-glass-qipanjing-town': { projectType: 'pv-glass', geometry: { type: 'Point', coordinates: [107.0, 39.36] } },
  'chemical-park-yellow-river': { projectType: 'chemical-park', geometry: { type: 'Point', coordinates: [106.7514, 39.4283] } },
  'straddling-industrial-park': { projectType: 'coking', geometry: square(107.125, 39.33, 0.012) },
  'wind-accuracy-band': { projectType: 'wind', geometry: { type: 'Point', coordinates: [108, 40.92] } },
  'steel-mongolia': { projectType: 'steel', geometry: { type: 'Point', coordinates: [106.9, 47.9] } },
  // The documents' own PV bases, inside illustrative red-line belts.
  'solar-pv-kubuqi': { projectType: 'solar-pv', geometry: { type: 'Point', coordinates: [108.7, 40.2] } },
  'solar-pv-mu-us': { projectType: 'solar-pv', geometry: { type: 'Point', coordinates: [108.75, 38.55] } },
  // Jarud Banner (Tongliao), which the hand-drawn Hinggan outline takes in.
  'chemical-park-jarud': { projectType: 'chemical-park', geometry: { type: 'Point', coordinates: [120.9, 44.83] } },
  // Beside the Ordos-Wuhai edge.
  'steel-ordos-wuhai-edge': { projectType: 'steel', geometry: { type: 'Point', coordinates: [106.99, 39.57] } },
  // The deepest point of the Qipanjing industrial park (about 5 km in; the park is drawn to 8 km).
  'heavy-chemical-qipanjing-park': { projectType: 'heavy-chemical', geometry: { type: 'Point', coordinates: [107.07, 39.34] } },
  // Baotou city, across the Yellow River from Ordos: 10-25 km from its edge, which is good to 3 km there.
  'steel-baotou-city': { projectType: 'steel', geometry: { type: 'Point', coordinates: [109.84, 40.65] } },
  // Beside the 大黑河 south of Hohhot (a tributary the plan names at line 1736; the open river data has no tributaries).
  'chemical-park-dahei-river': { projectType: 'chemical-park', geometry: { type: 'Point', coordinates: [111.72, 40.7] } },
  // Tongliao, in the Liao basin.
  'chemical-park-liao-basin': { projectType: 'chemical-park', geometry: { type: 'Point', coordinates: [122.3, 43.6] } },
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
const doubtCodes = (hit: Hit | undefined) => hit?.doubts.map((doubt) => doubt.code) ?? [];

describe('golden screening reports', { timeout: 30_000 }, () => {
  it.each(Object.keys(cases) as CaseName[])('%s matches its fixture', (name) => {
    const actual = report(name);
    expect(reportSchema.parse(actual)).toEqual(actual);
    expect(actual.dataVersion).toBe(readManifest().version);
    expect(actual.engineVersion).toBe(engineVersion);
    // The data version moves with every data build; the rest of the report is what the fixture pins.
    const pinned = { ...cases[name], report: { ...actual, dataVersion: undefined } };
    const file = join(fixtures, `${name}.json`);
    if (update) writeFileSync(file, `${JSON.stringify(pinned, null, 2)}\n`);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and read the new fixture`).toBe(true);
    expect(pinned).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('restricts steel at Qipanjing under the Ordos plan, citing line 25', () => {
    const hit = ruleHit('steel-qipanjing', 'od-qipanjing-capacity-control');
    expect(hit).toMatchObject({ zoneId: 'qipanjing-mengxi', verdict: 'restricted', position: 'inside' });
    expect(hit?.cite).toEqual(expect.objectContaining({ doc: 'ordos-pollution-carbon', line: 25 }));
    expect(['restricted', 'prohibited']).toContain(report('steel-qipanjing').verdict);
  });

  it('shows PV glass exempt from the Qipanjing capacity rule, citing the rule, instead of "no rule applies"', () => {
    for (const name of ['pv-glass-qipanjing', 'pv-glass-qipanjing-town'] as const) {
      const hit = ruleHit(name, 'od-qipanjing-capacity-control');
      expect(hit).toMatchObject({
        zoneId: 'qipanjing-mengxi',
        verdict: 'clear',
        ruleVerdict: 'restricted',
        exemption: { note: expect.any(String) },
      });
      expect(hit?.reason?.zh).toBe('文件明确不含光伏玻璃');
      expect(hit?.cite).toEqual(expect.objectContaining({ line: 25, quote: expect.stringContaining('不含光伏玻璃') }));
      expect(report(name).hits.filter((h) => h.zoneId === 'qipanjing-mengxi' && h.ruleId === null)).toEqual([]);
    }
  });

  it('marks a hit on an area no document bounds, and the headline is not firm', () => {
    const { hits, certainty, weakest } = report('pv-glass-qipanjing-town');
    const wuhai = hits.filter((hit) => hit.zoneId === 'wuhai-key-control-area' && hit.ruleId !== null);
    expect(wuhai.length).toBeGreaterThan(0);
    for (const hit of wuhai) expect(doubtCodes(hit)).toContain('undefined-extent');
    expect(certainty).toBe('uncertain');
    expect(weakest?.doubt).toBe('undefined-extent');
  });

  it('does not read solar PV in the Kubuqi and Mu Us bases as a certain restriction', () => {
    for (const name of ['solar-pv-kubuqi', 'solar-pv-mu-us'] as const) {
      const { verdict, certainty, hits, weakest, conclusion } = report(name);
      expect(verdict === 'restricted' && certainty === 'firm').toBe(false);
      const redLine = hits.filter((hit) => hit.zoneKind === 'ecological-red-line' && hit.ruleId !== null);
      expect(redLine.length).toBeGreaterThan(0);
      for (const hit of redLine) expect(hit).toMatchObject({ basis: 'illustrative', uncertain: true });
      for (const hit of redLine) expect(doubtCodes(hit)).toContain('illustrative-zone');
      expect(weakest?.doubt).toBe('illustrative-zone');
      expect(conclusion.zh).toMatch(/不确定/);
      expect(conclusion.en).toMatch(/not certain/);
    }
  });

  it('does not put a chemical park in Jarud Banner certainly under Hinggan’s rule', () => {
    const { hits, certainty, decisive } = report('chemical-park-jarud');
    const hinggan = hits.filter((hit) => hit.ruleId?.startsWith('hg-'));
    for (const hit of hinggan) expect(hit.verdict === 'review' || doubtCodes(hit).includes('jurisdiction-edge')).toBe(true);
    expect(certainty === 'firm' && decisive?.ruleId.startsWith('hg-')).toBe(false);
  });

  it('keeps the Ordos rules for steel beside the Ordos-Wuhai edge, or says that they depend on it', () => {
    const ordos = report('steel-ordos-wuhai-edge').hits.filter((hit) => hit.ruleId?.startsWith('od-'));
    expect(ordos.length).toBeGreaterThan(0);
    for (const hit of ordos) {
      expect(hit.jurisdiction?.id).toBe('ordos');
      if (hit.jurisdiction?.standing === 'near') expect(hit.verdict).toBe('review');
    }
    expect(
      ordos.some((hit) => hit.ruleId === 'od-qipanjing-capacity-control') ||
        ordos.every((hit) => doubtCodes(hit).includes('jurisdiction-edge')),
    ).toBe(true);
    // The doubt is the hand-drawn Wuhai stretch's, at its 27 km.
    for (const hit of ordos) {
      const doubt = hit.doubts.find((candidate) => candidate.code === 'jurisdiction-edge');
      expect(doubt?.text.zh).toContain('与乌海市的边界（手绘）');
      expect(doubt?.text.en).toContain('edge against Wuhai');
      expect(hit.jurisdiction).toMatchObject({ id: 'ordos', accuracyKm: 27 });
    }
  });

  it('narrows the band to the stretch of the edge nearest the site: no Ordos doubt in Baotou city', () => {
    const { hits } = report('steel-baotou-city');
    expect(hits.filter((hit) => hit.jurisdiction?.id === 'ordos' || hit.doubts.some((doubt) => doubt.zoneId === 'ordos'))).toEqual([]);
    // Across the river at 109.5 E the site is 1.5 km from Ordos's edge, within its 3 km there: still review.
    const near = screener
      .screen({ type: 'Point', coordinates: [109.5, 40.54] }, 'steel')
      .hits.filter((hit) => hit.jurisdiction?.id === 'ordos');
    expect(near.length).toBeGreaterThan(0);
    for (const hit of near) expect(hit).toMatchObject({ verdict: 'review', jurisdiction: { accuracyKm: 3, standing: 'near' } });
    // 9 km outside the drawn outline of Inner Mongolia: on the Mongolian-border stretch (23 km) the site may be
    // inside; elsewhere (2 km) it is not.
    const mongolianStretch = screener.screen({ type: 'Point', coordinates: [119, 46.9] }, 'steel');
    expect(mongolianStretch.warnings.map((warning) => warning.code)).not.toContain('outside-region');
    const region = mongolianStretch.hits.filter((hit) => hit.zoneId === 'inner-mongolia');
    expect(region.length).toBeGreaterThan(0);
    for (const hit of region) {
      expect(hit).toMatchObject({ verdict: 'review', position: 'near', accuracyKm: 23 });
      expect(hit.doubts.find((doubt) => doubt.code === 'zone-edge')?.text.zh).toContain('中蒙边界');
    }
    expect(screener.screen({ type: 'Point', coordinates: [112, 45.18] }, 'steel').warnings.map((warning) => warning.code)).toContain(
      'outside-region',
    );
    // The batch path draws the same lines.
    const points = [
      [109.84, 40.65],
      [109.5, 40.54],
      [106.99, 39.57],
      [119, 46.9],
      [112, 45.18],
      [119.5, 46.7],
      [111, 43.42],
    ];
    const batch = screener.screenPoints(new Float64Array(points.flat()), 'steel');
    points.forEach((coordinates, n) => {
      expect(batch.verdicts[n]).toBe(verdictCode(screener.screen({ type: 'Point', coordinates }, 'steel').verdict));
    });
    const ordos = screener.zones.find((zone) => zone.id === 'ordos')?.index;
    const zonesOf = (n: number) => Array.from(batch.hitZones.subarray(batch.hitStart[n], batch.hitStart[n + 1]));
    expect(zonesOf(0)).not.toContain(ordos);
    expect(zonesOf(1)).toContain(ordos);
    expect(zonesOf(2)).toContain(ordos);
  });

  it('does not apply rules on enterprises outside parks as certain to a site in a park: its 8 km edge decides', () => {
    const outsideParks = report('heavy-chemical-qipanjing-park').hits.filter((hit) =>
      screener.ruleBook.outsideParks.has(screener.ruleBook.rules.find((rule) => rule.id === hit.ruleId) as never),
    );
    expect(outsideParks.map((hit) => hit.ruleId)).toEqual(
      expect.arrayContaining(['eco-heavy-chemical-outside-park-no-expansion', 'od-outside-park-no-new-capacity']),
    );
    for (const hit of outsideParks) {
      expect(hit).toMatchObject({ verdict: 'review', park: { id: 'qipanjing-industrial-park', position: 'inside', accuracyKm: 8 } });
      expect(hit.doubts.filter((doubt) => doubt.code === 'park-edge')).toHaveLength(1);
      expect(hit.doubts.some((doubt) => doubt.code === 'zone-edge' && doubt.zoneId === 'qipanjing-industrial-park')).toBe(false);
      expect(hit.reason?.zh).toMatch(/若在园区外/);
    }
  });

  it('lists the tributary prohibition as untestable beside the 大黑河, with its reason', () => {
    const { untestable, hits } = report('chemical-park-dahei-river');
    const tributary = untestable.find((entry) => entry.ruleId === 'eco-yellow-river-tributaries-1km-no-chemical-park');
    expect(tributary).toMatchObject({ ruleVerdict: 'prohibited', cite: expect.objectContaining({ line: 1730, endLine: 1732 }) });
    expect(tributary?.reason.en).toMatch(/tributar/);
    expect(tributary?.reason.zh).toMatch(/支流/);
    expect(hits.some((hit) => hit.zoneId === 'yellow-river-basin' && hit.ruleId === 'eco-yellow-river-riparian-polluters-into-parks')).toBe(
      true,
    );
  });

  it('applies no Yellow River rule to a chemical park in the Liao basin', () => {
    const { hits, untestable } = report('chemical-park-liao-basin');
    expect(hits.filter((hit) => /yellow-river/.test(hit.ruleId ?? '') || hit.zoneId === 'yellow-river-basin')).toEqual([]);
    expect(untestable.filter((entry) => /yellow-river/.test(entry.ruleId))).toEqual([]);
  });

  it('prohibits a chemical park within 1 km of the Yellow River main stem', () => {
    expect(report('chemical-park-yellow-river').verdict).toBe('prohibited');
    expect(ruleHit('chemical-park-yellow-river', 'eco-yellow-river-main-stem-1km-no-chemical-park')).toMatchObject({
      zoneId: 'yellow-river-main-stem-1km',
      verdict: 'prohibited',
    });
  });

  it('gives a site straddling a zone edge its overlap as a range around the measure that clipping gives', async () => {
    const geometry = cases['straddling-industrial-park'].geometry;
    const zone = (await readCollections())
      .get('restricted-zones')
      ?.features.find((feature) => feature.properties?.['id'] === 'qipanjing-industrial-park');
    const zoneRings = (zone as unknown as { geometry: { coordinates: [number, number][][] } }).geometry.coordinates;
    const overlap = polygonArea({
      type: 'MultiPolygon',
      coordinates: polygonClipping.intersection(geometry.coordinates as [number, number][][], zoneRings),
    });
    const share = (100 * overlap) / polygonArea(geometry);
    const hit = report('straddling-industrial-park').hits.find((h) => h.zoneId === 'qipanjing-industrial-park');
    expect(hit?.position).toBe('straddles');
    const [low, high] = hit?.shareOfSiteRange ?? [NaN, NaN];
    expect(low).toBeLessThanOrEqual(share);
    expect(high).toBeGreaterThanOrEqual(share);
    // Rounded to the decade of the range's half-width.
    const step = 10 ** Math.floor(Math.log10((high - low) / 2));
    expect(Math.abs((hit?.shareOfSitePct ?? NaN) - share)).toBeLessThanOrEqual(step / 2 + 1e-9);
    const [lowHa, highHa] = hit?.overlapHaRange ?? [NaN, NaN];
    expect(lowHa).toBeLessThanOrEqual(overlap / 1e4);
    expect(highHa).toBeGreaterThanOrEqual(overlap / 1e4);
  });

  it('reads a point within a zone’s accuracy band as review, with the edge as its doubt', () => {
    const { verdict, hits } = report('wind-accuracy-band');
    expect(verdict).toBe('review');
    const near = hits.find((hit) => hit.position === 'near');
    expect(near).toMatchObject({ verdict: 'review', uncertain: true });
    expect(doubtCodes(near)).toContain('zone-edge');
    expect(near?.doubts.find((doubt) => doubt.code === 'zone-edge')?.text.en).toMatch(/official boundary/);
  });

  it('says the documents do not apply in Mongolia', () => {
    expect(report('steel-mongolia')).toMatchObject({ verdict: 'clear', certainty: 'firm', hits: [], untestable: [], nearest: [] });
    expect(report('steel-mongolia').warnings).toEqual([
      expect.objectContaining({ code: 'outside-region', text: expect.objectContaining({ en: expect.stringMatching(/do not apply/) }) }),
    ]);
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
    expect(kubuqi.untestable.some((entry) => entry.ruleId.startsWith('hg-'))).toBe(false);
    // On the west bank at Wuda, outside Ordos but within its 27 km edge: Ordos's rules can only read review.
    for (const hit of report('chemical-park-yellow-river').hits.filter((h) => /^(hg|od)-/.test(h.ruleId ?? ''))) {
      expect(hit).toMatchObject({ verdict: 'review', jurisdiction: { id: 'ordos', standing: 'near' } });
    }
    // North of the Yellow River in Baotou, just outside the drawn edge of Ordos, within its accuracy.
    const acrossTheRiver = screener.screen({ type: 'Point', coordinates: [109.5, 40.54] }, 'coal-power');
    const ordosHits = acrossTheRiver.hits.filter((hit) => hit.ruleId?.startsWith('od-'));
    expect(ordosHits.length).toBeGreaterThan(0);
    for (const hit of ordosHits) {
      expect(hit).toMatchObject({ verdict: 'review', uncertain: true, jurisdiction: { id: 'ordos', standing: 'near' } });
      expect(doubtCodes(hit)).toContain('jurisdiction-edge');
    }
    const points = [
      [107.6, 40.1],
      [109.5, 40.54],
      [109.5, 40.6],
      [121, 47],
      [106.7514, 39.4283],
    ];
    const batch = screener.screenPoints(new Float64Array(points.flat()), 'coal-power');
    points.forEach((coordinates, n) => {
      expect(batch.verdicts[n]).toBe(verdictCode(screener.screen({ type: 'Point', coordinates }, 'coal-power').verdict));
    });
  });

  it('says every warning, reason, doubt, untestable rule and conclusion in Chinese as well as English', () => {
    const chinese = /[\u4e00-\u9fff]/;
    for (const { hits, warnings, untestable, conclusion } of reports.values()) {
      expect(conclusion.zh).toMatch(chinese);
      for (const warning of warnings) expect(warning.text.zh).toMatch(chinese);
      for (const entry of untestable) expect(entry.reason.zh).toMatch(chinese);
      for (const hit of hits) {
        if (hit.reason) expect(hit.reason.zh).toMatch(chinese);
        for (const doubt of hit.doubts) expect(doubt.text.zh).toMatch(chinese);
      }
    }
  });
});
