/**
 * Reported values that planners record against targets (a bulletin's figure, a later document's), checked against
 * the target they are recorded for, and the status they give: met or not met at or after the target year; on track
 * or off track before it, where a baseline (or an earlier reported value) and the target draw a trajectory.
 */
import { z } from '../schema/zod-mini.ts';
import { actualSchema, type Actual, type LedgerRow } from './ledger.ts';
import { comparatorWords, formatFigure as format } from './ledger-words.ts';
import type { Outcome } from './ledger-map-judge.ts';
import { comparable, convert, unitText } from './units.ts';

/** Checks reported values against the rows: the target exists, the unit is of the target's kind, a figure for a
 * figure and achieved/not achieved for a target in words. Each problem names the record and what is wrong. */
export function actualsSchemaFor(rows: readonly LedgerRow[]) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return z.array(
    actualSchema.check(
      z.superRefine((actual, context) => {
        const row = byId.get(actual.targetId);
        if (!row) {
          context.addIssue({ code: 'custom', path: ['targetId'], message: `no target "${actual.targetId}"` });
          return;
        }
        if (row.qualitative) {
          if (actual.achieved === null)
            context.addIssue({
              code: 'custom',
              path: ['achieved'],
              message: `${row.id} is a target in words: give achieved or not achieved`,
            });
          return;
        }
        if (actual.value === null)
          context.addIssue({ code: 'custom', path: ['value'], message: `${row.id} needs a figure in ${row.unit}` });
        else if (!comparable(actual.unit, row.unit)) {
          context.addIssue({ code: 'custom', path: ['unit'], message: `${actual.unit} cannot be compared with the target's ${row.unit}` });
        }
      }),
    ),
  );
}

interface Point {
  year: number;
  value: number;
}

/** Whether a larger value is better: "at least", "up by", "down by" (an achieved reduction), or a target above its baseline. */
function upward(row: LedgerRow): boolean | null {
  if (['at-least', 'not-decrease', 'increase-by', 'decrease-by'].includes(row.comparator)) return true;
  if (['at-most', 'not-increase'].includes(row.comparator)) return false;
  if (row.comparator !== 'reach') return null;
  const [baseline, target] = [row.baseline?.value, row.target?.value];
  return typeof baseline === 'number' && typeof target === 'number' ? target >= baseline : true;
}

/** The figure to hold values against: the target, or the baseline level for "not decrease/increase". */
function goal(row: LedgerRow): Point | null {
  const keepsLevel = row.comparator === 'not-decrease' || row.comparator === 'not-increase';
  const figure = keepsLevel && typeof row.target?.value !== 'number' ? row.baseline : row.target;
  const year = row.target?.year;
  return typeof figure?.value === 'number' ? { value: figure.value, year: typeof year === 'number' ? year : Number.NaN } : null;
}

/** Where a trajectory starts: the baseline (0 for a change "down/up by", counted from the base year), else the
 * earliest of two or more reported values. */
function start(row: LedgerRow, points: readonly Point[]): Point | null {
  const year = row.baseline?.year;
  if (typeof year === 'number') {
    if (row.comparator === 'decrease-by' || row.comparator === 'increase-by') return { year, value: 0 };
    if (typeof row.baseline?.value === 'number') return { year, value: row.baseline.value };
  }
  return points.length > 1 ? points[0]! : null;
}

const sourced = (actual: Actual) => ({ en: ` (${actual.year}, ${actual.source})`, zh: `（${actual.year}年，${actual.source}）` });

/** The status the reported values give a row, or null when they cannot settle anything. */
export function judgeActuals(row: LedgerRow, actuals: readonly Actual[]): Outcome | null {
  const latest = actuals.at(-1);
  if (!latest) return null;
  const source = sourced(latest);
  if (row.qualitative) {
    const achieved = latest.achieved === true;
    return {
      status: achieved ? 'met' : 'not met',
      reason: achieved
        ? { en: `Reported achieved${source.en}.`, zh: `报告已完成${source.zh}。` }
        : { en: `Reported not achieved${source.en}.`, zh: `报告未完成${source.zh}。` },
    };
  }
  const points = actuals.flatMap((actual) => {
    const value = actual.value === null ? null : convert(actual.value, actual.unit, row.unit);
    return value === null ? [] : [{ year: actual.year, value }];
  });
  const now = points.at(-1)!;
  const reported = {
    en: `Reported ${format(now.value)} ${unitText(row.unit, 'en')}${source.en}`,
    zh: `报告值 ${format(now.value)} ${row.unit}${source.zh}`,
  };
  const target = goal(row);
  const up = upward(row);
  if (row.comparator === 'reported' || !target || up === null) {
    return {
      status: 'reported',
      reason: { en: `${reported.en}; the document sets no figure to reach.`, zh: `${reported.zh}；文件未设定须达到的数值。` },
    };
  }
  const words = comparatorWords[row.comparator];
  const against = {
    en: `target ${words.en ? `${words.en} ` : ''}${format(target.value)} ${unitText(row.unit, 'en')}`,
    zh: `目标 ${words.zh ? `${words.zh} ` : ''}${format(target.value)} ${row.unit}`,
  };
  const reaches = (value: number, figure: number) => (up ? value >= figure : value <= figure);
  if (Number.isNaN(target.year) || now.year >= target.year) {
    const met = reaches(now.value, target.value);
    const by = Number.isNaN(target.year) ? { en: '', zh: '' } : { en: ` by ${target.year}`, zh: `（${target.year}年）` };
    return {
      status: met ? 'met' : 'not met',
      reason: { en: `${reported.en}; ${against.en}${by.en}.`, zh: `${reported.zh}；${against.zh}${by.zh}。` },
    };
  }
  const from = start(row, points);
  if (!from || from.year >= now.year) {
    return reaches(now.value, target.value)
      ? {
          status: 'on track',
          reason: {
            en: `${reported.en}: already at the ${against.en} (${target.year}).`,
            zh: `${reported.zh}：已达到${against.zh}（${target.year}年）。`,
          },
        }
      : null;
  }
  // Straight line from the start to the target: where the value should be by now to arrive on time.
  const expected = from.value + ((target.value - from.value) * (now.year - from.year)) / (target.year - from.year);
  const onTrack = reaches(now.value, expected);
  const line = {
    en: `the line from ${format(from.value)} (${from.year}) to ${format(target.value)} (${target.year}) passes ${format(expected)} in ${now.year}`,
    zh: `从 ${format(from.value)}（${from.year}年）到 ${format(target.value)}（${target.year}年）的直线在${now.year}年为 ${format(expected)}`,
  };
  return { status: onTrack ? 'on track' : 'off track', reason: { en: `${reported.en}; ${line.en}.`, zh: `${reported.zh}；${line.zh}。` } };
}

/** The rows with their reported values and the status those give; rows without values keep the map's status. */
export function applyActuals(rows: readonly LedgerRow[], actuals: readonly Actual[]): LedgerRow[] {
  const byTarget = new Map<string, Actual[]>();
  for (const actual of actuals) byTarget.set(actual.targetId, [...(byTarget.get(actual.targetId) ?? []), actual]);
  return rows.map((row) => {
    const mine = (byTarget.get(row.id) ?? []).sort((a, b) => a.year - b.year);
    const outcome = judgeActuals(row, mine);
    const unsettled =
      mine.length > 0 && !outcome
        ? {
            en: ` A reported value is recorded (${mine.at(-1)!.year}); one value before the target year without a baseline draws no trajectory.`,
            zh: `已录入报告值（${mine.at(-1)!.year}年）；目标年之前的单个数值且无基期，无法判断进度。`,
          }
        : { en: '', zh: '' };
    return {
      ...row,
      actuals: mine,
      status: outcome?.status ?? row.mapStatus,
      reason: outcome?.reason ?? { en: row.mapReason.en + unsettled.en, zh: row.mapReason.zh + unsettled.zh },
    };
  });
}
