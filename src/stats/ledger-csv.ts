/** The ledger as CSV for spreadsheets, with Chinese or English headers and words: RFC 4180 (CRLF lines, fields
 * quoted where needed, quotes doubled), with a UTF-8 byte-order mark so that Excel reads the Chinese as UTF-8
 * rather than the system code page. Documents are named by title and 文号, never by file name; each target's
 * citation by its place in the document (the headings above it and its lines) and its whole sentence. */
import Papa from 'papaparse';
import type { Passage } from '../documents/passage.ts';
import type { Citation } from '../schema/citation.ts';
import type { LedgerRow } from './ledger.ts';
import { bindingWords, comparatorWords, placeInDocument, statusWords, themeWords } from './ledger-words.ts';

type Lang = 'zh' | 'en';
type Cell = string | number | null | undefined;
/** The passage a citation points at in its document's text (src/documents/passage.ts), undefined when not found. */
export type PassageOf = (citation: Citation) => Passage | undefined;

const figure = (value: { value: number | string; year: number | string } | null, part: 'value' | 'year', lang: Lang): Cell => {
  const cell = value?.[part];
  return cell === 'unknown' ? (lang === 'zh' ? '未知' : 'unknown') : cell;
};

/** A range's end to three significant digits: it rests on a first-order bound, so more would be false precision. */
const rangeEnd = (value: number | undefined) => (value === undefined ? undefined : Number(value.toPrecision(3)));

const columns: [zh: string, en: string, value: (row: LedgerRow, lang: Lang, passage: Passage | undefined) => Cell][] = [
  ['编号', 'id', (row) => row.id],
  ['文件', 'document', (row, lang) => row.document.title[lang]],
  [
    '文号',
    'document_number',
    (row, lang) => (row.document.number === 'unknown' ? (lang === 'zh' ? '未注明' : 'not stated') : row.document.number),
  ],
  ['文中位置', 'place_in_document', (row, lang, passage) => placeInDocument(row.citation, passage, lang)],
  ['原文', 'as_written', (row) => row.citation.quote],
  ['原文句子', 'sentence', (row, _lang, passage) => passage?.sentence ?? row.citation.quote],
  ['主题', 'theme', (row, lang) => themeWords[row.theme][lang]],
  ['范围', 'scope', (row, lang) => row.scopeName[lang]],
  ['指标', 'indicator', (row, lang) => row.indicator[lang]],
  ['单位', 'unit', (row) => row.unit],
  ['基期值', 'baseline_value', (row, lang) => figure(row.baseline, 'value', lang)],
  ['基期年', 'baseline_year', (row, lang) => figure(row.baseline, 'year', lang)],
  ['要求', 'comparator', (row, lang) => comparatorWords[row.comparator][lang] || (lang === 'zh' ? '目标值' : 'target')],
  ['目标值', 'target_value', (row, lang) => figure(row.target, 'value', lang)],
  ['目标年', 'target_year', (row, lang) => figure(row.target, 'year', lang)],
  ['指标属性', 'binding', (row, lang) => bindingWords[row.binding][lang]],
  ['地图测得', 'map_value', (row) => row.measured?.value],
  ['地图单位', 'map_unit', (row) => row.measured?.unit],
  ['地图范围下限', 'map_low', (row) => rangeEnd(row.measured?.range.low)],
  ['地图范围上限', 'map_high', (row) => rangeEnd(row.measured?.range.high)],
  ['地图范围依据', 'map_range_basis', (row, lang) => row.measured?.range.how[lang]],
  ['地图精度（公里）', 'map_accuracy_km', (row) => row.measured?.accuracy.km],
  [
    '最新报告值',
    'reported_value',
    (row, lang) => {
      const latest = row.actuals.at(-1);
      if (!latest) return undefined;
      if (latest.value !== null) return latest.value;
      return lang === 'zh' ? (latest.achieved ? '已完成' : '未完成') : latest.achieved ? 'achieved' : 'not achieved';
    },
  ],
  ['报告值单位', 'reported_unit', (row) => row.actuals.at(-1)?.unit],
  ['报告年份', 'reported_year', (row) => row.actuals.at(-1)?.year],
  ['来源', 'reported_source', (row) => row.actuals.at(-1)?.source],
  ['状态', 'status', (row, lang) => statusWords[row.status][lang]],
  ['理由', 'reason', (row, lang) => row.reason[lang]],
  ['不一致的目标', 'conflicts_with', (row) => row.conflictsWith.join(' ')],
  ['数据版本', 'data_version', (row) => row.dataVersion],
];

/** The rows as CSV; `passageOf` finds each citation's sentence and headings in its document's text, which the CLI
 * reads from seeds/ and the atlas loads before it exports. */
export function ledgerToCsv(rows: readonly LedgerRow[], lang: Lang, passageOf: PassageOf): string {
  const fields = columns.map(([zh, en]) => (lang === 'zh' ? zh : en));
  const data = rows.map((row) => {
    const passage = passageOf(row.citation);
    return columns.map(([, , value]) => value(row, lang, passage) ?? '');
  });
  return `\uFEFF${Papa.unparse({ fields, data }, { newline: '\r\n' })}\r\n`;
}
