import { describe, expect, it } from 'vitest';
import { readDocumentText } from '../documents/document-text.ts';
import { passagesIn } from '../documents/passage.ts';
import type { LedgerRow } from './ledger.ts';
import { ledgerToCsv } from './ledger-csv.ts';

/** A made-up document whose cited sentence is wrapped over two lines under a chapter, an item and a sub-item. */
const text = readDocumentText('第三章 生态保护\n一、湿地保护\n（一）保有量\n到2025年，全区湿地保有\n量稳定在9000万亩。其他句子。\n');
const noText = () => undefined;

const row: LedgerRow = {
  id: 'x',
  documentId: 'nm-ecology-14th',
  document: {
    title: { zh: '内蒙古自治区“十四五”生态环境保护规划', en: 'Ecology plan' },
    shortTitle: { zh: '生态规划', en: 'Ecology plan' },
    number: 'unknown',
  },
  theme: 'ecology',
  scope: { kind: 'region', id: 'inner-mongolia', zh: '内蒙古自治区' },
  scopeName: { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  indicator: { zh: '湿地保有量', en: 'Wetland, "retained", area' },
  unit: '万亩',
  baseline: { value: 9000, year: 2020 },
  target: null,
  comparator: 'reported',
  binding: 'binding',
  qualitative: false,
  written: null,
  measured: {
    value: 5922.8,
    unit: 'km²',
    inDocumentUnit: 888.42,
    note: { zh: '两行', en: 'two\nlines' },
    accuracy: { accuracyClass: 'C', km: 15 },
    range: { low: 5000, high: 6912.5, inDocumentUnit: { low: 750, high: 1035.08 }, how: { zh: '一阶估计', en: 'first order' } },
  },
  mapStatus: 'reported',
  mapReason: { zh: '说明', en: 'plain' },
  actuals: [{ targetId: 'x', value: 9100, achieved: null, unit: '万亩', year: 2023, source: '公报, 第3页' }],
  status: 'reported',
  reason: { zh: '说明', en: 'plain' },
  featureIds: ['a', 'b'],
  citation: { doc: 'nm-ecology-14th', line: 4, endLine: 5, quote: '湿地保有量' },
  note: '',
  conflictsWith: [],
  dataVersion: 'ef302c7a2d25',
};

describe('ledger CSV', () => {
  it('quotes as RFC 4180 asks, starts with a UTF-8 byte-order mark and names the document by title', () => {
    const csv = ledgerToCsv([row], 'en', noText);
    const [header, line, end] = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header).toBe(
      'id,document,document_number,place_in_document,as_written,sentence,theme,scope,indicator,unit,baseline_value,' +
        'baseline_year,comparator,target_value,target_year,binding,map_value,map_unit,map_low,map_high,map_range_basis,map_accuracy_km,reported_value,reported_unit,' +
        'reported_year,reported_source,status,reason,conflicts_with,data_version',
    );
    expect(line).toBe(
      'x,Ecology plan,not stated,line 4,湿地保有量,湿地保有量,ecology,Inner Mongolia,"Wetland, ""retained"", area",万亩,9000,2020,' +
        'reported,,,binding,5922.8,km²,5000,6910,first order,15,9100,万亩,2023,"公报, 第3页",reported by the document only,plain,,ef302c7a2d25',
    );
    expect(end).toBe('');
  });

  it('gives the place in the document as its headings and lines, and the whole sentence, once the text is at hand', () => {
    const [, line] = ledgerToCsv([row], 'en', passagesIn(new Map([['nm-ecology-14th', text]])))
      .slice(1)
      .split('\r\n');
    expect(line).toContain(
      ',"第三章 生态保护 › 一、湿地保护 › （一）保有量, lines 4–5",湿地保有量,到2025年，全区湿地保有量稳定在9000万亩。,',
    );
    // Another document's text does not stand in for the cited one.
    expect(ledgerToCsv([row], 'en', passagesIn(new Map([['other', text]])))).toContain(',line 4,湿地保有量,湿地保有量,');
  });

  it('writes Chinese headers and words', () => {
    const [header, line] = ledgerToCsv([row], 'zh', passagesIn(new Map([['nm-ecology-14th', text]])))
      .slice(1)
      .split('\r\n');
    expect(header!.startsWith('编号,文件,文号,文中位置,原文,原文句子,主题,范围,指标,单位,基期值,基期年,要求,目标值,目标年,指标属性,')).toBe(
      true,
    );
    expect(line).toContain(
      'x,内蒙古自治区“十四五”生态环境保护规划,未注明,第三章 生态保护 › 一、湿地保护 › （一）保有量，第4–5行,湿地保有量,',
    );
    expect(line).toContain(',约束性,');
    expect(line).toContain(',仅文件报告值,说明,');
  });
});
