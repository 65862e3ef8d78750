import type { Bilingual } from '../schema/bilingual.ts';
import type { Citation } from '../schema/citation.ts';

/** Each document's title by its id, as the seeds give it (seeds/<id>.json, `document.title`). */
export type DocumentTitles = ReadonlyMap<string, Bilingual>;

/** The titles of documents listed by id: the atlas's document catalogue, or the seeds the CLI read. */
export const documentTitles = (documents: readonly { id: string; title: Bilingual }[]): DocumentTitles =>
  new Map(documents.map((document) => [document.id, document.title]));

/** A cited document by its title, never by its file name; its id where the caller loaded no title for it. */
export function documentTitle(cite: Citation, titles: DocumentTitles): Bilingual {
  return titles.get(cite.doc) ?? { zh: cite.doc, en: cite.doc };
}
