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

  test('within a frame, only the categories with a feature in it: 棋盘井 lists its zones, not the deserts of the east', () => {
    const everything = Object.fromEntries(layerDefinitions.map((layer) => [layer.id, { ...state.layers[layer.id]!, visible: true }]));
    const shown = { ...state, layers: everything };
    const entries = (groups: ReturnType<typeof legendGroups>) => groups.flatMap((group) => group.entries.map((entry) => entry.label));
    const whole = entries(legendGroups(layerDefinitions, shown, [], collections));
    const qipanjing = entries(legendGroups(layerDefinitions, shown, [], collections, [106.7, 39.2, 107.4, 39.8]));
    expect(qipanjing.length).toBeGreaterThan(3);
    expect(qipanjing.length).toBeLessThan(whole.length);
    expect(qipanjing.every((label) => whole.includes(label))).toBe(true);
    expect(qipanjing).toContain('产能严控区');
    // The frame's own corner of the sea: nothing of the region, no entry.
    expect(legendGroups(layerDefinitions, shown, [], collections, [150, -40, 151, -39])).toEqual([]);
  });
});
