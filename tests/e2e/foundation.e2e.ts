import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createRequire } from 'node:module';
import { colorShare, launch, openAtlas, screenshot, type Pixels } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Counts pixels that are almost black or label-brown: text drawn by the label layer. */
function darkShare(pixels: Pixels): number {
  let dark = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (pixels.data[i]! < 80 && pixels.data[i + 1]! < 80 && pixels.data[i + 2]! < 90) dark += 1;
  }
  return dark / (pixels.width * pixels.height);
}

describe('the atlas starts offline on its bundled data', () => {
  test('loads, becomes ready, logs no error and asks no other host', async () => {
    const atlas = await openAtlas(browser);
    const state = await atlas.page.evaluate(() => window.atlas.getState());
    expect(state.lang).toBe('zh');
    expect(state.view.zoom).toBeGreaterThan(2.5);
    expect(state.view.center[0]).toBeGreaterThan(100);
    expect(state.view.center[0]).toBeLessThan(122);
    expect(Object.keys(state.layers)).toContain('base-region');
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(atlas.errors).toEqual([]);
    expect(atlas.foreignRequests).toEqual([]);
    expect(await atlas.page.title()).toContain('内蒙古');
    expect(await atlas.page.locator('link[rel=icon]').count()).toBe(1);
    await atlas.context.close();
  });

  test('the whole-region screenshot shows the region fill, rivers, lakes and labels', async () => {
    const atlas = await openAtlas(browser);
    await atlas.page.evaluate(() => window.atlas.setState({ layers: { deserts: { visible: false } } }));
    const pixels = await screenshot(atlas.page, 'whole-region');
    // The region fills about a seventh of the window behind its rivers, boundaries and labels; a blank map has none.
    expect(colorShare(pixels, '#f6efd9', 6)).toBeGreaterThan(0.12);
    expect(colorShare(pixels, '#5b9bd5', 30) + colorShare(pixels, '#2f6fb0', 30)).toBeGreaterThan(0.0005);
    expect(colorShare(pixels, '#8fc1ea', 20)).toBeGreaterThan(0.00005);
    expect(darkShare(pixels)).toBeGreaterThan(0.001);
    await atlas.context.close();
  });

  test('labels switch language, so CJK and Latin text are both drawn', async () => {
    const atlas = await openAtlas(browser);
    const box = await atlas.page.locator('#map').boundingBox();
    const zh = await screenshot(atlas.page, 'labels-zh');
    await atlas.page.evaluate(() => window.atlas.setState({ lang: 'en' }));
    const en = await screenshot(atlas.page, 'labels-en');
    expect(box).not.toBeNull();
    let differing = 0;
    for (let i = 0; i < zh.data.length; i += 4) if (zh.data[i] !== en.data[i]) differing += 1;
    expect(differing).toBeGreaterThan(500);
    expect(await atlas.page.locator('header h1').textContent()).toContain('Atlas');
    await atlas.context.close();
  });

  test('setState moves the view and resolves when the map is idle', async () => {
    const atlas = await openAtlas(browser);
    const state = await atlas.page.evaluate(() =>
      window.atlas.setState({ view: { center: [109.8, 39.6], zoom: 8, bearing: 20, pitch: 30 } }),
    );
    expect(state.view).toEqual({ center: [109.8, 39.6], zoom: 8, bearing: 20, pitch: 30 });
    const after = await atlas.page.evaluate(() => window.atlas.getState().view);
    expect(after.center[0]).toBeCloseTo(109.8, 4);
    expect(after.zoom).toBeCloseTo(8, 3);
    await atlas.context.close();
  });

  test('setState refuses unknown layers and out-of-range values and changes nothing', async () => {
    const atlas = await openAtlas(browser);
    const before = await atlas.page.evaluate(() => window.atlas.getState());
    const unknownLayer = await atlas.page.evaluate(() =>
      window.atlas.setState({ layers: { 'no-such-layer': { visible: true } } }).then(
        () => 'accepted',
        (e: Error) => e.message,
      ),
    );
    expect(unknownLayer).toContain('unknown layer id "no-such-layer"');
    const badZoom = await atlas.page.evaluate(() =>
      window.atlas.setState({ view: { zoom: 99 }, lang: 'en' }).then(
        () => 'accepted',
        (e: Error) => e.message,
      ),
    );
    expect(badZoom).toContain('view.zoom');
    const badOpacity = await atlas.page.evaluate(() =>
      window.atlas.setState({ layers: { 'base-lakes': { opacity: 2 } } }).then(
        () => 'accepted',
        (e: Error) => e.message,
      ),
    );
    expect(badOpacity).toContain('opacity');
    expect(await atlas.page.evaluate(() => window.atlas.getState())).toEqual(before);
    await atlas.context.close();
  });

  test('on a 360 x 640 phone the map, its controls and the layer panel work by touch', async () => {
    const atlas = await openAtlas(browser, { viewport: { width: 360, height: 640 } });
    const { page } = atlas;
    const mapBox = await page.locator('#map').boundingBox();
    expect(mapBox!.width).toBeGreaterThanOrEqual(350);
    expect(mapBox!.height).toBeGreaterThan(500);
    const zoom = (await page.evaluate(() => window.atlas.getState())).view.zoom;
    await page.locator('.maplibregl-ctrl-zoom-in').tap();
    await page.waitForFunction((start) => window.atlas.getState().view.zoom > start + 0.5, zoom);
    await expect(page.locator('.maplibregl-ctrl-scale').isVisible()).resolves.toBe(true);
    await expect(page.locator('#side-panel').isVisible()).resolves.toBe(false);
    await page.locator('.panel-toggle').tap();
    await expect(page.locator('#side-panel').isVisible()).resolves.toBe(true);
    await page.locator('layer-panel [data-layer="base-lakes"] input[type=checkbox]').tap();
    await page.waitForFunction(() => window.atlas.getState().layers['base-lakes']?.visible === false);
    await screenshot(page, 'phone-360');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('the keyboard pans the map and toggles layers', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    const before = (await page.evaluate(() => window.atlas.getState())).view.center;
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((lon) => window.atlas.getState().view.center[0] > lon + 0.1, before[0]);
    const checkbox = page.locator('layer-panel [data-layer="base-rivers"] input[type=checkbox]');
    await checkbox.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.atlas.getState().layers['base-rivers']?.visible === false);
    await atlas.context.close();
  });

  test('an accessibility scan finds no serious or critical violation', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    // Loaded as the page starts: the page's Content-Security-Policy refuses an inline script tag added later.
    const atlas = await openAtlas(browser, { before: (context) => context.addInitScript({ path: axePath }) });
    const violations = await atlas.page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run: (context: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
    });
    expect(violations).toEqual([]);
    await atlas.context.close();
  });
});

describe('bad data files', () => {
  for (const [kind, respond] of [
    ['missing', { status: 404, body: 'not found' }],
    ['corrupt', { status: 200, body: Buffer.from('this is not a FlatGeobuf file at all') }],
  ] as const) {
    test(`a ${kind} dataset shows a message naming the layer and the rest of the map works`, async () => {
      const atlas = await openAtlas(browser, {
        before: async (context) => {
          await context.route('**/data/base-lakes.fgb', (route) => route.fulfill(respond));
        },
      });
      const { page } = atlas;
      const alert = page.locator('message-bar [role=alert]');
      await expect(alert.first().textContent()).resolves.toContain('湖泊');
      await expect(page.locator('layer-panel [data-layer="base-lakes"] [role=alert]').count()).resolves.toBe(1);
      const counts = await page.locator('layer-panel [data-layer="base-rivers"] .count').textContent();
      expect(counts).toMatch(/\d+/);
      const moved = await page.evaluate(() => window.atlas.setState({ view: { zoom: 6 } }));
      expect(moved.view.zoom).toBe(6);
      await atlas.context.close();
    });
  }
});

describe('the optional online basemap', () => {
  test('is off by default, and once configured requests tiles from the given server only', async () => {
    const atlas = await openAtlas(browser);
    const { page, baseUrl } = atlas;
    const tiles: string[] = [];
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.route('**/test-tiles/**', (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    await page.locator('basemap-settings summary').click();
    await page.locator('basemap-settings input').fill(`${baseUrl}test-tiles/{z}/{x}/{y}.png`);
    await page.locator('basemap-settings button[type=submit]').click();
    await page.waitForFunction(() => localStorage.getItem('atlas.online-basemap') !== null);
    await page.evaluate(() => window.atlas.setState({ view: { zoom: 5 } }));
    expect(tiles.length).toBeGreaterThan(0);
    await page.locator('basemap-settings input').fill('not a url');
    await page.locator('basemap-settings button[type=submit]').click();
    await expect(page.locator('basemap-settings [role=alert]').textContent()).resolves.toMatch(/URL|url/);
    await page.locator('basemap-settings button[type=button]').click();
    await page.waitForFunction(() => localStorage.getItem('atlas.online-basemap') === null);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });
});
