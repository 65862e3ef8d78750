/**
 * The policy ledger: one row per target of every seed, with the plan as written (the document's words, unit,
 * 约束性/预期性, years), what the map can say about it (measures.ts), and a status with a one-line reason. The map
 * alone never meets a target on illustrative data; planners' reported values (ledger-actuals.ts) can.
 */
import { z } from '../schema/zod-mini.ts';
import type { Feature, FeatureCollection } from 'geojson';
import { citationSchema } from '../schema/citation.ts';
import { comparatorSchema, targetSchema, type Seed, type Target } from '../schema/seed.ts';
import { ledgerStatuses, titleCase } from './ledger-words.ts';
import { judgeOnMap, type Outcome } from './ledger-map-judge.ts';
import { measures, type Measure, type Measurement } from './measures.ts';
import { regionStatistics, type RegionStatistics } from './region-stats.ts';
import { convert } from './units.ts';
import { actualSchema } from './actual.ts';

export { ledgerStatuses, type LedgerStatus } from './ledger-words.ts';
export { actualSchema, type Actual } from './actual.ts';
export const ledgerStatusSchema = z.enum(ledgerStatuses);

const figureSchema = targetSchema.shape.target.def.innerType;
const wordsSchema = z.object({ zh: z.string(), en: z.string() });

export const ledgerRowSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  /** The document's title, short title and 文号 (issue number), "unknown" where the seed has none. */
  document: z.object({ title: wordsSchema, shortTitle: wordsSchema, number: z.string() }),
  theme: targetSchema.shape.theme,
  scope: targetSchema.shape.scope,
  /** The place in both languages: from the map's features where one is named so, else the id spelt out. */
  scopeName: wordsSchema,
  indicator: targetSchema.shape.indicator,
  /** The document's unit; baseline and target are as the document gives them. */
  unit: z.string(),
  baseline: z.nullable(figureSchema),
  target: z.nullable(figureSchema),
  comparator: comparatorSchema,
  binding: targetSchema.shape.binding,
  /** A target without a figure ("完成自治区考核目标") or with only a class (百万千瓦级): its words are the target,
   * met or not only by a planner's record. */
  qualitative: z.boolean(),
  /** The document's words where it writes the figure as a word or a class, and how the figure reads them. */
  written: z.nullable(targetSchema.shape.written.def.innerType),
  /** What the map measures, in the map's unit (MW, km², %) and, where the units are of one kind, the document's. */
  measured: z.nullable(
    z.object({
      value: z.number(),
      unit: z.string(),
      inDocumentUnit: z.nullable(z.number()),
      note: wordsSchema,
      accuracy: z.object({ accuracyClass: z.string(), km: z.number() }),
      /** What the figure could be with its edges as far off as their accuracy (edge-range.ts), in the map's unit and
       * the document's, and how it was found. */
      range: z.object({
        low: z.number(),
        high: z.number(),
        inDocumentUnit: z.nullable(z.object({ low: z.number(), high: z.number() })),
        how: wordsSchema,
      }),
    }),
  ),
  /** The status and reason from the document and the map alone, before any reported value. */
  mapStatus: ledgerStatusSchema,
  mapReason: wordsSchema,
  /** Reported values a planner recorded for this target, oldest first. */
  actuals: z.array(actualSchema),
  status: ledgerStatusSchema,
  /** Why the row has its status, in one line. */
  reason: wordsSchema,
  /** The features behind the measured number, for highlighting. */
  featureIds: z.array(z.string()),
  citation: citationSchema,
  /** The seed's note on how the figure was read from the document. */
  note: z.string(),
  /** Targets that give a different figure for the same thing: the seed's own list, and any target of another
   * document with the same indicator, scope, unit and year but another value. */
  conflictsWith: z.array(z.string()),
  /** Version of public/data the row was measured on (manifest.json). */
  dataVersion: z.string(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

/** Cross-document disagreements: same indicator (ignoring spacing), scope, unit and year, different values. */
function disagreements(seeds: readonly Seed[]): Map<string, Set<string>> {
  const byKey = new Map<string, { id: string; documentId: string; value: number }[]>();
  for (const seed of seeds) {
    for (const target of seed.targets) {
      for (const [kind, figure] of [
        ['target', target.target],
        ['baseline', target.baseline],
      ] as const) {
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

/** English place names from the map's features (admin regions, deserts, basins...) by id. */
function placeNames(collections: ReadonlyMap<string, FeatureCollection>): Map<string, string> {
  const names = new Map<string, string>();
  for (const collection of collections.values()) {
    for (const feature of collection.features as Feature[]) {
      const id = feature.properties?.['id'];
      const name = feature.properties?.['name_en'];
      if (typeof id === 'string' && typeof name === 'string' && !names.has(id)) names.set(id, name);
    }
  }
  return names;
}

/** Whether the target has no figure to hold a value against: its words are the target. A class such as 百万千瓦级
 * names an order of magnitude, not a figure, so it is held as words too. */
export const isQualitative = (target: Target) =>
  target.comparator === 'complete' ||
  /级/.test(target.written?.zh ?? '') ||
  (target.comparator !== 'reported' &&
    typeof target.target?.value !== 'number' &&
    !(target.comparator === 'not-decrease' || target.comparator === 'not-increase'));

/** One row per target of every seed, measured on the given datasets of public/data; no reported values yet. */
export function computeLedger(
  collections: ReadonlyMap<string, FeatureCollection>,
  seeds: readonly Seed[],
  manifestVersion: string,
): LedgerRow[] {
  const statistics = statisticsOrFailure(collections);
  const conflicts = disagreements(seeds);
  const names = placeNames(collections);
  const rows = seeds.flatMap((seed) =>
    seed.targets.map((target): LedgerRow => {
      const measure = measures.get(target.id);
      const result = measure && measureSafely(measure, statistics);
      let outcome: Outcome;
      if (!measure || !result || (isQualitative(target) && result.kind === 'value')) {
        outcome = unmeasured(target);
      } else if (result.kind === 'unmeasurable') {
        outcome = {
          status: 'not measurable from map data',
          reason: { en: `${measure.note.en} ${result.reason.en}`, zh: `${measure.note.zh}${result.reason.zh}` },
        };
      } else {
        outcome = judgeOnMap(target, measure, result);
      }
      const measured = result?.kind === 'value' ? measuredFigure(result, target.unit) : null;
      return {
        id: target.id,
        documentId: seed.id,
        document: { title: seed.document.title, shortTitle: seed.document.shortTitle, number: seed.document.number },
        theme: target.theme,
        scope: target.scope,
        scopeName: { zh: target.scope.zh, en: names.get(target.scope.id) ?? titleCase(target.scope.id) },
        indicator: target.indicator,
        unit: target.unit,
        baseline: target.baseline ?? null,
        target: target.target ?? null,
        comparator: target.comparator,
        binding: target.binding,
        qualitative: isQualitative(target),
        written: target.written ?? null,
        measured,
        mapStatus: outcome.status,
        mapReason: outcome.reason,
        actuals: [],
        status: outcome.status,
        reason: outcome.reason,
        featureIds: result?.featureIds ?? [],
        citation: target.citation,
        note: target.note ?? '',
        conflictsWith: [...(conflicts.get(target.id) ?? [])].sort(),
        dataVersion: manifestVersion,
      };
    }),
  );
  return z.array(ledgerRowSchema).parse(rows);
}

/** The map's figure and its range, each in the map's unit and, where the units are of one kind, the document's. */
function measuredFigure(result: Extract<Measurement, { kind: 'value' }>, unit: string): NonNullable<LedgerRow['measured']> {
  const { low, high, how } = result.range;
  const [lowIn, highIn] = [convert(low, result.unit, unit), convert(high, result.unit, unit)];
  return {
    value: result.value,
    unit: result.unit,
    inDocumentUnit: convert(result.value, result.unit, unit),
    note: result.note,
    accuracy: result.accuracy,
    range: { low, high, inDocumentUnit: lowIn === null || highIn === null ? null : { low: lowIn, high: highIn }, how },
  };
}

function statisticsOrFailure(collections: ReadonlyMap<string, FeatureCollection>): RegionStatistics | Error {
  try {
    return regionStatistics(collections);
  } catch (error) {
    return error as Error;
  }
}

/** A measure whose data did not load says so on its row; the rest of the ledger stands. */
function measureSafely(measure: Measure, statistics: RegionStatistics | Error): Measurement {
  try {
    if (statistics instanceof Error) throw statistics;
    return measure.measure(statistics);
  } catch (error) {
    const why = (error as Error).message;
    return {
      kind: 'unmeasurable',
      featureIds: [],
      reason: { en: `The map data it needs did not load (${why}).`, zh: `所需地图数据未能加载（${why}）。` },
    };
  }
}

/** A row the map has no counterpart for: a figure the document reports, a qualitative target, or a figure
 * waiting for a reported value. Never a shortfall: nothing was compared. */
function unmeasured(target: Target): Outcome {
  if (target.comparator === 'reported') {
    return {
      status: 'reported',
      reason: { en: 'A figure the document reports; nothing to compare it with.', zh: '文件报告的数值，无可比对象。' },
    };
  }
  if (isQualitative(target)) {
    return {
      status: 'not measurable from map data',
      reason: {
        en: 'A target in words, with no figure; record whether it was achieved, with its source.',
        zh: '文字表述的目标，没有数值；请记录是否完成及来源。',
      },
    };
  }
  return {
    status: 'not measurable from map data',
    reason: {
      en: 'The map has no counterpart for this figure; record a reported value to judge it.',
      zh: '地图上没有与此数值对应的内容；录入实际报告值后可判定。',
    },
  };
}
