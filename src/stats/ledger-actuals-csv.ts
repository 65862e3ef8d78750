/**
 * The one reader and writer of reported values as CSV, shared by the atlas (import, export) and the CLI
 * (`--actuals`): columns target_id, value, unit, year, source. A target in words takes "achieved" or
 * "not achieved" (已完成 / 未完成) as its value. Parsed with papaparse, checked with zod against the targets.
 */
import Papa from 'papaparse';
import type { Actual, LedgerRow } from './ledger.ts';
import { actualsSchemaFor } from './ledger-actuals.ts';

export const actualColumns = ['target_id', 'value', 'unit', 'year', 'source'] as const;

const achievedWords = new Map<string, boolean>([
  ['achieved', true],
  ['not achieved', false],
  ['已完成', true],
  ['未完成', false],
  ['完成', true],
  ['达成', true],
  ['未达成', false],
]);

export class ActualsError extends Error {
  override name = 'ActualsError';
}

/** Reads reported values; throws an ActualsError naming each bad line (header is line 1) and what is wrong. */
export function readActualsCsv(text: string, rows: readonly LedgerRow[]): Actual[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transform: (value) => value.trim(),
  });
  const problems = parsed.errors.map((error) => `line ${(error.row ?? 0) + 2}: ${error.message}`);
  const missing = actualColumns.filter((column) => !parsed.meta.fields?.includes(column));
  if (missing.length > 0)
    throw new ActualsError(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (need ${actualColumns.join(',')})`);
  const records = parsed.data.map((record) => {
    const word = achievedWords.get((record['value'] ?? '').toLowerCase());
    const number = record['value'] === '' || word !== undefined ? Number.NaN : Number(record['value']);
    return {
      targetId: record['target_id'] ?? '',
      value: word !== undefined ? null : number,
      achieved: word ?? null,
      unit: record['unit'] ?? '',
      year: Number(record['year']),
      source: record['source'] ?? '',
    };
  });
  const checked = actualsSchemaFor(rows).safeParse(records);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const [index, field] = issue.path as [number, string];
      problems.push(`line ${index + 2}${field ? ` (${field})` : ''}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new ActualsError(problems.join('; '));
  return checked.data!;
}

/** Writes reported values in the same columns, so an export re-imports as it was. */
export function actualsToCsv(actuals: readonly Actual[]): string {
  const data = actuals.map((actual) => [
    actual.targetId,
    actual.value ?? (actual.achieved ? 'achieved' : 'not achieved'),
    actual.unit,
    actual.year,
    actual.source,
  ]);
  return `\uFEFF${Papa.unparse({ fields: [...actualColumns], data }, { newline: '\r\n' })}\r\n`;
}
