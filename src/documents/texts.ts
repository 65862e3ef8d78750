import { catalogueLoaded, documentInfo, documentTables } from './catalogue.ts';
import { readDocumentText, type DocumentText } from './document-text.ts';

/** The texts of seeds/, fetched as separate files the first time the reader or a sentence needs one. */
const sources = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default' });
const loaded = new Map<string, Promise<DocumentText>>();

export function loadDocumentText(id: string): Promise<DocumentText> {
  let text = loaded.get(id);
  if (!text) {
    const source = sources[`../../seeds/${id}.txt`];
    text = catalogueLoaded.then(async () => {
      if (!source || !documentInfo(id)) throw new Error(`no document "${id}" in seeds/`);
      return readDocumentText(await source(), documentTables(id));
    });
    loaded.set(id, text);
  }
  return text;
}
