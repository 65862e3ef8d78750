import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Citation } from '../../src/schema/citation.ts';

// The project keeps no copy of the documents: CI has ../shared beside the checkout.
const seedsDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const root = join(import.meta.dirname, '..', '..');

const documentLines = new Map<string, string[]>();
function line(file: string, number: number): string | undefined {
  if (!documentLines.has(file)) {
    const path = join(seedsDir, file);
    documentLines.set(file, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
  }
  return documentLines.get(file)![number - 1];
}

/** Every object with file/line/quote anywhere in a JSON value, with a path naming where it sits. */
function citationsIn(value: unknown, path: string): { path: string; citation: Citation }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => citationsIn(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['file'] === 'string' && typeof record['line'] === 'number' && typeof record['quote'] === 'string') {
      return [{ path, citation: record as unknown as Citation }];
    }
    const id = typeof record['id'] === 'string' ? record['id'] : undefined;
    return Object.entries(record).flatMap(([key, item]) => citationsIn(item, id ? `${path} ${id}.${key}` : `${path}.${key}`));
  }
  return [];
}

const sources = [
  ...readdirSync(join(root, 'data')).flatMap((id) => ['source.geojson', 'recipe.json']
    .map((name) => join('data', id, name)).filter((file) => existsSync(join(root, file)))),
  ...readdirSync(join(root, 'seeds')).filter((name) => name.endsWith('.json')).map((name) => join('seeds', name)),
];

test('the documents are beside the checkout', () => {
  expect(readdirSync(seedsDir).filter((name) => name.endsWith('.txt'))).toHaveLength(5);
});

describe.each(sources)('%s', (file) => {
  const citations = citationsIn(JSON.parse(readFileSync(join(root, file), 'utf8')), file);
  test('every cited line contains its quote', () => {
    const wrong = citations.filter(({ citation }) => !line(citation.file, citation.line)?.includes(citation.quote))
      .map(({ path, citation }) => `${path}: ${citation.file}:${citation.line} lacks "${citation.quote}"`);
    expect(wrong).toEqual([]);
  });
  test('quotes are at most 40 characters', () => {
    expect(citations.filter(({ citation }) => [...citation.quote].length > 40).map(({ path }) => path)).toEqual([]);
  });
});
