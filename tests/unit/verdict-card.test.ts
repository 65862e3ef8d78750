// The verdict card (src/app/verdict-card.ts) and the CSV row on the engine's reports for issue 11's sites.
import { beforeAll, describe, expect, test } from 'vitest';
import { verdictCard } from '../../src/app/verdict-card.ts';
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { reportColumns } from '../../src/report/columns.ts';
import { rowOfReport } from '../../src/report/site-row.ts';
import type { ProjectType } from '../../src/schema/project-type.ts';
import { createScreener, type Screener } from '../../src/screening/screener.ts';

let screener: Screener;
beforeAll(async () => {
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
}, 30_000);

const screen = (projectType: ProjectType, coordinates: [number, number]) => screener.screen({ type: 'Point', coordinates }, projectType);

describe('the verdict card', () => {
  test('an uncertain verdict gives the span checking the boundaries could make of it', () => {
    const report = screen('solar-pv', [108.7, 40.2]);
    const card = verdictCard(report, 'en');
    expect(report.certainty).toBe('uncertain');
    expect(card.range).toBe(`Not certain: Clear to ${card.headline}, depending on the boundaries`);
    expect(card.conclusion).toBe(report.conclusion.en);
  });

  test("the map's accuracy bands are explained where the site lies within an edge's accuracy, and only there", () => {
    for (const [type, point] of [
      ['chemical-park', [120.9, 44.83]],
      ['steel', [111.0, 42.5]],
      ['solar-pv', [108.7, 40.2]],
    ] as const) {
      const report = screen(type, point as [number, number]);
      const edge = report.hits.some((hit) => hit.doubts.some((doubt) => doubt.code === 'zone-edge' || doubt.code === 'jurisdiction-edge'));
      expect(verdictCard(report, 'zh').bandHint !== undefined, `${type} at ${point}`).toBe(edge);
    }
    expect(verdictCard(screen('chemical-park', [120.9, 44.83]), 'zh').bandHint).toMatch(/精度范围/);
  });

  test('a firm verdict has no span', () => {
    const report = screen('steel', [111.0, 42.5]);
    expect(report.certainty).toBe('firm');
    expect(verdictCard(report, 'zh').range).toBeUndefined();
  });

  test('rows are grouped worst first; region-wide rules are folded unless decisive; zones without a rule apart', () => {
    const report = screen('steel', [106.99, 39.57]);
    const card = verdictCard(report, 'zh');
    expect(card.groups.map((group) => group.verdict)).toEqual(['prohibited', 'restricted', 'conditional']);
    expect(card.groups[0]!.title).toMatch(/^禁止（\d+）$/);
    const shown = card.groups.flatMap((group) => [...group.rows, ...group.regionWide]);
    expect(shown).toHaveLength(report.hits.filter((hit) => hit.ruleId !== null).length);
    expect(card.groups.flatMap((group) => group.regionWide).every((row) => row.zoneId === 'inner-mongolia' && !row.decisive)).toBe(true);
    expect(card.groups.flatMap((group) => group.rows).some((row) => row.zoneId === 'inner-mongolia')).toBe(false);
    expect(shown.filter((row) => row.decisive)).toHaveLength(1);
    // Every doubt of a hit is a reason on its row.
    for (const [index, hit] of report.hits.entries()) {
      const row = [...shown, ...card.withoutRule].find(
        (one) => one.zoneId === hit.zoneId && one.rule === (hit.summary?.zh ?? hit.reason?.zh ?? ''),
      );
      expect(row, `hit ${index}`).toBeDefined();
      for (const doubt of hit.doubts) expect(row!.reasons).toContain(doubt.text.zh);
    }
  });

  test('an exemption reads as one, with the rule it lifts cited', () => {
    const card = verdictCard(screen('pv-glass', [107.0, 39.36]), 'zh');
    const exempt = card.groups.flatMap((group) => group.rows).find((row) => row.exemption && row.zoneId === 'qipanjing-mengxi')!;
    expect(exempt.reasons).toContain('豁免: 文件明确不含光伏玻璃');
    expect(exempt.cite?.quote).toMatch(/不含光伏玻璃/);
  });

  test('figures with a range read "value (low–high)"', () => {
    const report = screener.screen(
      {
        type: 'Polygon',
        coordinates: [
          [
            [107.113, 39.318],
            [107.137, 39.318],
            [107.137, 39.342],
            [107.113, 39.342],
            [107.113, 39.318],
          ],
        ],
      },
      'coking',
    );
    const ranged = report.hits.find((hit) => hit.shareOfSiteRange);
    expect(ranged).toBeDefined();
    const row = verdictCard(report, 'en')
      .groups.flatMap((group) => [...group.rows, ...group.regionWide])
      .find((one) => one.zoneId === ranged!.zoneId)!;
    const [low, high] = ranged!.shareOfSiteRange!;
    expect(row.figures).toContain(`of the site ${ranged!.shareOfSitePct} % (${low}–${high} %)`);
  });
});

describe('the CSV row of a full report', () => {
  test("carries the certainty, worst case, conclusion, each hit's reasons and the untestable rules", () => {
    const report = screen('chemical-park', [120.9, 44.83]);
    const row = rowOfReport('site', report);
    const cells = (lang: 'zh' | 'en' | undefined) =>
      Object.fromEntries(reportColumns.map((column) => [column.name, column.value(row, lang)]));
    expect(cells(undefined)).toMatchObject({ certainty: 'uncertain', worst_case: 'prohibited', conclusion: report.conclusion.zh });
    expect(cells('en')).toMatchObject({ certainty: 'not certain', worst_case: 'Prohibited', conclusion: report.conclusion.en });
    expect(String(cells('zh')['reasons'])).toMatch(/兴安盟: .*73 公里精度范围内/);
    expect(String(cells('en')['untestable']).split(' | ')).toHaveLength(report.untestable.length);
  });
});
