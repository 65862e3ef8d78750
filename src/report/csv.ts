import { reportColumns, reportColumnsAfterId, type ReportLang } from './columns.ts';
import type { SiteRow } from './site-row.ts';

/** A UTF-8 byte-order mark, so that spreadsheet programs read the Chinese columns correctly. */
const byteOrderMark = '\uFEFF';

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (= + - @, or a tab or carriage return
 * first) gets a leading apostrophe, so that a site id such as `=HYPERLINK(…)` stays text. Numbers are written as is.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Whether csvCell leaves a text as it is, read from its UTF-8 bytes `from` to `to`: no formula's first character and
 * no quote, comma or line break (none of these is ever part of a multi-byte character). The CLI copies such ids
 * into its rows as bytes.
 */
export function csvCellIsPlain(bytes: Uint8Array, from: number, to: number): boolean {
  const first = bytes[from];
  if (from < to && (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13)) return false;
  for (let at = from; at < to; at++) {
    const byte = bytes[at];
    if (byte === 34 || byte === 44 || byte === 13 || byte === 10) return false;
  }
  return true;
}

/** The header line: machine names without a language, labels with one. Ends with CRLF, after the byte-order mark. */
export const csvHeader = (lang: ReportLang): string =>
  `${byteOrderMark}${reportColumns.map((column) => csvCell(lang ? column.label[lang] : column.name)).join(',')}\r\n`;

/** A line after its id cell and comma: the same for every row of one report (the id column is the only one that
 * reads the row's id), so that a caller writing many sites with one report makes it once. */
export const csvLineAfterId = (row: SiteRow, lang: ReportLang): string =>
  `${reportColumnsAfterId.map((column) => csvCell(column.value(row, lang))).join(',')}\r\n`;

/** A line from its id (idColumn's cell) and the rest of it (csvLineAfterId). */
export const csvLineOfParts = (id: string, afterId: string): string => `${csvCell(id)},${afterId}`;

export const csvLine = (row: SiteRow, lang: ReportLang): string => csvLineOfParts(row.id, csvLineAfterId(row, lang));

/** A whole CSV report: the header, then one line per row. */
export const reportCsv = (rows: readonly SiteRow[], lang: ReportLang): string =>
  csvHeader(lang) + rows.map((row) => csvLine(row, lang)).join('');
