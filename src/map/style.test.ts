// The style the atlas hands MapLibre, checked against the MapLibre style specification itself: a wrong paint
// property, an expression of the wrong type or a filter MapLibre cannot parse fails here, not as a blank map.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import type { LayerState } from '../state/state.ts';
import { buildStyle } from './style.ts';

const states = (change: (id: string) => Partial<LayerState>): Record<string, LayerState> =>
  Object.fromEntries(
    layerDefinitions.map((layer) => [
      layer.id,
      {
        visible: layer.defaultVisible,
        opacity: layer.defaultOpacity,
        hiddenCategories: layer.defaultHiddenCategories ?? [],
        hiddenStatuses: [],
        ...change(layer.id),
      },
    ]),
  );

const errorsOf = (style: StyleSpecification) => validateStyleMin(style).map((error) => error.message);

describe('the built MapLibre style', () => {
  test('is valid as the atlas opens', () => {
    expect(
      errorsOf(
        buildStyle(
          layerDefinitions,
          states(() => ({})),
          'zh',
        ),
      ),
    ).toEqual([]);
  });

  test('is valid with every layer shown, faded, and every category and status filtered out', () => {
    const everything = states((id) => {
      const layer = layerDefinitions.find((candidate) => candidate.id === id)!;
      return {
        visible: true,
        opacity: 0.3,
        hiddenCategories: Object.keys(layer.palette),
        hiddenStatuses: Object.keys(layer.statuses ?? {}),
      };
    });
    expect(errorsOf(buildStyle(layerDefinitions, everything, 'en'))).toEqual([]);
  });

  test('is valid with every layer hidden and fully opaque', () => {
    expect(
      errorsOf(
        buildStyle(
          layerDefinitions,
          states(() => ({ visible: false, opacity: 1 })),
          'zh',
        ),
      ),
    ).toEqual([]);
  });

  test('the validator catches a broken style, so a pass means something', () => {
    const style = buildStyle(
      layerDefinitions,
      states(() => ({})),
      'zh',
    );
    const broken = {
      ...style,
      layers: [...style.layers, { id: 'broken', type: 'fill', source: 'nowhere', paint: { 'fill-opacity': 'half' } }],
    };
    expect(errorsOf(broken as StyleSpecification).length).toBeGreaterThan(0);
  });
});
