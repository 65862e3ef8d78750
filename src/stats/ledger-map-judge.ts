/**
 * What the map alone can say about a target: a figure measured on open data can meet a target or miss it; one
 * measured on illustrative or hand-drawn data is shown, never judged; a lower bound (bases with no figure, or only
 * a class such as 百万千瓦级) can show a target reached but never a shortfall.
 */
import type { Target } from '../schema/seed.ts';
import { comparatorWords, formatFigure as format, type LedgerStatus, type Words } from './ledger-words.ts';
import type { Measure, Measurement } from './measures.ts';
import { convert, unitText } from './units.ts';

export interface Outcome {
  status: LedgerStatus;
  reason: Words;
}

const atLeast = new Set(['at-least', 'reach', 'not-decrease']);
const atMost = new Set(['at-most', 'not-increase']);

/** The document's figure for a map value: the target, or the level to keep for "not decrease/increase" and reported rows. */
function documentFigure(target: Target): number | null {
  const keepsLevel = target.comparator === 'not-decrease' || target.comparator === 'not-increase' || target.comparator === 'reported';
  const figure = typeof target.target?.value === 'number' ? target.target.value : keepsLevel ? target.baseline?.value : undefined;
  return typeof figure === 'number' ? figure : null;
}

/** A range's ends as the reasons write them: three significant digits, since they rest on a first-order bound. */
const formatEnd = (value: number) => format(Number(value.toPrecision(3)));

export function judgeOnMap(target: Target, measure: Measure, result: Extract<Measurement, { kind: 'value' }>): Outcome {
  const figure = documentFigure(target);
  // Compared in the document's unit: 万千瓦 stays 万千瓦, with the map's MW beside it.
  const inDocumentUnit = convert(result.value, result.unit, target.unit);
  const ends = [convert(result.range.low, result.unit, target.unit), convert(result.range.high, result.unit, target.unit)] as const;
  const inMapUnit = inDocumentUnit === null || target.unit === result.unit;
  // The document's unit as written in Chinese, in its English equivalent in English (万千瓦: 10⁴ kW).
  const shown = (lang: 'zh' | 'en') =>
    inMapUnit
      ? `${format(result.value)} ${result.unit}`
      : `${format(inDocumentUnit)} ${unitText(target.unit, lang)} (${format(result.value)} ${result.unit})`;
  const range = (lang: 'zh' | 'en') =>
    inMapUnit
      ? `${formatEnd(result.range.low)}–${formatEnd(result.range.high)} ${result.unit}`
      : `${formatEnd(ends[0]!)}–${formatEnd(ends[1]!)} ${unitText(target.unit, lang)}`;
  const lower = result.lowerBound ? { en: ' (a lower bound)', zh: '（下限）' } : { en: '', zh: '' };
  const map = { en: `Map: ${shown('en')}${lower.en}, range ${range('en')}`, zh: `地图：${shown('zh')}${lower.zh}，范围 ${range('zh')}` };
  const words = comparatorWords[target.comparator];
  const against =
    figure === null
      ? { en: 'the document gives no figure', zh: '文件未给出数值' }
      : {
          en: `the document: ${words.en || 'target'} ${format(figure)} ${unitText(target.unit, 'en')}`,
          zh: `文件：${words.zh || '目标'} ${format(figure)} ${target.unit}`,
        };
  const reason = (en: string, zh: string): Words => ({
    en: `${measure.note.en} ${en} ${result.range.how.en}`,
    zh: `${measure.note.zh}${zh}${result.range.how.zh}`,
  });
  if (result.illustrative) {
    return {
      status: 'measured on illustrative data',
      reason: reason(
        `${map.en}, on illustrative or hand-drawn data, so it is not judged; ${against.en}.`,
        `${map.zh}，基于示意或手绘数据，不作判定；${against.zh}。`,
      ),
    };
  }
  if (target.comparator === 'reported') {
    return {
      status: 'reported',
      reason: reason(`${map.en}; ${against.en} (a reported figure, not a target).`, `${map.zh}；${against.zh}（为报告数值，非目标）。`),
    };
  }
  const greater = atLeast.has(target.comparator);
  if (figure === null || inDocumentUnit === null || (!greater && !atMost.has(target.comparator))) {
    const why =
      figure === null
        ? { en: 'the document gives no figure', zh: '文件未给出数值' }
        : { en: 'the target is a change over time, which one map cannot show', zh: '目标是随时间的变化，单幅地图无法体现' };
    return { status: 'not measurable from map data', reason: reason(`${map.en}, but ${why.en}.`, `${map.zh}，但${why.zh}。`) };
  }
  const holds = (value: number) => (greater ? value >= figure : value <= figure);
  const [low, high] = [ends[0]!, ends[1]!];
  // Met only if it holds at the worse end of the range, not met only if it fails at the better end. A lower bound
  // (some figures unknown or only a class) can still rise, so it never shows a shortfall of "at least", nor that
  // "at most" holds: anything else would draw a data gap as a shortfall.
  const surely = holds(greater ? low : high) && !(result.lowerBound && !greater);
  const surelyNot = !holds(greater ? high : low) && !(result.lowerBound && greater);
  if (surely || surelyNot)
    return { status: surely ? 'met' : 'not met', reason: reason(`${map.en}; ${against.en}.`, `${map.zh}；${against.zh}。`) };
  if (result.lowerBound) {
    return {
      status: 'not measurable from map data',
      reason: reason(`${map.en} cannot settle it; ${against.en}.`, `${map.zh}，无法判定；${against.zh}。`),
    };
  }
  return {
    status: 'not measurable from map data',
    reason: reason(
      `${map.en}, which holds the document's figure, so the map cannot settle it; ${against.en}.`,
      `${map.zh}，文件数值落在此范围内，地图无法判定；${against.zh}。`,
    ),
  };
}
