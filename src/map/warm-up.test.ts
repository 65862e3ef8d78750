// The warm-up compiles the start's shader programs only if every style layer draws one of its features: a layer
// whose filter or geometry type none of them meets would compile its program in a data frame again, a long task.
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import { initialState } from '../app/initial-state.ts';
import { regionBounds } from '../state/state.ts';
import { buildStyle } from './style.ts';
import { withWarmUp } from './warm-up.ts';

/** The geometry types (MapLibre's feature types: 1 point, 2 line, 3 polygon) each kind of layer draws. */
const drawn: Record<string, number[]> = { fill: [3], line: [2, 3], circle: [1, 2, 3], symbol: [1, 2, 3] };
const featureType = { Point: 1, LineString: 2, Polygon: 3 } as const;

describe('the warm-up features', () => {
  const state = initialState(['zh-CN']);
  const style = buildStyle(layerDefinitions, state.layers, state.lang);
  const warmed = withWarmUp(style, regionBounds);

  test('fill every GeoJSON source', () => {
    for (const source of Object.values(warmed.sources)) {
      expect(((source as GeoJSONSourceSpecification).data as FeatureCollection).features.length).toBeGreaterThan(0);
    }
  });

  test('give every style layer of a source a feature it draws', () => {
    for (const [index, layer] of warmed.layers.entries()) {
      if (!('source' in layer)) continue;
      const { features } = (warmed.sources[layer.source] as GeoJSONSourceSpecification).data as FeatureCollection;
      const filter = featureFilter(
        ('filter' in layer ? layer.filter : undefined) as FilterSpecification | undefined,
        `layers[${index}].filter`,
      );
      const zoom = layer.minzoom ?? 4;
      const hits = features.filter((feature) => {
        const type = featureType[feature.geometry.type as keyof typeof featureType];
        return drawn[layer.type]!.includes(type) && filter.filter({ zoom }, { type, properties: feature.properties ?? {} });
      });
      expect(hits.length, layer.id).toBeGreaterThan(0);
    }
  });

  test('leave the style as it was', () => {
    expect(warmed.layers).toEqual(style.layers);
    expect(Object.keys(warmed.sources)).toEqual(Object.keys(style.sources));
  });
});
