import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { artifacts, launch, openAtlas, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Pans with setState (the keyboard's arrow keys do the same) and adds a vertex at the centre cross with Enter. */
async function addVertexAt(page: Page, center: [number, number]): Promise<void> {
  await page.evaluate((c) => window.atlas.setState({ view: { center: c } }), center);
  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('Enter');
}

describe('site screening in the atlas', () => {
  test('draw a polygon with the keyboard at 棋盘井, read the verdict and export the GeoJSON report', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate(() => window.atlas.setState({ view: { center: [107.05, 39.55], zoom: 10 }, panel: 'screening' }));
    await page.locator('screening-panel select[name=project-type]').selectOption('steel');
    await page.locator('screening-panel [data-draw=polygon]').focus();
    await page.keyboard.press('Enter');
    for (const vertex of [
      [107.04, 39.54],
      [107.08, 39.54],
      [107.08, 39.57],
      [107.04, 39.57],
    ] as [number, number][]) {
      await addVertexAt(page, vertex);
    }
    await page.keyboard.press('Backspace');
    await addVertexAt(page, [107.04, 39.57]);
    await page.keyboard.press('f');
    await page.waitForFunction(() => window.atlas.getState().site?.type === 'Polygon');
    const verdict = page.locator('screening-panel .verdict');
    await expect(verdict.textContent()).resolves.toMatch(/禁止|限制/);
    // The card is headed by where the site came from.
    await expect(page.locator('screening-panel .verdict .source').textContent()).resolves.toBe('手绘面');
    const hits = await page.locator('screening-panel .hits > li').allTextContents();
    expect(hits.join('\n')).toContain('棋盘井蒙西地区');
    await expect
      .poll(() => page.locator('screening-panel .hits > li document-citation cite').allTextContents())
      .toContain('鄂尔多斯市减污降碳协同增效实施方案');
    const engine = await page.evaluate(() => window.atlas.screen(window.atlas.getState().site, 'steel'));
    expect(engine.hits.some((hit) => hit.zoneId === 'qipanjing-mengxi' && hit.cite?.line === 25)).toBe(true);
    await screenshot(page, 'screening-qipanjing');
    const download = page.waitForEvent('download');
    await page.locator('screening-panel [data-export=geojson]').click();
    const report = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(report.type).toBe('FeatureCollection');
    expect(report.features[0].geometry.type).toBe('Polygon');
    expect(report.features[0].properties.verdict).toBe(engine.verdict);
    expect(report.features[0].properties.dataVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('the printable report holds the map, the hits with citations and the data version', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate(() =>
      window.atlas.setState({
        panel: 'screening',
        projectType: 'cement',
        site: { type: 'Point', coordinates: [107.05, 39.55] },
        view: { center: [107.05, 39.55], zoom: 9 },
      }),
    );
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.locator('screening-panel [data-export=print]').click();
    await page.locator('#print-report img').waitFor({ state: 'attached' });
    const text = await page.locator('#print-report').textContent();
    expect(text).toContain('棋盘井');
    expect(text).toMatch(/数据版本 [0-9a-f]{12}/);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(`${artifacts}/screening-report.pdf`, pdf);
    expect(pdf.byteLength).toBeGreaterThan(20_000);
    await atlas.context.close();
  });

  test('bad uploads and pastes get a message naming the problem, and the site is kept', async () => {
    const atlas = await openAtlas(browser, { locale: 'en-GB' });
    const { page } = atlas;
    const site = { type: 'Point', coordinates: [110, 41] };
    await page.evaluate((s) => window.atlas.setState({ panel: 'screening', site: s as never }), site);
    const upload = (name: string, body: string) =>
      page
        .locator('screening-panel input[type=file]')
        .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(body) });
    const problem = page.locator('screening-panel .problem');
    await upload('empty.geojson', '');
    await expect.poll(() => problem.textContent()).toMatch(/empty/i);
    await upload('broken.geojson', '{"type": "FeatureCollection", "features": [');
    await expect.poll(() => problem.textContent()).toMatch(/broken\.geojson/);
    await upload('swapped.csv', 'lon,lat\n39.5,109.2\n');
    await expect.poll(() => problem.textContent()).toMatch(/swap|latitude|longitude/i);
    await upload('metres.csv', 'lon,lat\n37512345.6,4412345.6\n');
    await expect.poll(() => problem.textContent()).toMatch(/metre|Gauss/i);
    await page.locator('screening-panel details summary').click();
    await page.locator('screening-panel textarea').fill('109.5 banana');
    await page.locator('screening-panel form button[type=submit]').click();
    await expect.poll(() => problem.textContent()).toMatch(/unchanged/);
    expect((await page.evaluate(() => window.atlas.getState())).site).toEqual(site);
    const unknown = await page.evaluate(() =>
      window.atlas.screen({ type: 'Point', coordinates: [110, 41] }, 'casino').then(
        () => 'accepted',
        (error: Error) => error.message,
      ),
    );
    expect(unknown).toContain('unknown project type');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('a point drawn with the mouse becomes the site (the draw tool loads with the first drawing)', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate(() =>
      window.atlas.setState({ view: { center: [107.06, 39.555], zoom: 10 }, panel: 'screening', projectType: 'steel' }),
    );
    await page.locator('screening-panel [data-draw=point]').click();
    await expect.poll(() => page.locator('.maplibregl-map').getAttribute('class')).toContain('drawing');
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => window.atlas.getState().site?.type === 'Point');
    const { coordinates } = (await page.evaluate(() => window.atlas.getState().site)) as { coordinates: number[] };
    expect(coordinates[0]).toBeCloseTo(107.06, 1);
    expect(coordinates[1]).toBeCloseTo(39.555, 1);
    await expect(page.locator('screening-panel .verdict .source').textContent()).resolves.toBe('手绘点');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('screening code that cannot be fetched is said, and the site is kept', async () => {
    const blocked = await openAtlas(browser, {
      locale: 'en-GB',
      before: (context) => context.route(/draw-tool-[^/]*\.js$/, (route) => route.abort()),
    });
    await blocked.page.evaluate(() => window.atlas.setState({ panel: 'screening' }));
    await blocked.page.locator('screening-panel [data-draw=point]').click();
    await expect.poll(() => blocked.page.locator('screening-panel .problem').textContent()).toMatch(/unchanged/);
    await expect(blocked.page.locator('screening-panel [data-draw=point]').getAttribute('aria-pressed')).resolves.toBe('false');
    expect((await blocked.page.evaluate(() => window.atlas.getState())).site).toBeNull();
    await blocked.context.close();
    const session = await openAtlas(browser, {
      locale: 'en-GB',
      before: (context) => context.route(/screening-session-[^/]*\.js$/, (route) => route.abort()),
    });
    await session.page.evaluate(() => window.atlas.setState({ panel: 'screening' }));
    await expect.poll(() => session.page.locator('message-bar [role=alert]').textContent()).toContain('could not be loaded');
    await session.context.close();
  });

  test('pasted Gauss-Krüger boundary points become the site', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate(() => window.atlas.setState({ panel: 'screening', projectType: 'wind' }));
    await page.locator('screening-panel details summary').click();
    await page
      .locator('screening-panel textarea')
      .fill('J1 4380000 36500000\nJ2 4380000 36502000\nJ3 4382000 36502000\nJ4 4382000 36500000\nJ1 4380000 36500000');
    await page.locator('screening-panel form button[type=submit]').click();
    await page.waitForFunction(() => window.atlas.getState().site?.type === 'Polygon');
    const ring = (await page.evaluate(() => window.atlas.getState().site)) as { coordinates: number[][][] };
    expect(ring.coordinates[0]![0]![0]).toBeCloseTo(108, 1);
    expect(ring.coordinates[0]![0]![1]).toBeGreaterThan(39.4);
    await page.locator('screening-panel .verdict').waitFor();
    await atlas.context.close();
  });
});
