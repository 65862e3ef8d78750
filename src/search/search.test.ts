import { expect, test } from 'vitest';
import { indexEntries, search } from './search.ts';

const collection = {
  type: 'FeatureCollection' as const,
  features: [
    ['kubuqi-desert', '库布其沙漠', 'Kubuqi Desert'],
    ['kubuqi-wind-solar-base', '库布其大型风电光伏基地', 'Kubuqi large wind-PV base'],
    ['mu-us-sandy-land', '毛乌素沙地', 'Mu Us Sandy Land'],
  ].map(([id, zh, en], index) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [108 + index, 40] },
    properties: { id, name_zh: zh, name_en: en },
  })),
};
const entries = indexEntries('test', collection);

test('finds partial Chinese and English names, prefix matches first', () => {
  expect(search(entries, '库布其').map((e) => e.id)).toEqual(['kubuqi-desert', 'kubuqi-wind-solar-base']);
  expect(search(entries, 'wind').map((e) => e.id)).toEqual(['kubuqi-wind-solar-base']);
  expect(search(entries, 'muus').map((e) => e.id)).toEqual(['mu-us-sandy-land']);
  expect(search(entries, 'MU-US')[0]?.bbox).toEqual([110, 40, 110, 40]);
});

test('an empty or unmatched query finds nothing', () => {
  expect(search(entries, '  ')).toEqual([]);
  expect(search(entries, '呼伦湖')).toEqual([]);
});

test("a name is found by its other spellings (pinyin, split forms) but shown in the region's form", () => {
  const towns = indexEntries('towns', {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [107.4, 40.7] },
        properties: { id: 'bayannur', name_zh: '巴彦淖尔', name_en: 'Bayannur' },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [122.9, 46.7] },
        properties: { id: 'jalaid', name_zh: '扎赉特旗', name_en: 'Jalaid Banner' },
      },
    ],
  });
  expect(search(towns, 'Bayan Nur').map((entry) => entry.en)).toEqual(['Bayannur']);
  expect(search(towns, 'zhalaite').map((entry) => entry.en)).toEqual(['Jalaid Banner']);
  expect(search(towns, 'Zalaite Banner').map((entry) => entry.id)).toEqual(['jalaid']);
});
