// The legend lists what the map draws: only layers that loaded, and each category solid, hatched, or both.
import { describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import { initialState } from '../app/initial-state.ts';
import { readCollections } from '../data/node-loader.ts';
import { legendGroups } from './legend-entries.ts';

const collections = await readCollections();
const state = initialState(['zh-CN']);

describe('legend groups', () => {
  test('a visible layer whose data did not load is left out', () => {
    const all = legendGroups(layerDefinitions, state, [], collections).map((group) => group.layerId);
    expect(all).toContain('restricted-zones');
    const missing = new Map([...collections].filter(([id]) => id !== 'restricted-zones'));
    expect(legendGroups(layerDefinitions, state, [], missing).map((group) => group.layerId)).toEqual(
      all.filter((id) => id !== 'restricted-zones'),
    );
  });

  test('hand-drawn categories are hatched in the layer direction; a category drawn both ways has both swatches', () => {
    const groups = legendGroups(layerDefinitions, state, [], collections);
    const deserts = groups.find((group) => group.layerId === 'deserts')!;
    expect(deserts.entries.every((entry) => entry.hatch === 'rising')).toBe(true);
    const lakes = groups.find((group) => group.layerId === 'wetlands')!.entries.filter((entry) => entry.label.startsWith('湖泊'));
    expect(lakes.map((entry) => entry.hatch)).toEqual([undefined, 'horizontal']);
    expect(lakes[1]!.label).toContain('示意范围');
  });
});
