// One romanisation: the datasets write the region's own English forms, the other spellings are search aliases only;
// every league id a dataset carries has a name in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { leagues } from '../../src/i18n/places.ts';
import { spellingAliases } from '../../src/search/spellings.ts';

const datasets = readdirSync('data', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(`data/${entry.name}`).includes('source.geojson'))
  .map((entry) => ({ id: entry.name, text: readFileSync(`data/${entry.name}/source.geojson`, 'utf8') }));

test('no dataset writes an English name in the other spelling', () => {
  const words = [
    'Bayannur',
    'Jalaid',
    'Hinggan',
    'Otog',
    'Horqin',
    'Jungar',
    'Dalad',
    'Urad',
    'Ulanqab',
    'Xilingol',
    'Alxa',
    'Hulunbuir',
    'Ordos',
    'Hohhot',
  ];
  const others = [...new Set(words.flatMap((word) => spellingAliases(word)))];
  expect(others.length).toBeGreaterThan(10);
  const found = datasets.flatMap(({ id, text }) => {
    const english = [...text.matchAll(/"(?:name|note|area_note|accuracy_note)_en"\s*:\s*"([^"]*)"/g)].map((match) => match[1]!);
    return others.filter((other) => english.some((value) => new RegExp(`\\b${other}\\b`).test(value))).map((other) => `${id}: ${other}`);
  });
  expect(found).toEqual([]);
});

test('every league id in the datasets has a Chinese and an English name', () => {
  const ids = new Set(datasets.flatMap(({ text }) => [...text.matchAll(/"league"\s*:\s*"([^"]+)"/g)].map((match) => match[1]!)));
  expect(ids.size).toBeGreaterThan(5);
  expect([...ids].filter((id) => !leagues[id])).toEqual([]);
});
