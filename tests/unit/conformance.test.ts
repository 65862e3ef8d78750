import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import { datasetIds } from '../../data/build/build-data.ts';
import { styleLayers } from '../../src/map/style.ts';

const root = join(import.meta.dirname, '..', '..');

describe('layers and datasets agree', () => {
  test('every dataset is registered and every registered layer has a dataset', () => {
    expect(datasetIds()).toEqual(layerDefinitions.map((layer) => layer.id).sort());
  });

  test('layer ids are unique', () => {
    const ids = layerDefinitions.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(layerDefinitions.filter((layer) => layer.theme !== 'base').map((layer) => [layer.id, layer] as const))(
    '%s has the same files as every thematic layer, a schema, a style and a legend',
    (id, layer) => {
      expect(readdirSync(join(root, 'layers', id)).sort()).toEqual(expect.arrayContaining([`${id}.ts`, 'properties.ts']));
      expect(existsSync(join(root, 'data', id, 'provenance.json'))).toBe(true);
      expect(layer.properties).toBeDefined();
      expect(layer.categoryProperty).toBe('category');
      expect(styleLayers(layer, { visible: true, opacity: 1, hiddenCategories: [], hiddenStatuses: [] }).length).toBeGreaterThan(0);
      expect(Object.keys(layer.palette).length).toBeGreaterThan(0);
      for (const category of layer.defaultHiddenCategories ?? []) expect(Object.keys(layer.palette)).toContain(category);
    },
  );

  test.each(layerDefinitions.map((layer) => [layer.id, layer] as const))('%s draws every category from its palette', (_id, layer) => {
    const spec = JSON.stringify(styleLayers(layer, { visible: true, opacity: 1, hiddenCategories: [], hiddenStatuses: [] }));
    for (const swatch of Object.values(layer.palette)) expect(spec).toContain(swatch.color);
  });
});
