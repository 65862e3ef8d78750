import type { DocumentText } from './document-text.ts';
import { lineAt } from './document-text.ts';
import { sentenceEnd, sentenceStart } from './passage.ts';

/** One place a search found: the sentence around it and where the words sit in it. */
export interface SearchHit {
  doc: string;
  line: number;
  sentence: string;
  from: number;
  to: number;
}

/**
 * Full-text search across documents, line breaks of the extraction ignored (a word the PDF wrapped is found whole),
 * each hit with its whole sentence. At most `limit` hits.
 */
export function searchDocuments(documents: ReadonlyMap<string, DocumentText>, query: string, limit = 200): SearchHit[] {
  const words = query.trim();
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const [doc, document] of documents) {
    for (let at = document.text.indexOf(words); at >= 0 && hits.length < limit; at = document.text.indexOf(words, at + words.length)) {
      const start = sentenceStart(document, at);
      const end = sentenceEnd(document, at + words.length);
      hits.push({
        doc,
        line: lineAt(document, at),
        sentence: document.text.slice(start, end),
        from: at - start,
        to: at - start + words.length,
      });
    }
  }
  return hits;
}
