// A sixth document added the way CONTRIBUTING.md ("Adding a document") says, end to end, with the engines the atlas,
// the CLI and the tests share: text + JSON in a seeds folder -> seeds:check -> ledger rows -> rules in screening ->
// the reader's sentence, outline and "what cites it". The document is made up; the map data is the real one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { checkSeeds, zoneCatalogue } from '../../src/cli/seeds-check.ts';
import { documentBlocks } from '../../src/documents/blocks.ts';
import { citedBy, citedBySummary, seedEntries } from '../../src/documents/cited-by.ts';
import { readDocumentText } from '../../src/documents/document-text.ts';
import { passageOf } from '../../src/documents/passage.ts';
import { projectRoot, readCollections, readManifest } from '../../src/data/node-loader.ts';
import { seedSchema } from '../../src/schema/seed.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { computeLedger } from '../../src/stats/ledger.ts';

const folder = mkdtempSync(join(tmpdir(), 'atlas-seeds-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const text = [
  '示例市“十五五”生态环境保护规划（示例）',
  '',
  '第一章 总体要求',
  '到2030年，全市可再生能源装机达到1200万千瓦，',
  '森林覆盖率达到25.5%。',
  '第二章 空间管控',
  '一、黄河岸线管控',
  '严禁在黄河干流岸线1公里范围内新建化工园区和',
  '化工项目，已有项目逐步搬迁。',
].join('\n');

const citation = (line: number, quote: string, endLine?: number) => ({
  doc: 'example-city-15th',
  line,
  ...(endLine ? { endLine } : {}),
  quote,
});
const seed = {
  id: 'example-city-15th',
  file: 'example-city-15th.txt',
  jurisdiction: 'inner-mongolia',
  document: {
    title: { zh: '示例市“十五五”生态环境保护规划（示例）', en: 'Example City 15th Five-Year Eco-Environment Plan (made up)' },
    shortTitle: { zh: '示例市“十五五”生态规划', en: 'Example City 15th FYP' },
    issuer: '示例市人民政府',
    number: '示政发〔2026〕1号',
    date: '2026-03-01',
    period: '2026—2030年',
  },
  tables: [],
  targets: [
    {
      id: 'ex-renewable-capacity-2030',
      indicator: { zh: '可再生能源装机', en: 'Renewable capacity' },
      theme: 'energy',
      unit: '万千瓦',
      scope: { kind: 'region', id: 'inner-mongolia', zh: '示例市' },
      target: { value: 1200, year: 2030 },
      comparator: 'reach',
      binding: 'unknown',
      citation: citation(4, '全市可再生能源装机达到1200万千瓦'),
    },
    {
      id: 'ex-forest-cover-2030',
      indicator: { zh: '森林覆盖率', en: 'Forest cover' },
      theme: 'ecology',
      unit: '%',
      scope: { kind: 'region', id: 'inner-mongolia', zh: '示例市' },
      target: { value: 25.5, year: 2030 },
      comparator: 'reach',
      binding: 'unknown',
      citation: citation(5, '森林覆盖率达到25.5%'),
    },
  ],
  rules: [
    {
      id: 'ex-no-chemical-park-by-yellow-river',
      zone: { id: 'yellow-river-main-stem-1km' },
      projectTypes: ['chemical-park'],
      verdict: 'prohibited',
      summary: { zh: '黄河干流岸线1公里范围内严禁新建化工园区', en: 'No new chemical park within 1 km of the Yellow River main stem' },
      citation: citation(8, '严禁在黄河干流岸线1公里范围内新建化工园区和化工项目', 9),
    },
  ],
};

function writeSeed(json: unknown) {
  writeFileSync(join(folder, 'example-city-15th.txt'), text);
  writeFileSync(join(folder, 'example-city-15th.json'), JSON.stringify(json, null, 2));
}

test('seeds:check passes the new document, and names the file, the entry and the fault of a wrong one', () => {
  const zones = zoneCatalogue(projectRoot);
  writeSeed(seed);
  expect(checkSeeds(folder, zones)).toEqual([]);

  const wrong = structuredClone(seed);
  wrong.targets[0]!.citation.line = 5;
  wrong.targets[1]!.target.value = 26;
  wrong.rules[0]!.zone = { id: 'no-such-zone' };
  writeSeed(wrong);
  const problems = checkSeeds(folder, zones).map(({ file, entry, problem }) => `${file}: ${entry}: ${problem}`);
  writeSeed(seed);
  expect(problems).toEqual([
    expect.stringMatching(/^seeds\/example-city-15th\.json: targets ex-renewable-capacity-2030: the quote ".*" is not at line 5/),
    expect.stringMatching(
      /^seeds\/example-city-15th\.json: targets ex-forest-cover-2030: 26 is not in its cited sentence "到2030年，全市可再生能源装机达到1200万千瓦，森林覆盖率达到25\.5%。"/,
    ),
    expect.stringMatching(/^seeds\/example-city-15th\.json: rules ex-no-chemical-park-by-yellow-river: no zone "no-such-zone"/),
  ]);
});

test('its targets become ledger rows, its rules screen sites, and the reader shows the cited sentence', async () => {
  const parsed = seedSchema.parse(JSON.parse(readFileSync(join(folder, 'example-city-15th.json'), 'utf8')));
  const collections = await readCollections();
  const version = readManifest().version;

  const rows = computeLedger(collections, [parsed], version);
  expect(rows.map((row) => [row.id, row.target?.value, row.citation.doc])).toEqual([
    ['ex-renewable-capacity-2030', 1200, 'example-city-15th'],
    ['ex-forest-cover-2030', 25.5, 'example-city-15th'],
  ]);

  // A site on the Yellow River, inside the 1 km zone the rule names.
  const river = (collections.get('base-yellow-river') as FeatureCollection<LineString | MultiLineString>).features[0]!.geometry;
  const line = river.type === 'LineString' ? river.coordinates : river.coordinates[0]!;
  const site = { type: 'Point', coordinates: line[Math.floor(line.length / 2)] };
  const report = createScreener({ collections, seeds: [parsed], dataVersion: version }).screen(site, 'chemical-park');
  const hit = report.hits.find((candidate) => candidate.ruleId === 'ex-no-chemical-park-by-yellow-river');
  expect(hit?.verdict).toBe('prohibited');
  expect(hit?.cite).toEqual(parsed.rules[0]!.citation);

  const document = readDocumentText(text);
  const passage = passageOf(document, hit!.cite!)!;
  expect(passage.sentence).toBe('严禁在黄河干流岸线1公里范围内新建化工园区和化工项目，已有项目逐步搬迁。');
  expect(passage.place.map((heading) => heading.title)).toEqual(['第二章 空间管控', '一、黄河岸线管控']);
  expect(
    documentBlocks(document)
      .filter((block) => block.heading)
      .map((block) => block.heading!.title),
  ).toEqual(['第一章 总体要求', '第二章 空间管控', '一、黄河岸线管控']);
  const cited = citedBy(document, parsed.id, seedEntries([parsed]));
  expect([...cited.values()].map((entries) => citedBySummary(entries, 'en'))).toEqual(['2 targets', '1 rule']);
});
