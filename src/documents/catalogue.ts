import { seedSchema } from '../schema/seed.ts';

/**
 * The documents the atlas carries, from the metadata of every seeds/<id>.json: adding a document is adding its two
 * files to seeds/, no code. Only each seed's `document` entry is bundled here: the query makes each seed a module of
 * its own (`lang.json` keeps it read as JSON), of which the build keeps the one entry imported. The about panel lists
 * the titles on a first visit; the whole seeds (targets, rules, about 290 kB) load with the ledger, the screening and
 * the reader, and a document's tables with its text.
 */
const documentSchema = seedSchema.shape.document;
const tableSchema = seedSchema.shape.tables;
export type DocumentInfo = ReturnType<typeof documentSchema.parse> & { id: string };

const metadata = import.meta.glob<unknown>('../../seeds/*.json', { query: '?document&lang.json', import: 'document', eager: true });
const tableLists = import.meta.glob<unknown>('../../seeds/*.json', { query: '?tables&lang.json', import: 'tables' });
const idOf = (path: string) => path.replace(/^.*\/|\.json(\?.*)?$/g, '');

const documents: readonly DocumentInfo[] = Object.entries(metadata)
  .map(([path, document]) => ({ id: idOf(path), ...documentSchema.parse(document) }))
  .sort((a, b) => a.id.localeCompare(b.id));

/** The documents, in order of id. */
export const documentCatalogue = (): readonly DocumentInfo[] => documents;

export const documentInfo = (id: string): DocumentInfo | undefined => documents.find((document) => document.id === id);

/** How a citation names its document wherever the atlas shows, prints or exports one: the short title and the 文号,
 * never a file name. An id no seed carries is shown as it is. */
export function documentLabel(id: string, lang: 'zh' | 'en'): string {
  const document = documentInfo(id);
  if (!document) return id;
  const number = document.number === 'unknown' ? '' : lang === 'zh' ? `（${document.number}）` : ` (${document.number})`;
  return `${document.shortTitle[lang]}${number}`;
}

/** The indicator tables of a document (their rows are sentences of their own), loaded with its text. */
export async function documentTables(id: string): Promise<ReturnType<typeof tableSchema.parse>> {
  const path = Object.keys(tableLists).find((key) => idOf(key) === id);
  return path ? tableSchema.parse(await tableLists[path]!()) : [];
}
