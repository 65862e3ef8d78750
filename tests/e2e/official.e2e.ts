import { readFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import type { Feature } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { redLineAreas } from '../../layers/red-line-areas/red-line-areas.ts';
import { colorShare, launch, openAtlas, screenshot, type Pixels } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const fixture = (name: string) => `tests/fixtures/official/${name}`;

/** A point inside a feature of the illustrative red line, to see it stand aside and come back. */
const illustrative = (() => {
  const source = JSON.parse(readFileSync('data/red-line-areas/source.geojson', 'utf8')) as { features: Feature[] };
  const feature = source.features.find((candidate) => candidate.properties?.['aggregate'] !== true) as Feature;
  return pointOnFeature(feature).geometry;
})();

/** Share of the pixels in a box that are clearly red (red above green and blue by 60): the official red line's
 * colour, filled translucently over whatever lies beneath; nothing else on the map there is that red. */
function redShare(pixels: Pixels, box: { x: number; y: number; width: number; height: number }): number {
  let hits = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const offset = (y * pixels.width + x) * 4;
      const [red, green, blue] = [pixels.data[offset]!, pixels.data[offset + 1]!, pixels.data[offset + 2]!];
      if (red - Math.max(green, blue) > 60) hits += 1;
    }
  }
  return hits / (box.width * box.height);
}

const screen = (page: Page, coordinates: number[], type = 'steel') =>
  page.evaluate(([point, projectType]) => window.atlas.screen({ type: 'Point', coordinates: point }, projectType), [
    coordinates,
    type,
  ] as const);

async function importLayer(page: Page, file: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>): Promise<void> {
  const panel = page.locator('official-layers');
  const before = await panel.locator('li[data-official]').count();
  await panel.locator('input[name=official-file]').setInputFiles(fixture(file));
  const form = panel.locator('form');
  await form.waitFor();
  await fill(form);
  await form.locator('[data-import]').click();
  await page.waitForFunction((count) => {
    const element = document.querySelector('official-layers');
    return (element?.shadowRoot?.querySelectorAll('li[data-official]').length ?? 0) > count;
  }, before);
}

describe('official layers in the atlas', () => {
  test('import a GBK Gauss-Krüger red line and control units with their entry list, screen on them, reload, remove', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    expect((await screen(page, illustrative.coordinates)).hits.some((hit) => hit.layer === 'red-line-areas')).toBe(true);

    await importLayer(page, 'red-line-gk36.zip', async (form) => {
      await form.locator('select[name=nameAttribute]').selectOption('名称');
      await form.locator('select[name=codeAttribute]').selectOption('编码');
      await form.locator('input[name=accuracyKm]').fill('0.05');
      await form.locator('input[name=mappedBy]').fill('e2e reviewer');
    });
    await importLayer(page, 'control-units.zip', async (form) => {
      await form.locator('select[name=kind]').selectOption('control-unit');
      await form.locator('select[name=nameAttribute]').selectOption('DYMC');
      await form.locator('select[name=codeAttribute]').selectOption('DYBM');
      await form.locator('select[name=categoryAttribute]').selectOption('GKLB');
      await form.locator('input[name=accuracyKm]').fill('0.1');
      await form.locator('input[name=mappedBy]').fill('e2e reviewer');
      await form.locator('input[name=entryList]').setInputFiles(fixture('entry-list.csv'));
    });
    const listed = await page.locator('official-layers li[data-official]').allTextContents();
    expect(listed.join('\n')).toMatch(/red-line-gk36\.zip[\s\S]*3 个要素[\s\S]*CGCS2000_3_Degree_GK_Zone_36[\s\S]*e2e reviewer/);
    expect(listed.join('\n')).toMatch(/control-units\.zip[\s\S]*entry-list\.csv \(5\)/);
    expect(listed.join('\n')).toMatch(/red-line-gk36\.zip[\s\S]*长边已沿测地线加密，与测地线相差不超过\d+(\.\d+)?米（新增\d+个顶点）/);

    // The site in the screening panel: the verdict cites the reviewer's file and feature, and the entry-list clause.
    await page.evaluate(() =>
      window.atlas.setState({
        panel: 'screening',
        projectType: 'steel',
        site: { type: 'Point', coordinates: [109.0, 40.67] },
        view: { center: [109.0, 40.67], zoom: 9 },
      }),
    );
    await page.waitForFunction(() =>
      document.querySelector('atlas-app screening-panel')?.shadowRoot?.textContent?.includes('control-units.zip'),
    );
    const panelText = await page.evaluate(() => document.querySelector('atlas-app screening-panel')?.shadowRoot?.textContent ?? '');
    expect(panelText).toContain('优先保护单元内禁止新建、扩建工业项目');
    await expect(page.locator('screening-panel .verdict').textContent()).resolves.toMatch(/禁止/);
    await screenshot(page, 'official-control-unit');
    const redLine = await screen(page, [108.76, 40.54]);
    expect(redLine.hits.filter((hit) => hit.basis === 'official-user').map((hit) => hit.name.zh)).toContain(
      '黄河湿地红线斑块（red-line-gk36.zip，第2个要素（黄河湿地红线斑块））',
    );
    expect((await screen(page, illustrative.coordinates)).hits.some((hit) => hit.layer === 'red-line-areas')).toBe(false);
    // Screened on the official layers by a screener built and held in a worker, never on the page's thread.
    expect(workers.filter((url) => /screen-worker/.test(url))).toHaveLength(1);

    // A share link names the layers; a fresh browser, which has not loaded them, says which to load.
    const shared = await page.evaluate(() => window.atlas.shareUrl());
    expect(decodeURIComponent(shared)).toContain('red-line-gk36.zip');
    const fresh = await openAtlas(browser, { hash: new URL(shared).hash });
    await fresh.page.waitForFunction(() =>
      [...document.querySelectorAll('message-bar')].some(
        (bar) =>
          (bar.shadowRoot ?? bar).textContent?.includes('red-line-gk36.zip') &&
          (bar.shadowRoot ?? bar).textContent?.includes('control-units.zip'),
      ),
    );
    await screenshot(fresh.page, 'official-link-missing-layers');
    await fresh.context.close();

    await page.reload();
    await page.waitForFunction(() => window.atlas !== undefined);
    await page.evaluate(() => window.atlas.ready);
    await page.evaluate(() => window.atlas.setState({ panel: 'layers' }));
    await page.waitForFunction(
      () => document.querySelector('official-layers')?.shadowRoot?.querySelectorAll('li[data-official]').length === 2,
    );
    const unit = await screen(page, [109.15, 40.67]);
    expect(unit.hits.find((hit) => hit.zoneKind === 'control-unit')).toMatchObject({ verdict: 'restricted', cite: { line: 3 } });

    for (let left = 2; left > 0; left--) {
      await page.locator('official-layers li[data-official] [data-remove]').first().click();
      await page.waitForFunction(
        (count) => document.querySelector('official-layers')?.shadowRoot?.querySelectorAll('li[data-official]').length === count,
        left - 1,
      );
    }
    const back = await screen(page, illustrative.coordinates);
    expect(back.hits.some((hit) => hit.layer === 'red-line-areas')).toBe(true);
    expect((await screen(page, [109.0, 40.67])).hits.some((hit) => hit.basis === 'official-user')).toBe(false);
    expect(atlas.errors).toEqual([]);
    expect(atlas.foreignRequests).toEqual([]);
    await atlas.context.close();
  }, 300_000);

  test('an official red line is drawn on the map and in the legend, the illustrative one hidden; removed, it is gone', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    // The official patches (tests/fixtures/official/red-line-patches.geojson) and an illustrative red-line area, framed.
    const official = { center: [108.5, 40.72] as [number, number], zoom: 9 };
    const shown = { center: illustrative.coordinates as [number, number], zoom: 9 };
    const illustrativeColour = redLineAreas.palette['lake-basin']!.color;
    // The official patches with the illustrative red line switched off (its network area is red too); the
    // illustrative area with it on, opaque. Shares of the map's pixels in the official colour or the area's.
    const look = async (
      name: string,
      view: { center: [number, number]; zoom: number },
      colour: string | 'red',
      illustrativeOn: boolean,
    ) => {
      await page.evaluate(
        ([next, visible]) =>
          window.atlas.setState({ view: { ...next, bearing: 0, pitch: 0 }, layers: { 'red-line-areas': { visible, opacity: 1 } } }),
        [view, illustrativeOn] as const,
      );
      const pixels = await screenshot(page, name);
      const box = { x: 330, y: 60, width: pixels.width - 400, height: pixels.height - 120 };
      return colour === 'red' ? redShare(pixels, box) : colorShare(pixels, colour, 24, box);
    };
    const before = {
      official: await look('official-map-before', official, 'red', false),
      illustrative: await look('official-illustrative-before', shown, illustrativeColour, true),
    };
    // Illustrative, so hatched: stripes in its colour over a tint, about a third of its area in the colour itself.
    expect(before.illustrative).toBeGreaterThan(0.03);

    await importLayer(page, 'red-line-gk36.zip', async (form) => {
      await form.locator('select[name=nameAttribute]').selectOption('名称');
      await form.locator('input[name=accuracyKm]').fill('0.05');
      await form.locator('input[name=mappedBy]').fill('e2e reviewer');
    });
    const drawn = {
      official: await look('official-map-drawn', official, 'red', false),
      illustrative: await look('official-illustrative-hidden', shown, illustrativeColour, true),
    };
    expect(drawn.official).toBeGreaterThan(before.official + 0.01);
    expect(drawn.illustrative).toBeLessThan(before.illustrative / 10);
    expect(await page.locator('official-layers li[data-official]').textContent()).toContain('官方数据（用户提供）');

    // The same browser's embed (legend over the map) restores the layer from IndexedDB and lists it in its legend.
    const embed = await atlas.context.newPage();
    await embed.goto(`${atlas.baseUrl}?embed=1`);
    await embed.waitForFunction(() => window.atlas !== undefined);
    await embed.evaluate(() => window.atlas.ready);
    await expect
      .poll(() => embed.evaluate(() => document.querySelector('map-legend')?.shadowRoot?.textContent ?? ''), { timeout: 30_000 })
      .toMatch(/red-line-gk36\.zip\s*生态保护红线（官方数据（用户提供））/);
    await embed.close();

    await page.locator('official-layers li[data-official] [data-remove]').click();
    await page.waitForFunction(
      () => document.querySelector('official-layers')?.shadowRoot?.querySelectorAll('li[data-official]').length === 0,
    );
    expect(await look('official-map-removed', official, 'red', false)).toBeLessThan(before.official + 0.001);
    expect(await look('official-illustrative-back', shown, illustrativeColour, true)).toBeGreaterThan(before.illustrative * 0.9);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  }, 300_000);

  test('a garbled attribute table offers GBK; a file with no .prj asks to confirm the guessed system; a GeoPackage imports', async () => {
    const atlas = await openAtlas(browser);
    const panel = atlas.page.locator('official-layers');
    await panel.locator('input[name=official-file]').setInputFiles(fixture('red-line-gk36-cpg-utf8.zip'));
    await panel.locator('form [data-encoding=gbk]').click();
    await expect.poll(() => panel.locator('select[name=nameAttribute]').textContent()).toContain('乌拉山北麓红线斑块');
    await panel.locator('input[name=official-file]').setInputFiles(fixture('red-line-gk36-no-prj.zip'));
    await expect.poll(() => panel.locator('select[name=crs]').inputValue()).toBe('EPSG:4524');
    await panel.locator('input[name=official-file]').setInputFiles(fixture('red-line-gk36-no-dbf.zip'));
    await expect.poll(() => panel.locator('[role=alert]').textContent()).toContain('没有.dbf');

    // A GeoPackage (read by SQLite in WebAssembly, fetched only now) in the zone it declares.
    await importLayer(atlas.page, 'red-line-gk36.gpkg', async (form) => {
      await form.locator('select[name=nameAttribute]').selectOption('名称');
      await form.locator('input[name=accuracyKm]').fill('0.05');
      await form.locator('input[name=mappedBy]').fill('e2e reviewer');
    });
    expect(await panel.locator('li[data-official]').textContent()).toMatch(
      /red-line-gk36\.gpkg[\s\S]*3 个要素[\s\S]*EPSG:4524 \(文件声明\)/,
    );
    expect(
      (await screen(atlas.page, [108.76, 40.54])).hits.filter((hit) => hit.basis === 'official-user').map((hit) => hit.name.zh),
    ).toContain('黄河湿地红线斑块（red-line-gk36.gpkg，第2个要素（黄河湿地红线斑块））');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  }, 180_000);

  test('where the browser blocks storage, the panel says so and an import still screens for the visit', async () => {
    const atlas = await openAtlas(browser, {
      before: (context) =>
        context.addInitScript(() => {
          Object.defineProperty(window, 'indexedDB', {
            get: () => {
              throw new DOMException('blocked by policy', 'SecurityError');
            },
          });
        }),
    });
    const { page } = atlas;
    await expect.poll(() => page.locator('official-layers [role=status]').first().textContent()).toContain('本浏览器不允许保存数据');
    await importLayer(page, 'red-line-gk36.zip', async (form) => {
      await form.locator('select[name=nameAttribute]').selectOption('名称');
      await form.locator('input[name=accuracyKm]').fill('0.05');
      await form.locator('input[name=mappedBy]').fill('e2e reviewer');
    });
    expect((await screen(page, [108.76, 40.54])).hits.some((hit) => hit.basis === 'official-user')).toBe(true);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  }, 180_000);
});
