import { describe, expect, it } from 'vitest';
import type { LedgerRow } from './ledger.ts';
import { ledgerToCsv } from './ledger-csv.ts';

const row: LedgerRow = {
  id: 'x', documentId: 'nm-ecology-14th', file: '003_f727c7bed9c47f2d.txt', theme: 'ecology',
  scope: { kind: 'region', id: 'inner-mongolia', zh: '内蒙古自治区' },
  indicator: { zh: '湿地保有量', en: 'Wetland, "retained", area' }, unit: '万亩',
  baseline: { value: 9000, year: 2020 }, target: null, comparator: 'reported', binding: 'unknown',
  measured: { value: 5922.8, unit: 'km²', note: 'two\nlines', noteZh: '两行' }, reference: null, status: 'reported',
  note: 'plain', noteZh: '说明',
  featureIds: ['a', 'b'], citation: { file: '003_f727c7bed9c47f2d.txt', line: 114, quote: '湿地保有量' },
  conflictsWith: [], dataVersion: 'ef302c7a2d25',
};

describe('ledger CSV', () => {
  it('quotes as RFC 4180 asks and starts with a UTF-8 byte-order mark', () => {
    const [header, line, end] = ledgerToCsv([row]).slice(1).split('\r\n');
    expect(ledgerToCsv([row]).charCodeAt(0)).toBe(0xfeff);
    expect(header!.split(',')).toContain('indicator_zh');
    expect(line).toContain(',湿地保有量,"Wetland, ""retained"", area",万亩,9000,2020,,,reported,');
    expect(line).toContain(',5922.8,km²,"two\nlines",两行,reported,plain,说明,a b,');
    expect(end).toBe('');
  });
});
