import { headingOf, headingRank, type HeadingKind } from './headings.ts';
import { tableRows, type TableLayout } from './table-rows.ts';

/** A heading of the document's outline, at its 1-based line. */
export interface Heading {
  line: number;
  kind: HeadingKind;
  rank: number;
  title: string;
}

/**
 * A document as the atlas reads it: the lines of the text extraction (line numbers are what citations give) and the
 * same text with the extraction's line breaks and edge spaces removed, in which quotes are matched and sentences cut.
 */
export interface DocumentText {
  lines: readonly string[];
  /** The trimmed lines joined without separator: a sentence the PDF wrapped reads whole again. */
  text: string;
  /** Offset in text where each line starts; one more entry than lines, the last being text.length. */
  lineStart: readonly number[];
  /** Offsets in text where a sentence may start or end besides full stops: headings, table rows, paragraph ends. */
  breaks: ReadonlySet<number>;
  headings: readonly Heading[];
}

const width = (line: string) => [...line].reduce((sum, character) => sum + (character.charCodeAt(0) > 0xff ? 2 : 1), 0);

/**
 * Whether the extraction wrapped paragraphs at the page width (plans printed from PDF) rather than keeping one paragraph
 * a line (notices copied from a web page): in a wrapped text most lines are about as wide as the page.
 */
function wrapWidth(lines: readonly string[]): number | undefined {
  const widths = lines
    .map((line) => width(content(line)))
    .filter((value) => value > 0)
    .sort((a, b) => a - b);
  const upper = widths[Math.floor(widths.length * 0.75)] ?? 0;
  return upper > 0 && upper <= 72 ? widths[Math.floor(widths.length / 2)] : undefined;
}

/** A page number the PDF extraction left between two halves of a sentence ("—25—"): not part of the text. */
const pageNumber = /^[—–\-－]\s*\d+\s*[—–\-－]$/;
const content = (line: string) => {
  const trimmed = line.trim();
  return pageNumber.test(trimmed) ? '' : trimmed;
};

export function readDocumentText(source: string, tables: readonly TableLayout[] = []): DocumentText {
  const lines = source.split('\n').map((line) => line.replace(/\r$/, ''));
  const lineStart: number[] = [];
  let text = '';
  for (const line of lines) {
    lineStart.push(text.length);
    text += content(line);
  }
  lineStart.push(text.length);
  const lineEnd = (line: number) => lineStart[line]!;
  const breaks = new Set<number>([0, text.length]);
  const headings: Heading[] = [];
  const page = wrapWidth(lines);
  // Inside a table the rows are the units: a short cell line ends nothing.
  const inTable = (line: number) => tables.some((table) => line >= table.startLine && line <= table.endLine);
  lines.forEach((line, index) => {
    const number = index + 1;
    const heading = headingOf(line);
    // A note under a table or box (注：…) starts a paragraph of its own.
    if (/^注\s*[：:]/.test(content(line))) breaks.add(lineStart[index]!);
    if (heading) {
      headings.push({ line: number, kind: heading.kind, rank: headingRank[heading.kind], title: heading.title });
      breaks.add(lineStart[index]!);
      if (!heading.inline) breaks.add(lineEnd(number));
    }
    // One paragraph a line: every line ends a paragraph. Wrapped: a line well short of the page width ends one.
    const trimmed = content(line);
    if (trimmed && !inTable(number) && (page === undefined || width(trimmed) < page * 0.6)) breaks.add(lineEnd(number));
  });
  for (const table of tables) {
    for (const row of tableRows(table, lines)) {
      breaks.add(lineStart[row.from - 1]!);
      breaks.add(lineEnd(row.to));
    }
  }
  return { lines, text, lineStart, breaks, headings };
}

/** The 1-based line that holds the character at an offset of text (an empty line starts where the next one does, so
 * the last line starting at or before the offset is the one holding text). */
export function lineAt(document: DocumentText, offset: number): number {
  let low = 0;
  let high = document.lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (document.lineStart[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
