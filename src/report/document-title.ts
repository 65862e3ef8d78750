import type { Bilingual } from '../schema/bilingual.ts';
import type { Citation } from '../schema/citation.ts';
import type { Seed } from '../schema/seed.ts';

/** Each document's title by its id, as the seeds give it (seeds/<id>.json, `document.title`). */
export type DocumentTitles = ReadonlyMap<string, Bilingual>;

export const documentTitles = (seeds: readonly Pick<Seed, 'id' | 'document'>[]): DocumentTitles =>
  new Map(seeds.map((seed) => [seed.id, seed.document.title]));

/** A cited document by its title, never by its file name; its id where the caller loaded no title for it. */
export function documentTitle(cite: Citation, titles: DocumentTitles): Bilingual {
  return titles.get(cite.doc) ?? { zh: cite.doc, en: cite.doc };
}
