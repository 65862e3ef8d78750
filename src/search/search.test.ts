import { expect, test } from 'vitest';
import { indexEntries, search } from './search.ts';

const collection = {
  type: 'FeatureCollection' as const,
  features: [
    ['kubuqi-desert', '库布其沙漠', 'Kubuqi Desert'],
    ['kubuqi-wind-solar-base', '库布其大型风电光伏基地', 'Kubuqi large wind-PV base'],
    ['mu-us-sandy-land', '毛乌素沙地', 'Mu Us Sandy Land'],
  ].map(([id, zh, en], index) => ({
    type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [108 + index, 40] },
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
