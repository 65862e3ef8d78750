import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { citedSentence } from '../../src/app/cited-sentence.ts';
import { verdictCard } from '../../src/app/verdict-card.ts';
import { documentBlocks } from '../../src/documents/blocks.ts';
import type { DocumentText } from '../../src/documents/document-text.ts';
import { headingOf } from '../../src/documents/headings.ts';
import { passageOf } from '../../src/documents/passage.ts';
import { tableRows } from '../../src/documents/table-rows.ts';
import { readSeedText } from '../../src/data/seed-files.ts';
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { loadPassages } from '../../src/documents/texts.ts';
import { projectTypes, type ProjectType } from '../../src/schema/project-type.ts';
import { createScreener } from '../../src/screening/screener.ts';
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
  ...readdirSync(join(root, 'data')).flatMap((id) =>
    ['source.geojson', 'recipe.json'].map((name) => join(root, 'data', id, name)).filter(existsSync),
  ),
  ...seeds.map((seed) => join(root, 'seeds', `${seed.id}.json`)),
];
const citations = sources.flatMap((file) => citationsIn(JSON.parse(readFileSync(file, 'utf8'))));

/** The lines of the document around an offset: the line holding it and the nearest non-empty lines before and after. */
function linesAround(text: DocumentText, offset: number) {
  const index = text.lineStart.findLastIndex(
    (start, line) => start <= offset && line < text.lines.length && text.lines[line]!.trim() !== '',
  );
  const nonEmpty = (from: number, step: number) => {
    for (let line = from; line >= 0 && line < text.lines.length; line += step)
      if (text.lines[line]!.trim() !== '') return text.lines[line]!.trim();
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

/** Whether a displayed sentence of a document starts and ends where the text itself shows a boundary. */
function boundaryChecks(doc: string) {
  const text = texts.get(doc)!;
  // The rows of the seed's indicator tables, as offsets: a row is a unit of its own.
  const rows = seeds
    .find((seed) => seed.id === doc)!
    .tables.flatMap((table) => tableRows(table, text.lines))
    .map((row) => [text.lineStart[row.from - 1]!, text.lineStart[row.to]!] as const);
  const rowStart = (offset: number) => rows.some(([start]) => start === offset);
  const rowEnd = (offset: number) => rows.some(([, end]) => end === offset);
  const noteFollows = (offset: number) => /^注\s*[：:]/.test(text.text.slice(offset));
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
    return (
      text.lineStart.includes(end) &&
      (isHeading(next) || isHeading(line) || /\t/.test(line) || /(约束性|预期性)$/.test(line) || endsParagraph(line, text))
    );
  };
  return { startsWell, endsWell };
}

describe.each([...texts.keys()])('%s', (doc) => {
  const text = texts.get(doc)!;
  const { startsWell, endsWell } = boundaryChecks(doc);
  const shown = citations.filter((citation) => citation.doc === doc).map((citation) => ({ citation, passage: passageOf(text, citation) }));

  test('every cited sentence starts after a sentence boundary or a heading', () => {
    const wrong = shown
      .filter(({ passage }) => !passage || !startsWell(passage.start))
      .map(({ citation, passage }) => `${citation.line}: ${passage?.sentence.slice(0, 30)}`);
    expect(wrong).toEqual([]);
  });

  test('every cited sentence ends at a sentence boundary, a heading or the end of a paragraph or row', () => {
    const wrong = shown
      .filter(({ passage }) => !passage || !endsWell(passage.end))
      .map(({ citation, passage }) => `${citation.line}: …${passage?.sentence.slice(-30)}`);
    expect(wrong).toEqual([]);
  });

  test('the check itself catches a fragment cut at a line break', () => {
    const fragment = doc === 'nm-ecology-14th' ? text.text.indexOf('盘井工业园区、鄂尔多斯市蒙西') : text.text.indexOf('。') + 3;
    expect(startsWell(fragment)).toBe(false);
    expect(endsWell(fragment)).toBe(false);
  });

  test('the reader shows the whole text, sentence after sentence, nothing lost or repeated', () => {
    const blocks = documentBlocks(text);
    expect(
      blocks
        .flatMap((block) => block.sentences)
        .map((sentence) => text.text.slice(sentence.start, sentence.end))
        .join(''),
    ).toBe(text.text);
  });
});

// The verdict card shows each citation through <document-citation> (passageOf on the loaded text, then
// citedSentence); the print loads the texts with loadPassages first, then citedSentence. Both are run here on every
// project type at sites across the region (棋盘井, Kubuqi, the Ordos-Wuhai edge, Jarud, Baotou, the Liao basin, the
// Hinggan wind bases): every row, folded region-wide rule, zone without a rule and untestable rule.
describe('the sentences the verdict card and the print show', () => {
  const sites: [number, number][] = [
    [107.0, 39.36],
    [108.7, 40.2],
    [106.99, 39.57],
    [120.9, 44.83],
    [111.0, 42.5],
    [109.84, 40.65],
    [122.3, 43.6],
    [121.5, 46.3],
    [110.0, 39.6],
    [116.0, 43.9],
    [119.7, 49.2],
    [106.8, 38.4],
  ];
  const cited: { where: string; citation: Citation }[] = [];
  beforeAll(async () => {
    const screener = createScreener({ collections: await readCollections(), seeds, dataVersion: readManifest().version });
    for (const type of Object.keys(projectTypes) as ProjectType[]) {
      for (const coordinates of sites) {
        const card = verdictCard(screener.screen({ type: 'Point', coordinates }, type), 'zh');
        const rows = [...card.groups.flatMap((group) => [...group.rows, ...group.regionWide]), ...card.withoutRule];
        const where = `${type} at ${coordinates.join(' ')}`;
        for (const row of rows) if (row.cite) cited.push({ where: `${where}, ${row.zoneId}`, citation: row.cite });
        for (const entry of card.untestable) cited.push({ where: `${where}, untestable ${entry.text}`, citation: entry.cite });
      }
    }
  }, 120_000);

  test('cover rows with exemptions and untestable rules, in several documents', () => {
    expect(new Set(cited.map(({ citation }) => citation.doc)).size).toBeGreaterThanOrEqual(3);
    expect(cited.some(({ where }) => where.includes('untestable'))).toBe(true);
    expect(cited.some(({ citation }) => citation.quote.includes('不含光伏玻璃'))).toBe(true);
  });

  test('each is a whole sentence of its document: it starts after a boundary or heading and ends at one', async () => {
    const passage = await loadPassages(cited.map(({ citation }) => citation.doc));
    const wrong = cited.flatMap(({ where, citation }) => {
      const found = passage(citation);
      const shown = citedSentence(citation, found, 'zh');
      const sentence = shown.before + shown.quoted + shown.after;
      const { startsWell, endsWell } = boundaryChecks(citation.doc);
      const good =
        found &&
        passageOf(texts.get(citation.doc)!, citation)?.sentence === sentence &&
        texts.get(citation.doc)!.text.slice(found.start, found.end) === sentence &&
        shown.quoted === citation.quote &&
        startsWell(found.start) &&
        endsWell(found.end);
      return good ? [] : [`${where}: ${citation.doc} ${citation.line}: ${sentence}`];
    });
    expect(wrong).toEqual([]);
  });
});
