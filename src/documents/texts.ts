import { documentInfo, documentTables } from './catalogue.ts';
import { readDocumentText, type DocumentText } from './document-text.ts';

/** The texts of seeds/, fetched as separate files the first time the reader or a sentence needs one. */
const sources = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default' });
const loaded = new Map<string, Promise<DocumentText>>();

export function loadDocumentText(id: string): Promise<DocumentText> {
  let text = loaded.get(id);
  if (!text) {
    const source = sources[`../../seeds/${id}.txt`];
    if (!source || !documentInfo(id)) return Promise.reject(new Error(`no document "${id}" in seeds/`));
    text = source().then((raw) => readDocumentText(raw, documentTables(id)));
    loaded.set(id, text);
  }
  return text;
}
