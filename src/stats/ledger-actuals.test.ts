import { describe, expect, it } from 'vitest';
import type { LedgerRow } from './ledger.ts';
import { applyActuals } from './ledger-actuals.ts';
import { actualsToCsv, readActualsCsv } from './ledger-actuals-csv.ts';
import { ledgerRow } from '../../tests/unit/ledger-row.ts';

const row = (fields: Partial<LedgerRow> & { id: string }): LedgerRow => ledgerRow(fields);
const capacity = row({ id: 'capacity' });
const intensity = row({
  id: 'intensity',
  unit: '%',
  comparator: 'decrease-by',
  baseline: { value: 'unknown', year: 2020 },
  target: { value: 16.5, year: 2025 },
});
const words = row({ id: 'words', unit: '%', qualitative: true, target: { value: 'unknown', year: 2025 }, comparator: 'decrease-by' });
const rows = [capacity, intensity, words];
const csv = (...lines: string[]) => ['target_id,value,unit,year,source', ...lines].join('\n');
const statusOf = (text: string, id: string) => applyActuals(rows, readActualsCsv(text, rows)).find((r) => r.id === id)!;

describe('reported values', () => {
  it('meet or miss a target at its year, converting units of one kind, and say the source', () => {
    const met = statusOf(csv('capacity,51,GW,2025,鄂尔多斯市2025年统计公报'), 'capacity');
    expect(met.status).toBe('met');
    expect(met.reason.en).toBe('Reported 5,100 × 10⁴ kW (2025, 鄂尔多斯市2025年统计公报); target 5,000 × 10⁴ kW by 2025.');
    expect(statusOf(csv('capacity,4000,万千瓦,2026,https://example.org/bulletin'), 'capacity').status).toBe('not met');
  });

  it('are on or off track before the target year when a baseline draws the line', () => {
    // 16.5 % down from 2020 to 2025: 9.9 % by 2023 is on the line.
    expect(statusOf(csv('intensity,10,%,2023,公报'), 'intensity').status).toBe('on track');
    const off = statusOf(csv('intensity,5,%,2023,公报'), 'intensity');
    expect(off.status).toBe('off track');
    expect(off.reason.en).toContain('passes 9.9 in 2023');
    // Two values draw their own line; one value without a baseline settles nothing, and is no shortfall.
    expect(statusOf(csv('capacity,1000,万千瓦,2021,公报一', 'capacity,1500,万千瓦,2023,公报二'), 'capacity').status).toBe('off track');
    const single = statusOf(csv('capacity,1500,万千瓦,2023,公报二'), 'capacity');
    expect(single.status).toBe('not measurable from map data');
    expect(single.reason.en).toContain('draws no trajectory');
  });

  it('take achieved or not achieved for a target in words', () => {
    expect(statusOf(csv('words,已完成,,2025,自治区考核结果'), 'words').status).toBe('met');
    expect(statusOf(csv('words,not achieved,,2025,review'), 'words').status).toBe('not met');
  });

  it('are refused with the line and the reason: unknown target, wrong unit, no source, words for a figure', () => {
    expect(() =>
      readActualsCsv(
        csv('nope,1,%,2025,a source', 'capacity,5,km²,2025,a source', 'capacity,5,万千瓦,2025,', 'capacity,achieved,万千瓦,2025,x y'),
        rows,
      ),
    ).toThrow(
      /line 2 \(targetId\): no target "nope"; line 3 \(unit\): km² cannot be compared with the target's 万千瓦; line 4 \(source\).*; line 5 \(value\): capacity needs a figure in 万千瓦/,
    );
    expect(() => readActualsCsv('target_id,value\ncapacity,1', rows)).toThrow('missing columns unit, year, source');
  });

  it('round-trip through the CSV export', () => {
    const actuals = readActualsCsv(csv('capacity,5100,万千瓦,2025,"公报, 第3页"', 'words,achieved,,2025,考核'), rows);
    expect(readActualsCsv(actualsToCsv(actuals), rows)).toEqual(actuals);
    expect(actualsToCsv(actuals)).toContain('"公报, 第3页"');
  });
});
