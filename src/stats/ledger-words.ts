/**
 * The ledger's words in Chinese and English: statuses, themes, binding status, comparators. The panel, the table,
 * the exports and the CLI all say a row's status with these, so a CSV reads like the screen.
 */
import type { Passage } from '../documents/passage.ts';
import type { Citation } from '../schema/citation.ts';
import type { LedgerStatus } from '../schema/ledger-view.ts';
import type { Target } from '../schema/seed.ts';

export interface Words {
  zh: string;
  en: string;
}

export { ledgerStatuses, type LedgerStatus } from '../schema/ledger-view.ts';

export const statusWords: Record<LedgerStatus, Words> = {
  met: { zh: '已达到', en: 'met' },
  'not met': { zh: '未达到', en: 'not met' },
  'on track': { zh: '进度正常', en: 'on track' },
  'off track': { zh: '进度滞后', en: 'off track' },
  reported: { zh: '仅文件报告值', en: 'reported by the document only' },
  'not measurable from map data': { zh: '无法判定', en: 'cannot be judged' },
  'measured on illustrative data': { zh: '示意数据测得（不作判定）', en: 'illustrative data (not judged)' },
};

export const themeWords: Record<Target['theme'], Words> = {
  energy: { zh: '能源', en: 'energy' },
  climate: { zh: '气候', en: 'climate' },
  air: { zh: '大气', en: 'air' },
  water: { zh: '水', en: 'water' },
  soil: { zh: '土壤', en: 'soil' },
  ecology: { zh: '生态', en: 'ecology' },
  industry: { zh: '工业', en: 'industry' },
  transport: { zh: '交通', en: 'transport' },
  urban: { zh: '城镇', en: 'urban' },
  waste: { zh: '固体废物', en: 'waste' },
  other: { zh: '其他', en: 'other' },
};

export const bindingWords: Record<Target['binding'], Words> = {
  binding: { zh: '约束性', en: 'binding' },
  expected: { zh: '预期性', en: 'expected' },
  unknown: { zh: '未注明', en: 'not stated' },
};

/** How each comparator is said before the document's figure: "不低于 35 %", "at least 35 %". */
export const comparatorWords: Record<Target['comparator'], Words> = {
  'at-least': { zh: '不低于', en: 'at least' },
  'at-most': { zh: '不高于', en: 'at most' },
  // Said as nothing: "达到" reads as "achieved", and "target 5,000" already says what is to be reached.
  reach: { zh: '', en: '' },
  'not-decrease': { zh: '不减少', en: 'no less than' },
  'not-increase': { zh: '不增加', en: 'no more than' },
  'decrease-by': { zh: '下降', en: 'down by' },
  'increase-by': { zh: '提高', en: 'up by' },
  complete: { zh: '完成', en: 'complete' },
  reported: { zh: '报告值', en: 'reported' },
};

/** A figure as the reasons write it: grouped thousands, up to six significant digits (0.0005, 13,000, 2,552.3). */
export const formatFigure = (value: number) => value.toLocaleString('en-US', { maximumSignificantDigits: 6 });

/** A place id in English when no map feature names it: "kubuqi-desert" -> "Kubuqi Desert". */
export const titleCase = (id: string) =>
  id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');

/** Where a citation sits in its document: the headings above its sentence (第三章 › 二、… › （一）…) and its lines,
 * or its first line alone until the document's text is at hand (passage undefined). */
export function placeInDocument(citation: Citation, passage: Passage | undefined, lang: 'zh' | 'en'): string {
  const [first, last] = passage ? [passage.line, passage.endLine] : [citation.line, citation.line];
  const lines =
    last > first ? (lang === 'zh' ? `第${first}–${last}行` : `lines ${first}–${last}`) : lang === 'zh' ? `第${first}行` : `line ${first}`;
  const headings = passage?.place.map((heading) => heading.title).join(' › ');
  return headings ? `${headings}${lang === 'zh' ? '，' : ', '}${lines}` : lines;
}
