import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, bbox, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { colorShare, launch, openAtlas, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const read = (id: string) => JSON.parse(readFileSync(`data/${id}/source.geojson`, 'utf8')) as FeatureCollection;

const extent = (feature: Feature) => {
  const [west, south, east, north] = bbox(feature);
  return (east - west) * (north - south);
};

/** The point deepest inside the feature and outside every smaller polygon, so that a click selects it first. */
function lonelyPoint(id: string, layers: string[]): [number, number] {
  const all = layers.flatMap((layer) => read(layer).features) as Feature<Polygon | MultiPolygon>[];
  const target = all.find((feature) => feature.properties?.['id'] === id)!;
  const others = all.filter(
    (feature) => feature !== target && feature.geometry.type !== ('Point' as string) && extent(feature) <= extent(target),
  );
  const [west, south, east, north] = bbox(target);
  let best: { point: [number, number]; depth: number } | undefined;
  for (let i = 1; i < 40; i += 1) {
    for (let j = 1; j < 40; j += 1) {
      const point: [number, number] = [west + ((east - west) * i) / 40, south + ((north - south) * j) / 40];
      if (!booleanPointInPolygon(point, target) || others.some((other) => booleanPointInPolygon(point, other))) continue;
      const depth = -pointToPolygonDistance(point, target);
      if (!best || depth > best.depth) best = { point, depth };
    }
  }
  if (!best) throw new Error(`no point of ${id} lies outside the other features`);
  return best.point;
}

/** The map beside the 320-pixel layer panel, under the header, on the 1280x800 page. */
const mapArea = { x: 330, y: 56, width: 940, height: 734 };

async function clickMapCentre(page: Page): Promise<void> {
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe('thematic layers in the atlas', () => {
  test('hiding a layer removes its colour from the screenshot', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate(() => window.atlas.setState({ view: { center: [108.6, 40.0], zoom: 7 }, layers: { deserts: { opacity: 1 } } }));
    const shown = await screenshot(page, 'deserts-shown');
    await page.locator('layer-panel [data-layer="deserts"] label.toggle input').click();
    await page.waitForFunction(() => window.atlas.getState().layers['deserts']?.visible === false);
    await page.evaluate(() => window.atlas.setState({}));
    const hidden = await screenshot(page, 'deserts-hidden');
    // The deserts are hand-drawn, so hatched: about a third of their area is stripes in the colour. Counted on the
    // map alone, since the layer panel shows the colour in its swatch.
    expect(colorShare(shown, '#d9a441', 4, mapArea)).toBeGreaterThan(0.004);
    expect(colorShare(hidden, '#d9a441', 4, mapArea)).toBeLessThan(colorShare(shown, '#d9a441', 4, mapArea) / 20);
    await atlas.context.close();
  });

  test('clicking the 棋盘井 zone opens its panel with the citation of the Ordos plan', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    const point = lonelyPoint('qipanjing-mengxi', ['restricted-zones', 'energy-bases', 'wetlands', 'deserts']);
    await page.evaluate((center) => window.atlas.setState({ view: { center, zoom: 10 } }), point);
    await clickMapCentre(page);
    await page.waitForFunction(() => window.atlas.getState().selection?.id === 'qipanjing-mengxi');
    const panel = page.locator('feature-panel');
    await expect(panel.locator('h2').textContent()).resolves.toContain('棋盘井');
    // Each citation is a <document-citation> element: its document and whole sentence sit in its shadow root.
    const citation = panel.locator('ol.citations document-citation').filter({ hasText: '棋盘井蒙西地区严格控制' }).first();
    await expect(citation.locator('cite').textContent()).resolves.toContain('鄂尔多斯市减污降碳协同增效实施方案');
    const alsoHere = await page.locator('.also-here button').allTextContents();
    expect(alsoHere.join(' ')).toContain('乌海');
    await screenshot(page, 'qipanjing-panel');
    await atlas.context.close();
  });

  test('searching 库布其 lists results, and Enter flies there and selects', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    const input = page.locator('search-box input');
    await input.fill('库布其');
    const options = page.locator('search-box [role=option]');
    await expect(options.count()).resolves.toBeGreaterThan(1);
    await input.press('Enter');
    await page.waitForFunction(() => window.atlas.getState().selection?.id.startsWith('kubuqi') === true);
    await page.waitForFunction(() => {
      const { center, zoom } = window.atlas.getState().view;
      return zoom > 6 && center[0] > 106 && center[0] < 111.5 && center[1] > 39 && center[1] < 41.5;
    });
    await expect(page.locator('feature-panel h2').textContent()).resolves.toContain('库布其');
    await atlas.context.close();
  });

  test('switching to English shows English names in the panel and the search', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.locator('button.lang').click();
    await page.waitForFunction(() => window.atlas.getState().lang === 'en');
    await page.locator('search-box input').fill('Kubuqi');
    await expect(page.locator('search-box [role=option]').first().textContent()).resolves.toContain('Kubuqi');
    await page.locator('search-box input').press('Enter');
    await page.waitForFunction(() => window.atlas.getState().selection !== null);
    await expect(page.locator('feature-panel h2').textContent()).resolves.toMatch(/Kubuqi/);
    await expect(page.locator('layer-panel label.toggle').allTextContents()).resolves.toContainEqual(
      expect.stringContaining('Restricted and key-control zones'),
    );
    await screenshot(page, 'english');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('unchecking a category in the legend filters it off the map', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate(() => window.atlas.setState({ layers: { deserts: { opacity: 1 } } }));
    const before = await screenshot(page, 'filter-before');
    await page.locator('layer-panel [data-layer="deserts"] [data-category="desert"] input').click();
    await page.waitForFunction(() => window.atlas.getState().layers['deserts']?.hiddenCategories.includes('desert') === true);
    await page.evaluate(() => window.atlas.setState({}));
    const after = await screenshot(page, 'filter-after');
    expect(colorShare(before, '#d9a441', 3, mapArea)).toBeGreaterThan(0.002);
    expect(colorShare(after, '#d9a441', 3, mapArea)).toBeLessThan(colorShare(before, '#d9a441', 3, mapArea) / 20);
    expect(colorShare(after, '#e8cf8a', 3, mapArea)).toBeGreaterThan(0.002);
    await page.locator('layer-panel [data-layer="energy-bases"] [data-status="planned"] input').click();
    await page.waitForFunction(() => window.atlas.getState().layers['energy-bases']?.hiddenStatuses.includes('planned') === true);
    await atlas.context.close();
  });
});
