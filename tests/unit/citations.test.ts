import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DocumentText } from '../../src/documents/document-text.ts';
import { locateQuote, occurrences } from '../../src/documents/passage.ts';
import { readSeedText } from '../../src/data/seed-files.ts';
import { readSeeds } from '../../src/data/node-loader.ts';
import type { Citation } from '../../src/schema/citation.ts';

// The documents are part of the repository (seeds/<id>.txt): a fresh clone checks every citation against them.
const root = join(import.meta.dirname, '..', '..');
const texts = new Map<string, DocumentText>(readSeeds().map((seed) => [seed.id, readSeedText(join(root, 'seeds'), seed)]));

/** Every object with doc/line/quote anywhere in a JSON value, with a path naming where it sits. */
function citationsIn(value: unknown, path: string): { path: string; citation: Citation }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => citationsIn(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['doc'] === 'string' && typeof record['line'] === 'number' && typeof record['quote'] === 'string') {
      return [{ path, citation: record as unknown as Citation }];
    }
    const id = typeof record['id'] === 'string' ? record['id'] : undefined;
    return Object.entries(record).flatMap(([key, item]) => citationsIn(item, id ? `${path} ${id}.${key}` : `${path}.${key}`));
  }
  return [];
}

const sources = [
  ...readdirSync(join(root, 'data')).flatMap((id) =>
    ['source.geojson', 'recipe.json'].map((name) => join('data', id, name)).filter((file) => existsSync(join(root, file))),
  ),
  ...readdirSync(join(root, 'seeds'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => join('seeds', name)),
];

test('every seed has its document text beside it, and nothing else cites a file', () => {
  const names = readdirSync(join(root, 'seeds'));
  expect(names.filter((name) => name.endsWith('.txt')).sort()).toEqual(
    readSeeds()
      .map((seed) => seed.file)
      .sort(),
  );
  const hashNamed = sources.filter((file) => /\d{3}_[0-9a-f]{16}\.txt/.test(readFileSync(join(root, file), 'utf8')));
  expect(hashNamed).toEqual([]);
});

describe.each(sources)('%s', (file) => {
  const citations = citationsIn(JSON.parse(readFileSync(join(root, file), 'utf8')), file);
  test('every citation quotes its document at its lines (line breaks of the extraction ignored)', () => {
    const wrong = citations
      .filter(({ citation }) => {
        const text = texts.get(citation.doc);
        return !text || locateQuote(text, citation) === undefined;
      })
      .map(
        ({ path, citation }) =>
          `${path}: ${citation.doc}:${citation.line}${citation.endLine ? `-${citation.endLine}` : ''} lacks "${citation.quote}"`,
      );
    expect(wrong).toEqual([]);
  });
  test('quotes are phrases of more than six characters', () => {
    expect(
      citations.filter(({ citation }) => [...citation.quote].length <= 6).map(({ path, citation }) => `${path}: "${citation.quote}"`),
    ).toEqual([]);
  });
  test('a quote of a few words is found once in its document', () => {
    const ambiguous = citations.filter(
      ({ citation }) => [...citation.quote].length < 12 && occurrences(texts.get(citation.doc)!, citation.quote) > 1,
    );
    expect(ambiguous.map(({ path, citation }) => `${path}: "${citation.quote}"`)).toEqual([]);
  });
});
