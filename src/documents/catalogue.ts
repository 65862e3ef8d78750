import { seedSchema } from '../schema/seed.ts';

/**
 * The documents the atlas carries, from the metadata of every seeds/<id>.json (Vite keeps only their `document`
 * field in the bundle): adding a document is adding its two files to seeds/, no code.
 */
const documentSchema = seedSchema.shape.document;
export type DocumentInfo = ReturnType<typeof documentSchema.parse> & { id: string };

const metadata = import.meta.glob<unknown>('../../seeds/*.json', { eager: true, import: 'document' });
const tables = import.meta.glob<unknown>('../../seeds/*.json', { eager: true, import: 'tables' });
const idOf = (path: string) => path.replace(/^.*\/|\.json$/g, '');

export const documentCatalogue: readonly DocumentInfo[] = Object.entries(metadata)
  .map(([path, document]) => ({ id: idOf(path), ...documentSchema.parse(document) }))
  .sort((a, b) => a.id.localeCompare(b.id));

export const documentInfo = (id: string): DocumentInfo | undefined => documentCatalogue.find((document) => document.id === id);

/** How a citation names its document wherever the atlas shows, prints or exports one: the short title and the 文号,
 * never a file name. An id no seed carries is shown as it is, so a bad citation stays visible. */
export function documentLabel(id: string, lang: 'zh' | 'en'): string {
  const document = documentInfo(id);
  if (!document) return id;
  const number = document.number === 'unknown' ? '' : lang === 'zh' ? `（${document.number}）` : ` (${document.number})`;
  return `${document.shortTitle[lang]}${number}`;
}

const tableSchema = seedSchema.shape.tables;
/** The indicator tables of a document (their rows are sentences of their own). */
export const documentTables = (id: string) => tableSchema.parse(tables[`../../seeds/${id}.json`] ?? []);
