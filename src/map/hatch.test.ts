import { describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import { hatchImageId, hatchImageIds, hatchPixels, parseHatchImageId } from './hatch.ts';
import { buildStyle, patternExpression, styleLayers } from './style.ts';

describe('hatching of unsurveyed zones', () => {
  test('a tile has stripes in the colour over a faint tint of it, in its direction', () => {
    const tile = hatchPixels('#c62828', 'horizontal', 1);
    expect(tile.width).toBe(8);
    const alpha = (x: number, y: number) => tile.data[(y * 8 + x) * 4 + 3];
    expect([alpha(0, 0), alpha(5, 0), alpha(0, 5)]).toEqual([255, 255, 46]);
    expect([...tile.data.slice(0, 3)]).toEqual([0xc6, 0x28, 0x28]);
    expect(hatchPixels('#c62828', 'rising', 2).width).toBe(16);
  });

  test('image ids name colour and direction and nothing else', () => {
    expect(parseHatchImageId(hatchImageId('#a1b2c3', 'falling'))).toEqual({ color: '#a1b2c3', direction: 'falling' });
    expect(parseHatchImageId('marker-15')).toBeUndefined();
  });

  test('every thematic fill layer draws unsurveyed polygons hatched and measured ones solid', () => {
    const fills = layerDefinitions.filter((layer) => layer.properties && layer.renderer === 'fill');
    expect(fills.length).toBeGreaterThan(5);
    for (const layer of fills) {
      const state = { visible: true, opacity: 0.5, hiddenCategories: [], hiddenStatuses: [] };
      const specs = styleLayers(layer, state);
      const hatch = specs.find((spec) => spec.id === `${layer.id}:hatch`);
      expect(JSON.stringify(hatch && 'filter' in hatch ? hatch.filter : null)).toContain('hand-drawn');
      expect(JSON.stringify(specs.find((spec) => spec.id === `${layer.id}:fill`))).toContain('"!"');
      const images = JSON.stringify(patternExpression(layer)).match(/hatch:[a-z]+:#[0-9a-f]{6}/g) ?? [];
      for (const swatch of Object.values(layer.palette)) expect(images).toContain(hatchImageId(swatch.color, layer.hatch ?? 'rising'));
    }
  });

  test('the images added up front are every one the style names, so no tile is cut before its hatch exists', () => {
    const shown = { visible: true, opacity: 0.5, hiddenCategories: [], hiddenStatuses: [] };
    const style = buildStyle(layerDefinitions, Object.fromEntries(layerDefinitions.map((layer) => [layer.id, shown])), 'zh');
    const named = new Set(JSON.stringify(style.layers).match(/hatch:[a-z]+:#[0-9a-f]{6}/g));
    expect(named.size).toBeGreaterThan(10);
    expect(new Set(hatchImageIds(style))).toEqual(named);
  });
});
