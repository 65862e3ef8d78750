import { describe, expect, it } from 'vitest';
import type { LedgerRow } from './ledger.ts';
import { ledgerToCsv } from './ledger-csv.ts';

const row: LedgerRow = {
  id: 'x', documentId: 'nm-ecology-14th',
  document: { title: { zh: '内蒙古自治区“十四五”生态环境保护规划', en: 'Ecology plan' }, shortTitle: { zh: '生态规划', en: 'Ecology plan' }, number: 'unknown' },
  theme: 'ecology', scope: { kind: 'region', id: 'inner-mongolia', zh: '内蒙古自治区' }, scopeName: { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  indicator: { zh: '湿地保有量', en: 'Wetland, "retained", area' }, unit: '万亩',
  baseline: { value: 9000, year: 2020 }, target: null, comparator: 'reported', binding: 'binding', qualitative: false, written: null,
  measured: { value: 5922.8, unit: 'km²', inDocumentUnit: 888.42, note: { zh: '两行', en: 'two\nlines' }, accuracy: { accuracyClass: 'C', km: 15 } },
  mapStatus: 'reported', mapReason: { zh: '说明', en: 'plain' },
  actuals: [{ targetId: 'x', value: 9100, achieved: null, unit: '万亩', year: 2023, source: '公报, 第3页' }],
  status: 'reported', reason: { zh: '说明', en: 'plain' },
  featureIds: ['a', 'b'], citation: { doc: 'nm-ecology-14th', line: 114, quote: '湿地保有量' }, note: '',
  conflictsWith: [], dataVersion: 'ef302c7a2d25',
};

describe('ledger CSV', () => {
  it('quotes as RFC 4180 asks, starts with a UTF-8 byte-order mark and names the document by title', () => {
    const csv = ledgerToCsv([row]);
    const [header, line, end] = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header).toBe('id,document,document_number,place_in_document,as_written,theme,scope,indicator,unit,baseline_value,'
      + 'baseline_year,comparator,target_value,target_year,binding,map_value,map_unit,map_accuracy_km,reported_value,reported_unit,'
      + 'reported_year,reported_source,status,reason,conflicts_with,data_version');
    expect(line).toBe('x,Ecology plan,not stated,line 114,湿地保有量,ecology,Inner Mongolia,"Wetland, ""retained"", area",万亩,9000,2020,'
      + 'reported,,,binding,5922.8,km²,15,9100,万亩,2023,"公报, 第3页",reported by the document only,plain,,ef302c7a2d25');
    expect(end).toBe('');
  });

  it('writes Chinese headers and words', () => {
    const [header, line] = ledgerToCsv([row], 'zh').slice(1).split('\r\n');
    expect(header!.startsWith('编号,文件,文号,文中位置,原文,主题,范围,指标,单位,基期值,基期年,要求,目标值,目标年,指标属性,')).toBe(true);
    expect(line).toContain('x,内蒙古自治区“十四五”生态环境保护规划,未注明,第114行,湿地保有量,生态,内蒙古自治区,湿地保有量,');
    expect(line).toContain(',约束性,');
    expect(line).toContain(',仅文件报告值,说明,');
  });
});
