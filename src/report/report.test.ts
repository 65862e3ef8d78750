import { describe, expect, it } from 'vitest';
import { reportColumns } from './columns.ts';
import { csvCell, csvCellIsPlain, csvHeader, csvLine } from './csv.ts';
import { distinctZones, type SiteRow } from './site-row.ts';
import { reportWriter } from './writers.ts';

const versions = { dataVersion: 'data-1', engineVersion: 'engine-1' };
const zone = (zoneId: string, zh: string, en: string) => ({ zoneId, name: { zh, en } });
const row: SiteRow = {
  id: '=HYPERLINK("http://x")',
  verdict: 'prohibited',
  projectType: 'steel',
  site: { kind: 'point' },
  zones: distinctZones([zone('b', '乙区', 'Zone B'), zone('a', '甲区', 'Zone A'), zone('b', '乙区', 'Zone B')]),
  ...versions,
};

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+cmd|" /C calc"!A0', `"'+cmd|"" /C calc""!A0"`],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['plain 文字', 'plain 文字'],
  ])('%j is written as %j, never as a formula', (value, written) => expect(csvCell(value)).toBe(written));

  it('says from the bytes alone which texts csvCell leaves as they are', () => {
    const encoder = new TextEncoder();
    const texts = [
      'p1',
      '',
      '项目 7',
      'a-b',
      'x=1',
      'a"b',
      'a,b',
      'a\nb',
      'a\rb',
      '=1',
      '+1',
      '-1',
      '@a',
      '\tx',
      '\rx',
      ' =1',
      '编号,2',
      '"',
      'é@',
    ];
    for (const text of texts) {
      // Inside a longer array, as the CLI reads an id among a batch's bytes.
      const bytes = encoder.encode(`,${text},`);
      expect(csvCellIsPlain(bytes, 1, bytes.length - 1), JSON.stringify(text)).toBe(csvCell(text) === text);
    }
  });

  it('writes numbers as numbers, negative ones too, and nothing for a missing value', () => {
    expect([csvCell(-1.5), csvCell(0), csvCell(undefined), csvCell(Number.NaN)]).toEqual(['-1.5', '0', '', '']);
  });
});

describe('CSV rows', () => {
  it('names its columns in snake_case without a language, and labels them in the language given', () => {
    const names = reportColumns.map((column) => column.name);
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(csvHeader(undefined)).toBe(`\uFEFF${names.join(',')}\r\n`);
    expect(csvHeader('zh')).toContain('结论');
    expect(csvHeader('en')).toContain('Verdict');
  });

  it('gives codes without a language and words with one; zones once each, in id order', () => {
    const cells = (lang: 'zh' | 'en' | undefined) =>
      Object.fromEntries(reportColumns.map((column) => [column.name, column.value(row, lang)]));
    expect(cells(undefined)).toMatchObject({
      verdict: 'prohibited',
      project_type: 'steel',
      site_kind: 'point',
      zone_ids: 'a;b',
      zones: '甲区;乙区',
    });
    expect(cells('en')).toMatchObject({ verdict: 'Prohibited', zones: 'Zone A;Zone B' });
    expect(cells('zh')['verdict']).not.toBe('prohibited');
    expect(csvLine(row, undefined)).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",prohibited,steel,point,,,a;b,/);
    expect(csvLine(row, undefined).endsWith('data-1,engine-1\r\n')).toBe(true);
  });
});

describe('report writers', () => {
  const failure = { en: 'row 3: bad', zh: '第3行：错误', file: 'f.csv', row: 3 };

  it('closes a GeoJSON collection as valid JSON when a run fails, with the error beside the features', () => {
    const writer = reportWriter('geojson', undefined, new Map());
    const text = writer.start() + writer.fail(failure);
    expect(JSON.parse(text)).toEqual({ type: 'FeatureCollection', features: [], error: failure });
  });

  it('ends JSON Lines with an error line of its own', () => {
    const writer = reportWriter('jsonl', undefined, new Map());
    const lines = (writer.start() + writer.fail(failure)).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([{ error: failure }]);
  });
});
