import { seedSchema } from '../schema/seed.ts';

/**
 * The documents the atlas carries, from the metadata of every seeds/<id>.json: adding a document is adding its two
 * files to seeds/, no code. The seeds are loaded apart from the start of the page (they are large), so the catalogue
 * starts loading at once and answers with what it has: `catalogueLoaded` resolves when it has everything.
 */
const documentSchema = seedSchema.shape.document;
const tableSchema = seedSchema.shape.tables;
export type DocumentInfo = ReturnType<typeof documentSchema.parse> & { id: string };

const metadata = import.meta.glob<unknown>('../../seeds/*.json', { import: 'document' });
const tableLists = import.meta.glob<unknown>('../../seeds/*.json', { import: 'tables' });
const idOf = (path: string) => path.replace(/^.*\/|\.json$/g, '');

let documents: readonly DocumentInfo[] = [];
const tables = new Map<string, ReturnType<typeof tableSchema.parse>>();

export const catalogueLoaded: Promise<readonly DocumentInfo[]> = Promise.all(
  Object.entries(metadata).map(async ([path, load]) => {
    const id = idOf(path);
    tables.set(id, tableSchema.parse(await tableLists[path]!()));
    return { id, ...documentSchema.parse(await load()) };
  }),
).then((loaded) => {
  documents = loaded.sort((a, b) => a.id.localeCompare(b.id));
  return documents;
});

/** The documents loaded so far, in order of id. */
export const documentCatalogue = (): readonly DocumentInfo[] => documents;

export const documentInfo = (id: string): DocumentInfo | undefined => documents.find((document) => document.id === id);

/** How a citation names its document wherever the atlas shows, prints or exports one: the short title and the 文号,
 * never a file name. An id no seed carries (or one asked for before the catalogue has loaded) is shown as it is. */
export function documentLabel(id: string, lang: 'zh' | 'en'): string {
  const document = documentInfo(id);
  if (!document) return id;
  const number = document.number === 'unknown' ? '' : lang === 'zh' ? `（${document.number}）` : ` (${document.number})`;
  return `${document.shortTitle[lang]}${number}`;
}

/** The indicator tables of a document (their rows are sentences of their own). */
export const documentTables = (id: string) => tables.get(id) ?? [];
