import { documentInfo, documentTables } from './catalogue.ts';
import { readDocumentText, type DocumentText } from './document-text.ts';
import { passagesIn, type CitationPlace, type Passage } from './passage.ts';

/** The texts of seeds/, fetched as separate files the first time the reader or a sentence needs one. */
const sources = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default' });
const loaded = new Map<string, Promise<DocumentText>>();

export function loadDocumentText(id: string): Promise<DocumentText> {
  let text = loaded.get(id);
  if (!text) {
    const source = sources[`../../seeds/${id}.txt`];
    text =
      source && documentInfo(id)
        ? Promise.all([source(), documentTables(id)]).then(([words, tables]) => readDocumentText(words, tables))
        : Promise.reject(new Error(`no document "${id}" in seeds/`));
    loaded.set(id, text);
  }
  return text;
}

/** The passages of citations of the given documents once their texts have loaded, for a page that must show whole
 * sentences at once (the print); a text that fails to load leaves its citations without a passage. */
export async function loadPassages(ids: Iterable<string>): Promise<(citation: CitationPlace & { doc: string }) => Passage | undefined> {
  const texts = await Promise.all(
    [...new Set(ids)].map((id) =>
      loadDocumentText(id).then(
        (text) => [[id, text] as const],
        () => [],
      ),
    ),
  );
  return passagesIn(new Map(texts.flat()));
}
