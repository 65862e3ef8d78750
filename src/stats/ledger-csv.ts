/** The ledger as CSV for spreadsheets: RFC 4180 (CRLF lines, fields quoted where needed, quotes doubled), with a
 * UTF-8 byte-order mark so that Excel reads the Chinese columns as UTF-8 rather than the system code page. */
import type { LedgerRow } from './ledger.ts';

const columns: [header: string, value: (row: LedgerRow) => string | number | null | undefined][] = [
  ['id', (row) => row.id],
  ['document_id', (row) => row.documentId],
  ['file', (row) => row.file],
  ['theme', (row) => row.theme],
  ['scope_kind', (row) => row.scope.kind],
  ['scope_id', (row) => row.scope.id],
  ['scope_zh', (row) => row.scope.zh],
  ['indicator_zh', (row) => row.indicator.zh],
  ['indicator_en', (row) => row.indicator.en],
  ['unit', (row) => row.unit],
  ['baseline_value', (row) => row.baseline?.value],
  ['baseline_year', (row) => row.baseline?.year],
  ['target_value', (row) => row.target?.value],
  ['target_year', (row) => row.target?.year],
  ['comparator', (row) => row.comparator],
  ['binding', (row) => row.binding],
  ['measured_value', (row) => row.measured?.value],
  ['measured_unit', (row) => row.measured?.unit],
  ['measured_note', (row) => row.measured?.note],
  ['measured_note_zh', (row) => row.measured?.noteZh],
  ['status', (row) => row.status],
  ['note', (row) => row.note],
  ['note_zh', (row) => row.noteZh],
  ['feature_ids', (row) => row.featureIds.join(' ')],
  ['citation_file', (row) => row.citation.file],
  ['citation_line', (row) => row.citation.line],
  ['citation_quote', (row) => row.citation.quote],
  ['conflicts_with', (row) => row.conflictsWith.join(' ')],
  ['data_version', (row) => row.dataVersion],
];

function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function ledgerToCsv(rows: readonly LedgerRow[]): string {
  const lines = [columns.map(([header]) => header).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => field(value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
