// The exported image's legend always fits: it wraps into columns within its area and shrinks its type when the
// columns would be too wide, and shows every entry it is given.
import { describe, expect, test } from 'vitest';
import { layoutLegend, placeLegend } from '../../src/map/export-layout.ts';
import type { LegendGroup } from '../../src/map/legend-entries.ts';

const measure = (text: string, font: number) => text.length * font * 0.6;
const groups = (layers: number, entries: number): LegendGroup[] =>
  Array.from({ length: layers }, (_, layer) => ({
    layerId: `layer-${layer}`,
    title: `Layer ${layer}`,
    entries: Array.from({ length: entries }, (_, entry) => ({ label: `category ${layer}.${entry} with a longish name`, color: '#336699' })),
  }));
const inside = (box: { x: number; y: number; width: number; height: number }, area: typeof box) =>
  box.x >= area.x &&
  box.y >= area.y &&
  box.x + box.width <= area.x + area.width + 0.001 &&
  box.y + box.height <= area.y + area.height + 0.001;

test('a short legend is one column at full size, at the bottom of its area', () => {
  const area = { x: 10, y: 60, width: 600, height: 500 };
  const layout = layoutLegend(groups(1, 3), area, measure)!;
  expect(layout.font).toBe(12);
  expect(new Set(layout.cells.map((cell) => cell.x)).size).toBe(1);
  expect(layout.cells).toHaveLength(4);
  expect(layout.box.y + layout.box.height).toBe(area.y + area.height);
});

test('a long legend wraps into columns and stays inside its area, small frames included', () => {
  for (const area of [
    { x: 10, y: 60, width: 700, height: 400 },
    { x: 10, y: 60, width: 300, height: 180 },
  ]) {
    const layout = layoutLegend(groups(6, 6), area, measure)!;
    expect(layout.cells).toHaveLength(42);
    expect(new Set(layout.cells.map((cell) => cell.x)).size).toBeGreaterThan(1);
    expect(inside(layout.box, area)).toBe(true);
    for (const cell of layout.cells) expect(cell.y).toBeLessThanOrEqual(area.y + area.height);
  }
});

test('nothing to show, no legend', () => {
  expect(layoutLegend([], { x: 0, y: 0, width: 100, height: 100 }, measure)).toBeUndefined();
});

describe('the legend and the screened site', () => {
  const left = { area: { x: 10, y: 100, width: 300, height: 400 }, align: 'left' as const, anchor: 'bottom' as const };
  const right = { area: { x: 490, y: 100, width: 300, height: 400 }, align: 'right' as const, anchor: 'bottom' as const };
  const covers = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  test('stays in the usual corner when the site is elsewhere, and moves when that corner would cover it', () => {
    const usual = placeLegend(groups(2, 3), [left, right], { x: 700, y: 120, width: 0, height: 0 }, measure)!;
    expect(usual.box.x).toBe(10);
    const site = { x: 60, y: 460, width: 0, height: 0 };
    expect(covers(usual.box, site)).toBe(true);
    const moved = placeLegend(groups(2, 3), [left, right], site, measure)!;
    expect(moved.box.x + moved.box.width).toBe(790);
    expect(covers(moved.box, { x: site.x - 12, y: site.y - 12, width: 24, height: 24 })).toBe(false);
    expect(moved.cells[0]!.x).toBeGreaterThan(moved.box.x);
  });
});
