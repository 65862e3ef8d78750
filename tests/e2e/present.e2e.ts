import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { launch, openAtlas, artifacts, screenshot } from './browser.ts';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { layerDefinitions } from '../../layers/registry.ts';
import type { ExportLayout } from '../../src/map/export-png.ts';
import { legendGroups } from '../../src/map/legend-entries.ts';
import { readCollections } from '../../src/data/node-loader.ts';

const collections = await readCollections();

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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Png = { width: number; height: number; data: Buffer };

/** Share of a box's pixels within `tolerance` of `hex`, or (no hex) unlike the panel's paper colour. */
function share(png: Png, box: Box, hex?: string, tolerance = 40): number {
  const target = hex ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : [255, 253, 248];
  let hits = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const offset = (y * png.width + x) * 4;
      const near = target.every((value, channel) => Math.abs(png.data[offset + channel]! - value) <= tolerance);
      if (hex ? near : !near) hits += 1;
    }
  }
  return hits / Math.max(1, box.width * box.height);
}

/** A steel plant at 棋盘井: a verdict to show. */
const qipanjing = { type: 'Point', coordinates: [107.1, 39.5] };

describe('exports for slides', () => {
  test('the PNG carries a legend of only the visible entries, a scale bar, a north arrow, the verdict, title and subtitle, and a one-line credit', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate(
      (site) =>
        window.atlas.setState({
          site: site as never,
          projectType: 'steel',
          layers: {
            'red-line-areas': { visible: true },
            'river-buffers': { visible: true },
            deserts: { visible: true, hiddenCategories: ['sandy-land'] },
          },
        }),
      qipanjing,
    );
    await page.waitForFunction(() => document.querySelector('atlas-app')!.atlas.screening.current?.report !== undefined);
    const state = await page.evaluate(() => window.atlas.getState());
    const bounds = await page.evaluate(() => document.querySelector('atlas-app')!.atlas.map()!.bounds());
    // Every visible category with a feature in the image, solid or hatched as its features are drawn (a category with
    // both has both swatches).
    const expected = legendGroups(layerDefinitions, state, [], collections, bounds).flatMap((group) => group.entries);
    expect(expected.some((entry) => entry.hatch) && expected.some((entry) => !entry.hatch)).toBe(true);
    for (const scale of [1, 2] as const) {
      const { dataUrl, layout } = (await page.evaluate(
        (s) => window.atlas.exportImage({ scale: s, title: '棋盘井选址', subtitle: '钢铁项目 · 汇报用图' }),
        scale,
      )) as { dataUrl: string; layout: ExportLayout };
      const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
      writeFileSync(`${artifacts}/export-slide-${scale}x.png`, PNG.sync.write(png));
      // The legend: one swatch per visible entry (the hidden category left out), each painted in its colour, solid
      // or in the map's stripes (about a third of a hatched swatch is the colour itself).
      expect(layout.legend?.entries).toBe(expected.length);
      for (const [index, swatch] of layout.legend!.swatches.entries()) {
        const entry = expected[index]!;
        expect(swatch.hatched).toBe(entry.hatch !== undefined);
        const painted = share(png, swatch, entry.color, 8);
        if (entry.hatch) expect(painted).toBeGreaterThan(0.2);
        if (entry.hatch) expect(painted).toBeLessThan(0.8);
        else expect(painted).toBeGreaterThan(0.8);
      }
      expect(layout.legend!.x + layout.legend!.width).toBeLessThanOrEqual(png.width);
      // The scale bar is a dark bar; its label in the interface language.
      expect(share(png, layout.scaleBar, '#2b2b2b', 30)).toBeGreaterThan(0.3);
      expect(layout.scaleBar.label).toMatch(/^\d+ (公里|米)$/);
      expect(share(png, layout.northArrow, '#2b2b2b', 30)).toBeGreaterThan(0.2);
      // Title, subtitle and verdict are drawn; the verdict in its colour.
      expect(share(png, layout.title)).toBeGreaterThan(0.03);
      expect(share(png, layout.subtitle!)).toBeGreaterThan(0.03);
      expect(share(png, layout.verdict!, '#8e1b17', 30) + share(png, layout.verdict!, '#c62828', 30)).toBeGreaterThan(0.5);
      // The credit: one line across the foot of the image, with text on it, in Chinese.
      expect(layout.credit.height).toBeLessThanOrEqual(19 * scale + 1);
      expect(layout.credit.y + layout.credit.height).toBe(png.height);
      expect(share(png, layout.credit)).toBeGreaterThan(0.02);
      expect(layout.credit.text).toMatch(/^\d{4}-\d{2}-\d{2} · 数据：/);
      // Nothing overlaps: the legend clear of the scale bar, the site and the credit (at this view the site stands
      // where the legend usually goes, so it is on the right), the scale bar above the credit.
      const legend = layout.legend!;
      const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart(legend, layout.scaleBar) && apart(legend, layout.site!) && apart(legend, layout.credit)).toBe(true);
      expect(layout.scaleBar.y + layout.scaleBar.height).toBeLessThanOrEqual(layout.credit.y);
    }
    await atlas.context.close();
  });

  test('on a small frame the legend still fits, in columns', async () => {
    const atlas = await openAtlas(browser, { viewport: { width: 640, height: 420 } });
    const { page } = atlas;
    await page.evaluate(
      (ids) => window.atlas.setState({ layers: Object.fromEntries(ids.map((id) => [id, { visible: true }])) }),
      layerDefinitions.filter((layer) => layer.properties).map((layer) => layer.id),
    );
    const { layout } = (await page.evaluate(() => window.atlas.exportImage({ scale: 1 }))) as { layout: ExportLayout };
    const box = (await page.locator('#map').boundingBox())!;
    const legend = layout.legend!;
    expect(legend.entries).toBeGreaterThan(20);
    expect(legend.x + legend.width).toBeLessThanOrEqual(Math.round(box.width));
    expect(legend.y).toBeGreaterThanOrEqual(layout.title.y + layout.title.height);
    expect(new Set(legend.swatches.map((swatch) => swatch.x)).size).toBeGreaterThan(1);
    await atlas.context.close();
  });

  test('2x export shows its progress while it runs, and the English export credits in English', async () => {
    const atlas = await openAtlas(browser, { locale: 'en-US' });
    const { page } = atlas;
    await page.locator('share-tools summary').click();
    // Watched from inside the page: the progress may come and go between two polls from here.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      const look = () => {
        const status = document.querySelector('export-options')?.shadowRoot?.querySelector('.progress');
        if (status?.querySelector('progress')) seen.push(status.textContent!.trim());
        if (seen.length === 0) requestAnimationFrame(look);
      };
      look();
    });
    const download = page.waitForEvent('download');
    await page.locator('share-tools [data-action=export-2x]').click();
    await download;
    expect(await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen[0])).toContain(
      'Exporting the 2x image',
    );
    await page.locator('export-options progress').waitFor({ state: 'detached' });
    const { layout } = (await page.evaluate(() => window.atlas.exportImage({ scale: 1 }))) as { layout: ExportLayout };
    expect(layout.credit.text).toMatch(/· Data: .*GSHHG/);
    expect(layout.scaleBar.label).toMatch(/^\d+ (km|m)$/);
    await atlas.context.close();
  });
});

describe('embeds and the first visit', () => {
  test('in a cross-site iframe with storage blocked the atlas starts, shows the verdict badge and a folded legend', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, locale: 'zh-CN' });
    // Third-party storage blocked, as privacy browsers do: storage throws inside any frame that is not the top one.
    await context.addInitScript(() => {
      if (window.top === window) return;
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException("Failed to read the 'localStorage' property: Access is denied", 'SecurityError');
          },
        });
      }
    });
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const normal = await openAtlas(browser);
    await normal.page.evaluate((site) => window.atlas.setState({ site: site as never, projectType: 'steel' }), qipanjing);
    const embedUrl = (await normal.page.evaluate(() => window.atlas.shareUrl())).replace(/\/?#/, '/?embed=1#');
    await normal.context.close();
    // The host page is another site, served from 127.0.0.2 (the atlas is on 127.0.0.1).
    const host = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>host</title><h1>A report page</h1><iframe src="${embedUrl}" width="800" height="500"></iframe>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.2', resolve));
    await page.goto(`http://127.0.0.2:${(host.address() as AddressInfo).port}/`);
    const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
    expect(frame.url()).toContain('embed=1');
    await frame.waitForFunction(() => window.atlas !== undefined);
    await frame.evaluate(() => window.atlas.ready);
    expect(
      await frame.evaluate(() => {
        try {
          return typeof localStorage;
        } catch {
          return 'blocked';
        }
      }),
    ).toBe('blocked');
    await frame.locator('embed-badge p').waitFor();
    await expect(frame.locator('embed-badge p').textContent()).resolves.toMatch(/结论：(禁止|限制)/);
    const legend = frame.locator('map-legend');
    await expect(legend.evaluate((element) => element.shadowRoot!.querySelector('details')!.open)).resolves.toBe(false);
    const legendBox = (await legend.boundingBox())!;
    expect(legendBox.width * legendBox.height).toBeLessThan(800 * 500 * 0.05);
    await expect(frame.locator('about-panel').count()).resolves.toBe(0);
    await screenshot(page, 'embed-cross-site');
    expect(errors).toEqual([]);
    await context.close();
    host.close();
  });

  test('the About panel opens on a first visit, stays closed once dismissed, opens from the header, and never in an embed', async () => {
    const first = await openAtlas(browser, { firstVisit: true });
    const { page } = first;
    await page.locator('about-panel .documents li').nth(4).waitFor();
    const documents = await page.locator('about-panel .documents li').allTextContents();
    expect(documents).toHaveLength(5);
    expect(documents.join('\n')).toContain('内政发〔2017〕63号');
    await expect(page.locator('about-panel .sources li').count()).resolves.toBeGreaterThan(10);
    await screenshot(page, 'about-zh');
    await page.locator('about-panel button.dismiss').click();
    await page.reload();
    await page.waitForFunction(() => window.atlas !== undefined);
    await page.evaluate(() => window.atlas.ready);
    await expect(page.locator('about-panel').count()).resolves.toBe(0);
    await page.locator('header.bar button.about').click();
    await page.locator('about-panel .documents li').first().waitFor();
    await first.context.close();
    const embedded = await openAtlas(browser, { firstVisit: true, hash: '?embed=1' });
    await expect(embedded.page.locator('about-panel').count()).resolves.toBe(0);
    await embedded.context.close();
  });

  test('the embed dialog copies its snippet', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await atlas.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: atlas.baseUrl });
    await page.locator('share-tools summary').click();
    await page.locator('share-tools [data-action=embed]').click();
    await page.locator('.embed-dialog button.copy-snippet').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1#/);
    await atlas.context.close();
  });
});

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

describe('on a phone (390x844)', () => {
  test("the panel is a sheet at the foot, it closes when drawing starts, and the region fills the screen's width", async () => {
    const atlas = await openAtlas(browser, { viewport: { width: 390, height: 844 } });
    const { page } = atlas;
    // The default view: the whole region across the map's width, nothing of it cut off.
    const fit = await page.evaluate(() => {
      const map = document.querySelector('#map')!.getBoundingClientRect();
      const { center, zoom } = window.atlas.getState().view;
      const x = (longitude: number) => ((longitude - center[0]) / 360) * 512 * 2 ** zoom;
      return { map: map.width, west: x(97.18), east: x(126.08) };
    });
    expect(fit.east - fit.west).toBeGreaterThan(fit.map * 0.85);
    expect(fit.east - fit.west).toBeLessThanOrEqual(fit.map);
    await page.locator('.panel-toggle').click();
    const panel = (await page.locator('#side-panel').boundingBox())!;
    expect(panel.y + panel.height).toBeCloseTo(844, 0);
    expect(panel.width).toBeCloseTo(390, 0);
    expect(panel.height).toBeLessThanOrEqual(844 * 0.56);
    await screenshot(page, 'phone-panel');
    await page.locator('#tab-screening').click();
    await page.locator('screening-panel').waitFor();
    await page.locator('screening-panel button', { hasText: '画点' }).click();
    await page.locator('#side-panel').waitFor({ state: 'hidden' });
    await page.locator('#map canvas').click({ position: { x: 150, y: 420 } });
    await page.evaluate(() => window.atlas.setState({ projectType: 'steel' }));
    await page.locator('verdict-sheet').waitFor();
    const sheet = (await page.locator('verdict-sheet').boundingBox())!;
    expect(sheet.y + sheet.height).toBeCloseTo(844, 0);
    await screenshot(page, 'phone-verdict');
    await atlas.context.close();
  });
});
