import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { spellingAliases } from './spellings.ts';

export interface SearchEntry {
  layer: string;
  id: string;
  zh: string;
  en: string;
  /** Other spellings of the English name (pinyin, older forms): found, never shown. */
  aliases: string[];
  bbox: [number, number, number, number];
}

/** Lower case, no spaces, hyphens or apostrophes: "Mu Us" finds "mu-us" and "MuUs". */
const normalise = (text: string) => text.toLowerCase().replace(/[\s\-'’·()（）]/g, '');

export function indexEntries(layer: string, collection: FeatureCollection): SearchEntry[] {
  return collection.features.flatMap((feature) => {
    const id = feature.properties?.['id'];
    if (typeof id !== 'string') return [];
    return [
      {
        layer,
        id,
        zh: String(feature.properties?.['name_zh'] ?? ''),
        en: String(feature.properties?.['name_en'] ?? ''),
        aliases: spellingAliases(String(feature.properties?.['name_en'] ?? '')),
        bbox: bbox(feature) as [number, number, number, number],
      },
    ];
  });
}

/** Partial matches on either name; names that start with the query come first, then shorter names. */
export function search(entries: SearchEntry[], query: string, limit = 20): SearchEntry[] {
  const wanted = normalise(query);
  if (!wanted) return [];
  return entries
    .map((entry) => ({ entry, zh: normalise(entry.zh), en: normalise(entry.en), aliases: entry.aliases.map(normalise) }))
    .filter(({ zh, en, aliases }) => zh.includes(wanted) || en.includes(wanted) || aliases.some((alias) => alias.includes(wanted)))
    .sort((a, b) => rank(a, wanted) - rank(b, wanted) || a.entry.zh.length - b.entry.zh.length)
    .slice(0, limit)
    .map(({ entry }) => entry);
}

const rank = (candidate: { zh: string; en: string }, wanted: string) =>
  candidate.zh.startsWith(wanted) || candidate.en.startsWith(wanted) ? 0 : 1;
