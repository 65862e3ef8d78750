import { describe, expect, test } from 'vitest';
import { applyPartial, type AtlasState } from '../../src/state/state.ts';

const state: AtlasState = {
  view: { center: [111, 44], zoom: 4, bearing: 0, pitch: 0 },
  lang: 'zh',
  layers: {
    a: { visible: true, opacity: 1, hiddenCategories: [], hiddenStatuses: [] },
    b: { visible: false, opacity: 0.5, hiddenCategories: [], hiddenStatuses: [] },
  },
  selection: null,
  panel: 'layers',
  site: null,
  projectType: null,
};

describe('applyPartial', () => {
  test('merges any part of the state', () => {
    const next = applyPartial(state, { view: { zoom: 6 }, layers: { b: { visible: true } }, lang: 'en' }, ['a', 'b']);
    expect(next.view).toEqual({ center: [111, 44], zoom: 6, bearing: 0, pitch: 0 });
    expect(next.layers['b']).toEqual({ visible: true, opacity: 0.5, hiddenCategories: [], hiddenStatuses: [] });
    expect(next.lang).toBe('en');
    expect(state.view.zoom).toBe(4);
  });

  test.each([
    [{ layers: { c: { visible: true } } }, 'unknown layer id "c"'],
    [{ view: { center: [200, 44] } }, 'view.center.0'],
    [{ site: { type: 'Point', coordinates: [39.5, 109.2, 3] } }, 'site'],
    [{ site: { type: 'Point', coordinates: [200, 40] } }, 'longitude above 180'],
    [{ selection: { layer: 'c', id: 'x' } }, 'unknown layer id'],
    [{ colour: 'red' }, 'colour'],
    ['not an object', 'state'],
  ])('refuses %j naming what is wrong', (partial, fragment) => {
    expect(() => applyPartial(state, partial, ['a', 'b'])).toThrow(fragment);
  });
});
