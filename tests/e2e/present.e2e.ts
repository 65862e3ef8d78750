import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { launch, openAtlas, artifacts } from './browser.ts';
import { writeFileSync } from 'node:fs';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A polygon with enough vertices that its link passes 8,000 characters. */
function largeSite(vertices: number) {
  const ring = Array.from({ length: vertices }, (_, i) => {
    const angle = (2 * Math.PI * i) / vertices;
    const radius = 0.2 + 0.05 * Math.sin(i * 7.3) + 0.03 * Math.cos(i * 3.1);
    return [Number((109.5 + radius * Math.cos(angle)).toFixed(6)), Number((40 + radius * Math.sin(angle)).toFixed(6))];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

describe('presenting', () => {
  test('PNG export has the map size (and twice it) and is not blank', async () => {
    const atlas = await openAtlas(browser);
    const box = (await atlas.page.locator('#map').boundingBox())!;
    for (const scale of [1, 2] as const) {
      const dataUrl = await atlas.page.evaluate((s) => window.atlas.exportPng(s), scale);
      const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
      writeFileSync(`${artifacts}/export-${scale}x.png`, PNG.sync.write(png));
      expect(png.width).toBe(Math.round(box.width * scale));
      expect(png.height).toBe(Math.round(box.height * scale));
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4 * 97) colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
      expect(colours.size).toBeGreaterThan(50);
    }
    await atlas.context.close();
  });

  test('embed mode shows the map and legend with no panels, and the dialog offers the snippet', async () => {
    const normal = await openAtlas(browser);
    await normal.page.locator('share-tools summary').click();
    await normal.page.locator('share-tools [data-action=embed]').click();
    const snippet = await normal.page.locator('.embed-dialog textarea').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1#/);
    await normal.context.close();
    const atlas = await openAtlas(browser, { hash: '?embed=1' });
    await expect(atlas.page.locator('#side-panel').isVisible()).resolves.toBe(false);
    await expect(atlas.page.locator('header.bar').count()).resolves.toBe(0);
    await expect(atlas.page.locator('map-legend').isVisible()).resolves.toBe(true);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('presentation mode hides the controls and Esc leaves it', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.locator('share-tools summary').click();
    await page.locator('share-tools [data-action=present]').click();
    await expect(page.locator('.presentation-title h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('.maplibregl-ctrl-zoom-in').isVisible()).resolves.toBe(false);
    await expect(page.locator('map-legend[large]').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('atlas-app')!.classList.contains('presenting'));
    await expect(page.locator('.maplibregl-ctrl-zoom-in').isVisible()).resolves.toBe(true);
    await atlas.context.close();
  });

  test('saved views: save, list, reopen, delete, and clearing asks first', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.locator('share-tools summary').click();
    await page.evaluate(() => window.atlas.setState({ view: { center: [109.8, 40.6], zoom: 8 } }));
    await page.waitForFunction(() => location.hash.includes('z=8'));
    await page.locator('share-tools form input').fill('Baotou');
    await page.locator('share-tools form button').click();
    await page.evaluate(() => window.atlas.setState({ view: { center: [120, 48], zoom: 5 } }));
    await page.locator('share-tools [data-view="Baotou"] button', { hasText: /打开|Open/ }).click();
    await page.waitForFunction(() => Math.abs(window.atlas.getState().view.zoom - 8) < 0.01);
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.locator('share-tools button.clear').click();
    await expect(page.locator('share-tools [data-view]').count()).resolves.toBe(1);
    await page.locator('share-tools [data-view="Baotou"] button[aria-label]').click();
    await expect(page.locator('share-tools [data-view]').count()).resolves.toBe(0);
    await atlas.context.close();
  });

  test('a site too large for a link travels as a share file opened with ?load=', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate((site) => window.atlas.setState({ site: site as never, projectType: 'cement' }), largeSite(2500));
    expect((await page.evaluate(() => window.atlas.shareUrl())).length).toBeGreaterThan(8000);
    await page.locator('share-tools summary').click();
    const download = page.waitForEvent('download');
    await page.locator('share-tools [data-action=copy-link]').click();
    const file = readFileSync(await (await download).path(), 'utf8');
    expect(JSON.parse(file).format).toBe('nm-carbon-atlas-share');
    const shown = await page.evaluate(() => window.atlas.getState());
    await atlas.context.close();
    const reopened = await openAtlas(browser, {
      hash: '?load=shares/large.json',
      before: async (context) => {
        await context.route('**/shares/large.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: file }));
      },
    });
    await reopened.page.waitForFunction(() => window.atlas.getState().site !== null);
    const state = await reopened.page.evaluate(() => window.atlas.getState());
    expect(state.site).toEqual(shown.site);
    expect(state.projectType).toBe('cement');
    await reopened.context.close();
  });
});
