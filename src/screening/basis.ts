import { z } from '../schema/zod-mini.ts';
import type { Bilingual } from '../schema/bilingual.ts';

/**
 * What a zone's outline rests on, from firmest to weakest: open or official data with a measured accuracy, derived
 * from open data, drawn by hand from a document's description, drawn for illustration only, or an area whose extent
 * no document defines (乌海及周边地区). `unstated` is a zone that declares no method (a user's own zones file);
 * `official-user` is a reviewer's own official boundary (src/official), at the accuracy they state for it.
 */
export const bases = ['official-user', 'open-data', 'derived', 'unstated', 'hand-drawn', 'illustrative', 'undefined-extent'] as const;
export const basisSchema = z.enum(bases);
export type Basis = z.infer<typeof basisSchema>;

/** Bases on which no site, however deep inside, is certainly in the zone the document means. */
export const sketchBases: ReadonlySet<Basis> = new Set(['illustrative', 'undefined-extent']);

const methods: Record<string, Basis> = {
  'official-user': 'official-user',
  'open-data': 'open-data',
  derived: 'derived',
  'hand-drawn': 'hand-drawn',
  illustrative: 'illustrative',
  // A point placed from a description is as good as a hand-drawn outline.
  'approximate-point': 'hand-drawn',
};

/** The basis of a feature from its `method` and `extent_undefined` properties. */
export function basisOf(method: unknown, extentUndefined: unknown): Basis {
  if (extentUndefined === true) return 'undefined-extent';
  return typeof method === 'string' ? (methods[method] ?? 'unstated') : 'unstated';
}

export const basisText: Record<Basis, Bilingual> = {
  'official-user': { zh: '官方数据（用户提供）', en: 'official (user-supplied)' },
  'open-data': { zh: '开放数据', en: 'open data' },
  derived: { zh: '由开放数据推算', en: 'derived from open data' },
  unstated: { zh: '未说明来源', en: 'of unstated origin' },
  'hand-drawn': { zh: '依文件描述手绘', en: 'drawn by hand from the document’s description' },
  illustrative: { zh: '示意图形', en: 'illustrative only' },
  'undefined-extent': { zh: '范围无文件界定', en: 'of an extent no document defines' },
};
