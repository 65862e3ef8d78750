import { t } from '../i18n/ledger-strings.ts';
import type { Lang } from '../state/state.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import { bindingWords, comparatorWords, formatFigure, ledgerStatuses, statusWords, themeWords } from '../stats/ledger-words.ts';
import type { LedgerStatus, TableColumn } from '../schema/ledger-view.ts';
import { convert, unitText } from '../stats/units.ts';

/** How the list and the table write a row's figures: in the document's words and unit (万千瓦 stays 万千瓦). */
export function figureText(row: LedgerRow, part: 'baseline' | 'target', lang: Lang): string {
  const figure = row[part];
  if (!figure) return '';
  const year = figure.year === 'unknown' ? '' : lang === 'zh' ? `（${figure.year}年）` : ` (${figure.year})`;
  // The document's own words in Chinese; in English, how they read (翻一番: doubling), the words quoted beside.
  if (part === 'target' && row.written) return lang === 'zh' ? `${row.written.zh}${year}` : `${row.written.reading.en}${year}`;
  if (figure.value === 'unknown')
    return part === 'target' && row.qualitative ? `${lang === 'zh' ? '见原文' : 'in words'}${year}` : `${t('unknownShort', lang)}${year}`;
  const comparator = part === 'target' && row.comparator !== 'reach' ? `${comparatorWords[row.comparator][lang]} ` : '';
  return `${comparator}${formatFigure(figure.value)} ${unitText(row.unit, lang)}${year}`.replace(/ {2,}/g, ' ');
}

const rangeEnd = (value: number) => formatFigure(Number(value.toPrecision(3)));

/** The map's figure in the document's unit with the map's beside it, the range its edges' accuracy allows (in
 * the same unit), and that accuracy. */
export function mapText(row: LedgerRow, lang: Lang): string {
  const measured = row.measured;
  if (!measured) return '';
  const inMapUnit = measured.inDocumentUnit === null || row.unit === measured.unit;
  const map = inMapUnit
    ? `${formatFigure(measured.value)} ${measured.unit}`
    : `${formatFigure(measured.inDocumentUnit!)} ${unitText(row.unit, lang)} (${formatFigure(measured.value)} ${measured.unit})`;
  const ends =
    inMapUnit || !measured.range.inDocumentUnit
      ? { ...measured.range, unit: measured.unit }
      : { ...measured.range.inDocumentUnit, unit: unitText(row.unit, lang) };
  const range = t('ledgerRange', lang)
    .replace('{low}', rangeEnd(ends.low))
    .replace('{high}', rangeEnd(ends.high))
    .replace('{unit}', ends.unit);
  const accuracy = t('ledgerAccuracy', lang)
    .replace('{km}', String(measured.accuracy.km))
    .replace('{class}', measured.accuracy.accuracyClass);
  return `${map}, ${range}, ${accuracy}`;
}

export function reportedText(row: LedgerRow, lang: Lang): string {
  const latest = row.actuals.at(-1);
  if (!latest) return '';
  const value =
    latest.value === null
      ? t(latest.achieved ? 'ledgerAchieved' : 'ledgerNotAchieved', lang)
      : `${formatFigure(latest.value)} ${latest.unit}`;
  return `${value} (${latest.year}, ${latest.source})`;
}

const columnWords: Record<TableColumn, Parameters<typeof t>[0]> = {
  indicator: 'ledgerIndicator',
  citation: 'ledgerAsWritten',
  scope: 'ledgerScope',
  document: 'document',
  theme: 'theme',
  binding: 'ledgerBinding',
  baseline: 'baseline',
  target: 'target',
  map: 'measured',
  reported: 'ledgerReported',
  status: 'ledgerStatus',
  reason: 'ledgerReason',
};
export const columnTitle = (column: TableColumn, lang: Lang) => t(columnWords[column], lang);

/** A cell's text, and the key the column sorts on (statuses in their own order, years and figures as numbers). */
export function cell(row: LedgerRow, column: TableColumn, lang: Lang): { text: string; key: string | number } {
  switch (column) {
    case 'indicator':
      return { text: row.indicator[lang], key: row.indicator[lang] };
    case 'citation':
      return { text: row.citation.quote, key: `${row.documentId} ${String(row.citation.line).padStart(6, '0')}` };
    case 'scope':
      return { text: row.scopeName[lang], key: row.scopeName[lang] };
    case 'document':
      return { text: row.document.shortTitle[lang], key: row.document.shortTitle[lang] };
    case 'theme':
      return { text: themeWords[row.theme][lang], key: themeWords[row.theme][lang] };
    case 'binding':
      return { text: bindingWords[row.binding][lang], key: ['binding', 'expected', 'unknown'].indexOf(row.binding) };
    case 'baseline':
      return { text: figureText(row, 'baseline', lang), key: typeof row.baseline?.year === 'number' ? row.baseline.year : 9999 };
    case 'target':
      return { text: figureText(row, 'target', lang), key: typeof row.target?.year === 'number' ? row.target.year : 9999 };
    case 'map':
      return { text: mapText(row, lang), key: row.measured ? 0 : 1 };
    case 'reported':
      return { text: reportedText(row, lang), key: row.actuals.at(-1)?.year ?? 9999 };
    case 'status':
      return { text: statusWords[row.status][lang], key: ledgerStatuses.indexOf(row.status) };
    case 'reason':
      return { text: row.reason[lang], key: row.reason[lang] };
  }
}

export interface ChartPoint {
  year: number;
  value: number;
  kind: 'baseline' | 'reported' | 'target';
  label: string;
}

/** The points a time-bound row can draw: its baseline, the reported values (in the target's unit) and its target. */
export function chartPoints(row: LedgerRow): ChartPoint[] {
  const points: ChartPoint[] = [];
  const { baseline, target } = row;
  if (typeof baseline?.value === 'number' && typeof baseline.year === 'number') {
    points.push({ year: baseline.year, value: baseline.value, kind: 'baseline', label: 'baseline' });
  }
  for (const actual of row.actuals) {
    const value = actual.value === null ? null : convert(actual.value, actual.unit, row.unit);
    if (value !== null) points.push({ year: actual.year, value, kind: 'reported', label: actual.source });
  }
  if (typeof target?.value === 'number' && typeof target.year === 'number' && !row.qualitative) {
    points.push({ year: target.year, value: target.value, kind: 'target', label: 'target' });
  }
  return points;
}

/** The class that colours a status (src/styles/ledger-status.css). */
export const statusClass = (status: LedgerStatus) => `s-${status.replace(/ /g, '-')}`;
