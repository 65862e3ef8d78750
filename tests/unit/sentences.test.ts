import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { documentBlocks } from '../../src/documents/blocks.ts';
import type { DocumentText } from '../../src/documents/document-text.ts';
import { headingOf } from '../../src/documents/headings.ts';
import { passageOf } from '../../src/documents/passage.ts';
import { tableRows } from '../../src/documents/table-rows.ts';
import { readSeedText } from '../../src/data/seed-files.ts';
import { readSeeds } from '../../src/data/node-loader.ts';
import type { Citation } from '../../src/schema/citation.ts';

// Every sentence the atlas shows for a citation, checked against the text itself rather than against the rules that
// cut it: it starts after a full stop, at a heading, or at the start of a line that opens a paragraph or a table row,
// and ends at a full stop (closing quotes included) or at the end of a heading, paragraph or row.
const root = join(import.meta.dirname, '..', '..');
const seeds = readSeeds();
const texts = new Map<string, DocumentText>(seeds.map((seed) => [seed.id, readSeedText(join(root, 'seeds'), seed)]));
const stops = /[。；！？;!?][”’）)」』》]*$/;

function citationsIn(value: unknown): Citation[] {
  if (Array.isArray(value)) return value.flatMap(citationsIn);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['doc'] === 'string' && typeof record['quote'] === 'string') return [record as unknown as Citation];
    return Object.values(record).flatMap(citationsIn);
  }
  return [];
}
const sources = [
  ...readdirSync(join(root, 'data')).flatMap((id) => ['source.geojson', 'recipe.json'].map((name) => join(root, 'data', id, name)).filter(existsSync)),
  ...seeds.map((seed) => join(root, 'seeds', `${seed.id}.json`)),
];
const citations = sources.flatMap((file) => citationsIn(JSON.parse(readFileSync(file, 'utf8'))));

/** The lines of the document around an offset: the line holding it and the nearest non-empty lines before and after. */
function linesAround(text: DocumentText, offset: number) {
  const index = text.lineStart.findLastIndex((start, line) => start <= offset && line < text.lines.length && text.lines[line]!.trim() !== '');
  const nonEmpty = (from: number, step: number) => {
    for (let line = from; line >= 0 && line < text.lines.length; line += step) if (text.lines[line]!.trim() !== '') return text.lines[line]!.trim();
    return '';
  };
  return { index, previous: nonEmpty(index - 1, -1), next: nonEmpty(index + 1, 1) };
}
const isHeading = (line: string) => headingOf(line) !== undefined;
/** Whether a text keeps one paragraph a line (a notice copied from a web page) rather than wrapping at the page width. */
const onePerLine = (text: DocumentText) => {
  const lines = text.lines.map((line) => [...line.trim()].length).filter((length) => length > 0);
  return lines.filter((length) => length > 60).length > lines.length / 10;
};
/** A line that ends its paragraph: in a wrapped text it is visibly short; in a text of one paragraph a line, every one is. */
const endsParagraph = (line: string, text: DocumentText) => onePerLine(text) || [...line].length < 20;

describe.each([...texts.keys()])('%s', (doc) => {
  const text = texts.get(doc)!;
  // The rows of the seed's indicator tables, as offsets: a row is a unit of its own.
  const rows = seeds.find((seed) => seed.id === doc)!.tables.flatMap((table) => tableRows(table, text.lines))
    .map((row) => [text.lineStart[row.from - 1]!, text.lineStart[row.to]!] as const);
  const rowStart = (offset: number) => rows.some(([start]) => start === offset);
  const rowEnd = (offset: number) => rows.some(([, end]) => end === offset);
  const noteFollows = (offset: number) => /^注\s*[：:]/.test(text.text.slice(offset));
  const shown = citations.filter((citation) => citation.doc === doc).map((citation) => ({ citation, passage: passageOf(text, citation) }));

  const startsWell = (start: number) => {
    if (start === 0 || stops.test(text.text.slice(0, start)) || rowStart(start)) return true;
    const { previous, index } = linesAround(text, start);
    const line = text.lines[index]!.trim();
    return text.lineStart.includes(start) && (isHeading(line) || isHeading(previous) || /\t/.test(line) || endsParagraph(previous, text));
  };
  const endsWell = (end: number) => {
    if (stops.test(text.text.slice(0, end)) || end === text.text.length || rowEnd(end) || noteFollows(end)) return true;
    const { next, index } = linesAround(text, end - 1);
    const line = text.lines[index]!.trim();
    return text.lineStart.includes(end) && (isHeading(next) || isHeading(line) || /\t/.test(line) || /(约束性|预期性)$/.test(line) || endsParagraph(line, text));
  };

  test('every cited sentence starts after a sentence boundary or a heading', () => {
    const wrong = shown.filter(({ passage }) => !passage || !startsWell(passage.start)).map(({ citation, passage }) => `${citation.line}: ${passage?.sentence.slice(0, 30)}`);
    expect(wrong).toEqual([]);
  });

  test('every cited sentence ends at a sentence boundary, a heading or the end of a paragraph or row', () => {
    const wrong = shown.filter(({ passage }) => !passage || !endsWell(passage.end)).map(({ citation, passage }) => `${citation.line}: …${passage?.sentence.slice(-30)}`);
    expect(wrong).toEqual([]);
  });

  test('the check itself catches a fragment cut at a line break', () => {
    const fragment = doc === 'nm-ecology-14th' ? text.text.indexOf('盘井工业园区、鄂尔多斯市蒙西') : text.text.indexOf('。') + 3;
    expect(startsWell(fragment)).toBe(false);
    expect(endsWell(fragment)).toBe(false);
  });

  test('the reader shows the whole text, sentence after sentence, nothing lost or repeated', () => {
    const blocks = documentBlocks(text);
    expect(blocks.flatMap((block) => block.sentences).map((sentence) => text.text.slice(sentence.start, sentence.end)).join('')).toBe(text.text);
  });
});
