import { lineAt, type DocumentText, type Heading } from './document-text.ts';

/** What a citation points at: its document lines and the words it quotes. */
export interface CitationPlace {
  line: number;
  endLine?: number | undefined;
  quote: string;
}

/** The whole sentence that holds a quote, the quote's place in it, and the headings above it. */
export interface Passage {
  /** The sentence, from after the previous 。；！？ (or heading, paragraph or table-row edge) to the next one. */
  sentence: string;
  /** Where the quoted words sit in sentence (UTF-16 offsets, end exclusive). */
  quoteFrom: number;
  quoteTo: number;
  /** Offsets of the sentence in the document's joined text. */
  start: number;
  end: number;
  /** First and last lines of the sentence in the text extraction. */
  line: number;
  endLine: number;
  /** The chapter, section and item headings the sentence sits under, outermost first. */
  place: Heading[];
}

const stops = new Set(['。', '；', '！', '？', ';', '!', '?']);
const closers = new Set(['”', '’', '）', ')', '」', '』', '》']);

/** The offset where the quote starts, matched with line breaks ignored, starting on `line` and ending on `endLine`. */
export function locateQuote(document: DocumentText, place: CitationPlace): number | undefined {
  const { text, lineStart } = document;
  const firstLine = place.line;
  const lastLine = place.endLine ?? place.line;
  if (firstLine < 1 || lastLine < firstLine || lastLine > document.lines.length) return undefined;
  let from = text.indexOf(place.quote, Math.max(0, lineStart[firstLine - 1]! - place.quote.length));
  while (from >= 0 && from < lineStart[firstLine]!) {
    const last = from + place.quote.length - 1;
    if (from >= lineStart[firstLine - 1]! && lineAt(document, last) === lastLine) return from;
    from = text.indexOf(place.quote, from + 1);
  }
  return undefined;
}

/** How many times the words occur in the document, line breaks ignored. */
export function occurrences(document: DocumentText, words: string): number {
  let count = 0;
  for (let at = document.text.indexOf(words); at >= 0; at = document.text.indexOf(words, at + 1)) count++;
  return count;
}

/** The offset where the sentence holding `offset` starts. */
export function sentenceStart(document: DocumentText, offset: number): number {
  for (let at = offset; at > 0; at--) {
    if (document.breaks.has(at)) return at;
    const previous = document.text[at - 1]!;
    if (stops.has(previous)) return at;
    if (closers.has(previous) && stops.has(document.text[at - 2] ?? '')) return at;
  }
  return 0;
}

/** The offset just after the sentence that runs on from `from` ends: its full stop and closing quote marks included,
 * or the heading, paragraph or row edge it meets first. A quote that ends with its full stop ends its sentence. */
export function sentenceEnd(document: DocumentText, from: number): number {
  const { text, breaks } = document;
  let at = from;
  if (!stops.has(text[from - 1] ?? '')) {
    while (at < text.length && !breaks.has(at) && !stops.has(text[at]!)) at++;
    if (at < text.length && !breaks.has(at)) at++;
  }
  while (at < text.length && !breaks.has(at) && closers.has(text[at]!)) at++;
  return at;
}

/** The headings a line sits under, outermost first: each heading closes those of its own rank and below. */
export function placeOf(document: DocumentText, line: number): Heading[] {
  const open: Heading[] = [];
  for (const heading of document.headings) {
    if (heading.line > line) break;
    if (heading.kind === 'box') continue;
    while (open.length > 0 && open[open.length - 1]!.rank >= heading.rank) open.pop();
    open.push(heading);
  }
  return open;
}

/** The passage a citation points at, or undefined when its quote is not at its lines. */
export function passageOf(document: DocumentText, place: CitationPlace): Passage | undefined {
  const at = locateQuote(document, place);
  if (at === undefined) return undefined;
  const quoteEnd = at + place.quote.length;
  const start = sentenceStart(document, at);
  const end = sentenceEnd(document, quoteEnd);
  const line = lineAt(document, start);
  return {
    sentence: document.text.slice(start, end),
    quoteFrom: at - start,
    quoteTo: quoteEnd - start,
    start,
    end,
    line,
    endLine: lineAt(document, Math.max(start, end - 1)),
    place: placeOf(document, line),
  };
}

/** passageOf over several documents' texts by id: a citation of a document not among them has no passage. */
export function passagesIn(texts: ReadonlyMap<string, DocumentText>): (citation: CitationPlace & { doc: string }) => Passage | undefined {
  return (citation) => {
    const text = texts.get(citation.doc);
    return text && passageOf(text, citation);
  };
}
