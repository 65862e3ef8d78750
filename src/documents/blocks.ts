import { lineAt, type DocumentText, type Heading } from './document-text.ts';
import { sentenceEnd } from './passage.ts';

/** One sentence of the text as the reader shows it: its offsets in the joined text and its first line. */
export interface Sentence {
  start: number;
  end: number;
  line: number;
}

/** A heading line or a paragraph (or table row) of the document, cut into sentences. */
export interface Block {
  start: number;
  end: number;
  line: number;
  /** The heading that starts this block, when one does (an inline one opens its paragraph). */
  heading: Heading | undefined;
  sentences: Sentence[];
}

/** The document as blocks of sentences: blocks end at headings, paragraph ends and table rows; sentences at full stops. */
export function documentBlocks(document: DocumentText): Block[] {
  const headingAt = new Map(document.headings.map((heading) => [document.lineStart[heading.line - 1]!, heading]));
  const edges = [...document.breaks].sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (let index = 0; index + 1 < edges.length; index++) {
    const start = edges[index]!;
    const end = edges[index + 1]!;
    if (end <= start) continue;
    const sentences: Sentence[] = [];
    for (let at = start; at < end; ) {
      const stop = Math.min(sentenceEnd(document, at + 1), end);
      sentences.push({ start: at, end: stop, line: lineAt(document, at) });
      at = stop;
    }
    blocks.push({ start, end, line: lineAt(document, start), heading: headingAt.get(start), sentences });
  }
  return blocks;
}
