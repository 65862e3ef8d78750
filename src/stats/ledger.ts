/**
 * The policy ledger: one row per target of every seed, each measured from the map's data where the map has a
 * counterpart (measures.ts) and compared with the document's figure, or listed with its reported values otherwise.
 */
import { z } from 'zod';
import type { FeatureCollection } from 'geojson';
import { citationSchema } from '../schema/citation.ts';
import { comparatorSchema, targetSchema, type Seed, type Target } from '../schema/seed.ts';
import { measures, type Measure, type Measurement, type Words } from './measures.ts';
import { regionStatistics } from './region-stats.ts';
import { toMapUnit } from './units.ts';

export const ledgerStatusSchema = z.enum([
  'met', 'not met', 'not measurable from map data', 'measured on illustrative data', 'reported',
]);
export type LedgerStatus = z.infer<typeof ledgerStatusSchema>;

const figureSchema = targetSchema.shape.target.unwrap();

export const ledgerRowSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  file: z.string(),
  theme: targetSchema.shape.theme,
  scope: targetSchema.shape.scope,
  indicator: targetSchema.shape.indicator,
  /** The document's unit; baseline and target are as the document gives them. */
  unit: z.string(),
  baseline: figureSchema.nullable(),
  target: figureSchema.nullable(),
  comparator: comparatorSchema,
  binding: targetSchema.shape.binding,
  /** What the map measures, in the map's unit (MW, km², %), or null. */
  measured: z.object({ value: z.number(), unit: z.string(), note: z.string(), noteZh: z.string() }).nullable(),
  /** The document's figure in the measured unit, for bars of measured against target; null when there is none. */
  reference: z.object({ value: z.number(), unit: z.string() }).nullable(),
  status: ledgerStatusSchema,
  /** Why the row has its status: what was compared with what, or why nothing could be; in English and Chinese. */
  note: z.string(),
  noteZh: z.string(),
  /** The features behind the measured number, for highlighting. */
  featureIds: z.array(z.string()),
  citation: citationSchema,
  /** Targets that give a different figure for the same thing: the seed's own list, and any target of another
   * document with the same indicator, scope, unit and year but another value. */
  conflictsWith: z.array(z.string()),
  /** Version of public/data the row was measured on (manifest.json). */
  dataVersion: z.string(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

const atLeast = new Set(['at-least', 'reach', 'not-decrease']);
const atMost = new Set(['at-most', 'not-increase']);

/** The document figure a map value is held against, as written and in the map's unit, or null when there is none. */
function reference(target: Target, unit: string): { written: string; value: number } | null {
  const keepsLevel = target.comparator === 'not-decrease' || target.comparator === 'not-increase';
  const figure = typeof target.target?.value === 'number' ? target.target.value
    : keepsLevel || target.comparator === 'reported' ? target.baseline?.value : undefined;
  if (typeof figure !== 'number') return null;
  const converted = toMapUnit(figure, target.unit);
  if (converted?.unit !== unit) throw new Error(`${target.id}: ${target.unit} cannot be compared with ${unit}`);
  const written = `${figure} ${target.unit}`;
  return { written: converted.unit === target.unit ? written : `${written} = ${converted.value} ${unit}`, value: converted.value };
}

function referenceInUnit(target: Target, unit: string | undefined): { value: number; unit: string } | null {
  const figure = unit === undefined ? null : reference(target, unit);
  return figure === null || unit === undefined ? null : { value: figure.value, unit };
}

type Outcome = { status: LedgerStatus; note: Words };

function judge(target: Target, measure: Measure, result: Extract<Measurement, { kind: 'value' }>): Outcome {
  const figure = reference(target, result.unit);
  const lower = result.lowerBound ? { en: ' (a lower bound)', zh: '（下限）' } : { en: '', zh: '' };
  const map = { en: `Map: ${result.value} ${result.unit}${lower.en}`, zh: `地图：${result.value} ${result.unit}${lower.zh}` };
  const against = figure === null
    ? { en: 'the document gives no figure', zh: '文件未给出数值' }
    : { en: `the document: ${figure.written} (${target.comparator})`, zh: `文件：${figure.written}（${comparatorZh[target.comparator]}）` };
  const note = (en: string, zh: string): Words => ({ en: `${measure.note.en} ${en}`, zh: `${measure.note.zh}${zh}` });
  if (result.illustrative) {
    return { status: 'measured on illustrative data', note: note(`${map.en}, on illustrative data; ${against.en}.`, `${map.zh}，基于示意数据；${against.zh}。`) };
  }
  if (target.comparator === 'reported') {
    return { status: 'reported', note: note(`${map.en}; ${against.en} (a reported figure, not a target).`, `${map.zh}；${against.zh}（为报告数值，非目标）。`) };
  }
  const greater = atLeast.has(target.comparator);
  if (figure === null || (!greater && !atMost.has(target.comparator))) {
    const why = figure === null
      ? { en: 'the document gives no figure', zh: '文件未给出数值' }
      : { en: 'the target is a change over time, which one map cannot show', zh: '目标是随时间的变化，单幅地图无法体现' };
    return { status: 'not measurable from map data', note: note(`${map.en}, but ${why.en}.`, `${map.zh}，但${why.zh}。`) };
  }
  const holds = greater ? result.value >= figure.value : result.value <= figure.value;
  // A lower bound settles "at least" when it already reaches the figure and "at most" when it already exceeds it.
  if (result.lowerBound && holds !== greater) {
    return { status: 'not measurable from map data', note: note(`${map.en} cannot settle it; ${against.en}.`, `${map.zh}，无法判定；${against.zh}。`) };
  }
  return { status: holds ? 'met' : 'not met', note: note(`${map.en}; ${against.en}.`, `${map.zh}；${against.zh}。`) };
}

/** How the Chinese notes say each comparator. */
const comparatorZh: Record<Target['comparator'], string> = {
  'at-least': '不低于', 'at-most': '不高于', reach: '达到', 'not-decrease': '不减少', 'not-increase': '不增加',
  'decrease-by': '下降', 'increase-by': '提高', complete: '完成', reported: '报告值',
};

/** Cross-document disagreements: same indicator (ignoring spacing), scope, unit and year, different values. */
function disagreements(seeds: readonly Seed[]): Map<string, Set<string>> {
  const byKey = new Map<string, { id: string; documentId: string; value: number }[]>();
  for (const seed of seeds) {
    for (const target of seed.targets) {
      for (const [kind, figure] of [['target', target.target], ['baseline', target.baseline]] as const) {
        if (typeof figure?.value !== 'number') continue;
        const key = [kind, target.indicator.zh.replace(/\s+/g, ''), target.scope.id, target.unit, figure.year].join('|');
        byKey.set(key, [...(byKey.get(key) ?? []), { id: target.id, documentId: seed.id, value: figure.value }]);
      }
    }
  }
  const conflicts = new Map<string, Set<string>>();
  const link = (a: string, b: string) => conflicts.set(a, (conflicts.get(a) ?? new Set()).add(b));
  for (const seed of seeds) {
    for (const target of seed.targets) {
      for (const other of target.conflictsWith ?? []) {
        link(target.id, other);
        link(other, target.id);
      }
    }
  }
  for (const group of byKey.values()) {
    for (const a of group) {
      for (const b of group) if (a.documentId !== b.documentId && a.value !== b.value) link(a.id, b.id);
    }
  }
  return conflicts;
}

/** One row per target of every seed, measured on the given datasets of public/data. */
export function computeLedger(collections: ReadonlyMap<string, FeatureCollection>, seeds: readonly Seed[], manifestVersion: string): LedgerRow[] {
  const statistics = regionStatistics(collections);
  const conflicts = disagreements(seeds);
  const rows = seeds.flatMap((seed) => seed.targets.map((target): LedgerRow => {
    const measure = measures.get(target.id);
    const result = measure?.measure(statistics);
    let outcome: Outcome;
    if (!measure || !result) {
      outcome = target.comparator === 'reported'
        ? { status: 'reported', note: { en: 'A figure the document reports; the map has no counterpart.', zh: '文件报告的数值；地图上没有对应内容。' } }
        : { status: 'not measurable from map data', note: { en: 'The map has no counterpart for this figure.', zh: '地图上没有与此数值对应的内容。' } };
    } else if (result.kind === 'unmeasurable') {
      outcome = { status: 'not measurable from map data', note: { en: `${measure.note.en} ${result.reason.en}`, zh: `${measure.note.zh}${result.reason.zh}` } };
    } else {
      outcome = judge(target, measure, result);
    }
    return {
      id: target.id,
      documentId: seed.id,
      file: seed.file,
      theme: target.theme,
      scope: target.scope,
      indicator: target.indicator,
      unit: target.unit,
      baseline: target.baseline ?? null,
      target: target.target ?? null,
      comparator: target.comparator,
      binding: target.binding,
      measured: result?.kind === 'value' ? { value: result.value, unit: result.unit, note: result.note.en, noteZh: result.note.zh } : null,
      reference: referenceInUnit(target, result?.kind === 'value' ? result.unit : undefined),
      status: outcome.status,
      note: outcome.note.en,
      noteZh: outcome.note.zh,
      featureIds: result?.featureIds ?? [],
      citation: target.citation,
      conflictsWith: [...(conflicts.get(target.id) ?? [])].sort(),
      dataVersion: manifestVersion,
    };
  }));
  return z.array(ledgerRowSchema).parse(rows);
}
