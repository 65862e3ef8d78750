import type { Citation } from '../schema/citation.ts';
import type { DocumentText } from './document-text.ts';
import { passageOf } from './passage.ts';

/** Something of the atlas that cites the documents: a zone (a map feature), a ledger target or a screening rule. */
export interface CitingEntry {
  kind: 'zone' | 'target' | 'rule';
  id: string;
  /** The feature's layer, for a zone. */
  layer?: string;
  name: { zh: string; en: string };
  citation: Citation;
}

/** The seeds' targets and rules as citing entries. */
export function seedEntries(
  seeds: readonly {
    targets: readonly { id: string; indicator: { zh: string; en: string }; citation: Citation }[];
    rules: readonly { id: string; summary: { zh: string; en: string }; citation: Citation }[];
  }[],
): CitingEntry[] {
  return seeds.flatMap((seed) => [
    ...seed.targets.map((target) => ({ kind: 'target' as const, id: target.id, name: target.indicator, citation: target.citation })),
    ...seed.rules.map((rule) => ({ kind: 'rule' as const, id: rule.id, name: rule.summary, citation: rule.citation })),
  ]);
}

/** The features of the map's layers as citing entries (their `citations` property, an array or its JSON text). */
export function featureEntries(
  layers: ReadonlyMap<string, { features: readonly { properties: Record<string, unknown> | null }[] }>,
): CitingEntry[] {
  return [...layers].flatMap(([layer, collection]) =>
    collection.features.flatMap(({ properties }) => {
      const raw = properties?.['citations'];
      const citations = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as Citation[];
      const name = { zh: String(properties?.['name_zh'] ?? properties?.['id']), en: String(properties?.['name_en'] ?? properties?.['id']) };
      return citations.map((citation) => ({ kind: 'zone' as const, id: String(properties?.['id']), layer, name, citation }));
    }),
  );
}

/**
 * What cites each sentence of one document: the entries whose cited sentence starts at a sentence start, keyed by
 * that offset. An entry citing the same sentence twice (a zone with two quotes from it) is listed once.
 */
export function citedBy(document: DocumentText, documentId: string, entries: readonly CitingEntry[]): Map<number, CitingEntry[]> {
  const bySentence = new Map<number, CitingEntry[]>();
  for (const entry of entries) {
    if (entry.citation.doc !== documentId) continue;
    const passage = passageOf(document, entry.citation);
    if (!passage) continue;
    const list = bySentence.get(passage.start) ?? [];
    if (!list.some((other) => other.kind === entry.kind && other.id === entry.id)) list.push(entry);
    bySentence.set(passage.start, list);
  }
  return bySentence;
}

/** "3 zones, 2 targets, 1 rule" / "3 个区域、2 项目标、1 条规定". */
export function citedBySummary(entries: readonly CitingEntry[], lang: 'zh' | 'en'): string {
  const count = (kind: CitingEntry['kind']) => entries.filter((entry) => entry.kind === kind).length;
  const parts: [number, string, string, string][] = [
    [count('zone'), '个区域', 'zone', 'zones'],
    [count('target'), '项目标', 'target', 'targets'],
    [count('rule'), '条规定', 'rule', 'rules'],
  ];
  const present = parts.filter(([n]) => n > 0);
  return lang === 'zh'
    ? present.map(([n, unit]) => `${n} ${unit}`).join('、')
    : present.map(([n, , one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
}
