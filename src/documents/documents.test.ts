import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDocumentText } from './document-text.ts';
import { headingOf } from './headings.ts';
import { locateQuote, passageOf } from './passage.ts';
import { searchDocuments } from './search.ts';
import { citedBy, citedBySummary, type CitingEntry } from './cited-by.ts';
import { figuresIn } from './seed-check.ts';

const seeds = join(import.meta.dirname, '..', '..', 'seeds');
const read = (id: string) => readDocumentText(readFileSync(join(seeds, `${id}.txt`), 'utf8'));
const ordos = read('ordos-pollution-carbon');
const ecology = read('nm-ecology-14th');

describe('sentences', () => {
  test('a quote gives the whole sentence that holds it, with its place and the quoted words marked', () => {
    const passage = passageOf(ordos, { line: 25, quote: '棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃' })!;
    expect(passage.sentence).toBe('持续加强产业集群环境治理，棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃（不含光伏玻璃）等产能。');
    expect(passage.sentence.slice(passage.quoteFrom, passage.quoteTo)).toBe('棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃');
    expect(passage.place.map((heading) => heading.title)).toEqual(['二、加强源头防控', '（五）加强生态环境准入管理']);
  });

  test('a quote the PDF wrapped over lines is found with the line breaks ignored, and only at its lines', () => {
    const citation = { line: 1730, endLine: 1732, quote: '严禁在黄河干流和主要支流岸线1公里范围内新建化工园区' };
    expect(locateQuote(ecology, citation)).toBeDefined();
    expect(locateQuote(ecology, { ...citation, line: 1732, endLine: undefined })).toBeUndefined();
    expect(locateQuote(ecology, { ...citation, endLine: 1734 })).toBeUndefined();
    const passage = passageOf(ecology, citation)!;
    expect(passage.sentence).toMatch(
      /^强化黄河流域水资源刚性约束.*严禁在黄河干流和主要支流岸线1公里范围内新建化工园区,推动沿黄高耗水、高污染企业入园。$/,
    );
    expect(passage.place.map((heading) => heading.kind)).toEqual(['chapter', 'section']);
  });

  test('page numbers the extraction left inside a sentence are not part of it', () => {
    const hinggan = read('hinggan-climate-14th');
    expect(hinggan.text).not.toMatch(/—\s*\d+\s*—/);
  });
});

describe('headings', () => {
  test('the numbering of official documents, and prose that only looks like it', () => {
    expect(headingOf(' 第三章 控制温室气体排放')).toMatchObject({ kind: 'chapter', title: '第三章 控制温室气体排放' });
    expect(headingOf('第七节 开展规划评估')).toMatchObject({ kind: 'section' });
    expect(headingOf('二、加强源头防控')).toMatchObject({ kind: 'item' });
    expect(headingOf('(一)指导思想。以习近平…')).toMatchObject({ kind: 'subitem', title: '(一)指导思想', inline: true });
    expect(headingOf('2.推进重点行业、重点地区超低排放改造。有序推动')).toMatchObject({ kind: 'point', inline: true });
    expect(headingOf('1.5亿立方米')).toBeUndefined();
    expect(headingOf('一网回复”,切实维护')).toBeUndefined();
  });
});

describe('search', () => {
  test('finds words across documents, wrapped words included, each in its sentence', () => {
    const hits = searchDocuments(
      new Map([
        ['ordos-pollution-carbon', ordos],
        ['nm-ecology-14th', ecology],
        ['hinggan-climate-14th', read('hinggan-climate-14th')],
      ]),
      '化工园区',
    );
    expect(new Set(hits.map((hit) => hit.doc))).toEqual(new Set(['nm-ecology-14th', 'hinggan-climate-14th']));
    for (const hit of hits) expect(hit.sentence.slice(hit.from, hit.to)).toBe('化工园区');
    expect(hits.some((hit) => hit.sentence.includes('严禁在黄河干流和主要支流岸线1公里范围内新建化工园区'))).toBe(true);
  });
});

describe('what cites a sentence', () => {
  test('counts zones, targets and rules once each', () => {
    const citation = { doc: 'ordos-pollution-carbon', line: 25, quote: '棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃' };
    const entries: CitingEntry[] = [
      { kind: 'zone', id: 'qipanjing', name: { zh: '棋盘井', en: 'Qipanjing' }, citation },
      {
        kind: 'zone',
        id: 'qipanjing',
        name: { zh: '棋盘井', en: 'Qipanjing' },
        citation: { ...citation, quote: '持续加强产业集群环境治理' },
      },
      { kind: 'rule', id: 'od-qipanjing', name: { zh: '限制', en: 'restrict' }, citation },
      { kind: 'target', id: 'other-document', name: { zh: '', en: '' }, citation: { ...citation, doc: 'nm-ecology-14th' } },
    ];
    const bySentence = citedBy(ordos, 'ordos-pollution-carbon', entries);
    expect([...bySentence.values()].map((list) => list.map((entry) => entry.id))).toEqual([['qipanjing', 'od-qipanjing']]);
    expect(citedBySummary([...bySentence.values()][0]!, 'en')).toBe('1 zone, 1 rule');
    expect(citedBySummary([...bySentence.values()][0]!, 'zh')).toBe('1 个区域、1 条规定');
  });
});

test('figures are read as numbers of their own', () => {
  expect(figuresIn('下降16.5%，森林覆盖率 (%) 23.0 23.5')).toEqual([16.5, 23, 23.5]);
  expect(figuresIn('呼和浩特市\t14\t310\t3.8\t17')).toEqual([14, 310, 3.8, 17]);
  expect(figuresIn('达到1,000万千瓦')).toEqual([1000]);
});
