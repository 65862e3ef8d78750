// The screen side of issue 11: the card shows where the site came from, the verdict with its doubt, the one-sentence
// conclusion, each row's reasons; the map frames the site; the print maps the site's extent with a locator inset.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { artifacts, launch, openAtlas, screenshot, type Watched } from './browser.ts';

let browser: Browser;
let desktop: Watched;
/** The About panel opens on a first visit; these tests look at the map and the card, as a returning reviewer does. */
const returning = {
  before: (context: BrowserContext) => context.addInitScript(() => localStorage.setItem('nm-carbon-atlas:about-seen', '1')),
};
beforeAll(async () => {
  browser = await launch();
  desktop = await openAtlas(browser, returning);
});
afterAll(async () => {
  await desktop?.context.close();
  await browser?.close();
});

/** Sets a point site and a project type as a link or window.atlas would, and waits for the card. */
async function screen(page: Page, projectType: string, coordinates: [number, number]): Promise<void> {
  await page.evaluate(
    ([type, point]) =>
      window.atlas.setState({
        panel: 'screening',
        projectType: type as never,
        site: { type: 'Point', coordinates: point as [number, number] },
      }),
    [projectType, coordinates] as const,
  );
  await page.waitForFunction(
    ([x, y]) => {
      const card = document.querySelector('screening-panel')?.shadowRoot?.querySelector('.verdict');
      return (
        card !== null &&
        card !== undefined &&
        window.atlas.getState().site?.type === 'Point' &&
        JSON.stringify((window.atlas.getState().site as { coordinates: number[] }).coordinates) === JSON.stringify([x, y])
      );
    },
    coordinates,
    { timeout: 60_000 },
  );
}

const text = (page: Page, selector: string) =>
  page
    .locator(`screening-panel ${selector}`)
    .allTextContents()
    .then((all) => all.join('\n'));

describe('the verdict card says what the verdict rests on', () => {
  test('solar PV in the Kubuqi base is not a certain "restricted": the illustrative red line is the weakest link', async () => {
    const { page } = desktop;
    await screen(page, 'solar-pv', [108.7, 40.2]);
    const report = await page.evaluate(() => window.atlas.screen(window.atlas.getState().site, 'solar-pv'));
    expect(report.certainty).toBe('uncertain');
    expect(report.weakest?.doubt).toBe('illustrative-zone');
    await expect(text(page, '.verdict .range')).resolves.toMatch(/结论不确定：视边界核实结果，可能为“未涉及管控”至“限制”/);
    const conclusion = await text(page, '.conclusion');
    expect(conclusion).toBe(report.conclusion.zh);
    expect(conclusion).toContain('最薄弱的依据');
    expect(conclusion).toMatch(/示意/);
    // The decisive row is marked, and its doubt (the zone is a sketch) is on screen beside its rule.
    const decisive = page.locator('screening-panel .hits > li.decisive');
    await expect(decisive.first().textContent()).resolves.toMatch(/决定结论的规定[\s\S]*示意图形/);
    // Rules made for the whole region are folded; what the map cannot test is listed with its reason.
    await expect(page.locator('screening-panel details.untestable summary').textContent()).resolves.toMatch(
      /地图上无法检验的规定（\d+ 条）/,
    );
    await screenshot(page, 'verdict-card-kubuqi');
    const download = page.waitForEvent('download');
    await page.locator('screening-panel [data-export=csv]').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('各项理由与存疑');
    expect(csv).toContain('不确定');
    expect(csv).toContain('示意图形');
  });

  test("a chemical park at 120.90 E 44.83 N is not certainly under Hinggan's rule", async () => {
    const { page } = desktop;
    await screen(page, 'chemical-park', [120.9, 44.83]);
    await expect(text(page, '.verdict .range')).resolves.toContain('结论不确定');
    const hinggan = await text(page, '.hits > li[data-zone=hinggan]');
    expect(hinggan).toContain('不再布局新的化工园区');
    expect(hinggan).toMatch(/兴安盟所绘边界 \d+ 公里，在其 73 公里精度范围内/);
    // The map draws a band along Hinggan's edge; the card says what the band means.
    await expect(text(page, '.band-hint')).resolves.toContain('浅色宽带是所绘边界的精度范围');
  });

  test('steel at 106.99 E 39.57 N keeps the Ordos rules, each saying it depends on the Ordos-Wuhai edge', async () => {
    const { page } = desktop;
    await screen(page, 'steel', [106.99, 39.57]);
    const report = await page.evaluate(() => window.atlas.screen(window.atlas.getState().site, 'steel'));
    const ordos = report.hits.filter((hit) => hit.ruleId?.startsWith('od-'));
    expect(ordos.length).toBeGreaterThan(0);
    const rows = await text(page, '.hits > li[data-zone=ordos]');
    for (const hit of ordos.filter((one) => one.zoneId === 'ordos')) expect(rows).toContain(hit.summary!.zh);
    expect(rows).toMatch(/鄂尔多斯市所绘边界“与乌海市的边界（手绘）”一段[\s\S]*是否在鄂尔多斯市境内决定此规定是否适用/);
  });

  test('PV glass at 棋盘井 shows the exemption with its citation', async () => {
    const { page } = desktop;
    await screen(page, 'pv-glass', [107.0, 39.36]);
    const exempt = page.locator('screening-panel .hits > li[data-zone=qipanjing-mengxi]', { hasText: '文件明确不含光伏玻璃' });
    await expect(exempt.textContent()).resolves.toMatch(/豁免: 文件明确不含光伏玻璃/);
    await expect.poll(() => exempt.locator('.cite blockquote mark').textContent()).toMatch(/不含光伏玻璃/);
    await screenshot(page, 'verdict-card-qipanjing-pv-glass');
  });

  test('a chemical park in the Liao basin gets no Yellow River rule', async () => {
    const { page } = desktop;
    await screen(page, 'chemical-park', [122.3, 43.6]);
    const report = await page.evaluate(() => window.atlas.screen(window.atlas.getState().site, 'chemical-park'));
    expect(report.hits.some((hit) => hit.ruleId?.startsWith('eco-yellow-river'))).toBe(false);
    expect(await text(page, '.hits')).not.toContain('黄河');
    expect(desktop.errors).toEqual([]);
  });
});

describe('the map and the print follow the site', () => {
  test('a pasted point far from the current view moves the map to it, and its print maps it with a locator', async () => {
    const atlas = await openAtlas(browser, returning);
    const { page } = atlas;
    await page.evaluate(() => window.atlas.setState({ panel: 'screening', projectType: 'steel', view: { center: [108, 40], zoom: 9 } }));
    await page.locator('screening-panel details summary').first().click();
    await page.locator('screening-panel textarea').fill('122.3, 43.6');
    await page.locator('screening-panel form button[type=submit]').click();
    // The point lies inside the new view (the map is 960 x 752 CSS pixels beside the panel; 512-pixel world at zoom 0).
    await page.waitForFunction(
      () => {
        const { center, zoom } = window.atlas.getState().view;
        const degrees = 360 / (512 * 2 ** zoom);
        return Math.abs(center[0] - 122.3) < 480 * degrees && Math.abs(center[1] - 43.6) < 376 * degrees * Math.cos((43.6 * Math.PI) / 180);
      },
      undefined,
      { timeout: 60_000 },
    );
    await expect(text(page, '.verdict .source')).resolves.toBe('粘贴 1 点');
    // setState resolves once the map is idle: the zones, bands and dimming are drawn by then.
    await page.evaluate(() => window.atlas.setState({}));
    const pixels = await screenshot(page, 'verdict-map-pasted-point');
    expect(pixels.width).toBe(1280);

    // The live view moves away: the print still maps the site's extent.
    await page.evaluate(() => window.atlas.setState({ view: { center: [110, 41], zoom: 5 } }));
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.locator('screening-panel [data-export=print]').click();
    // Framing, drawing and capturing the print's map takes seconds of software WebGL on a busy machine.
    await page.locator('#print-report img').waitFor({ state: 'attached', timeout: 120_000 });
    const source = await page.locator('#print-report img').getAttribute('src');
    const image = PNG.sync.read(Buffer.from(source!.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const colours = new Set<number>();
    let site = 0;
    for (let offset = 0; offset < image.data.length; offset += 4) {
      const [r, g, b] = [image.data[offset]!, image.data[offset + 1]!, image.data[offset + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      // The site's edge colour, #0d47a1.
      if (Math.abs(r - 13) < 20 && Math.abs(g - 71) < 20 && Math.abs(b - 161) < 20) site += 1;
    }
    expect(colours.size).toBeGreaterThan(200);
    expect(site).toBeGreaterThan(30);
    await expect(page.locator('#print-report .conclusion').textContent()).resolves.toContain('最薄弱的依据');
    await expect(page.locator('#print-report strong.source').textContent()).resolves.toBe('粘贴 1 点');
    await expect(page.locator('#print-report svg.locator circle').count()).resolves.toBe(1);
    expect((await page.evaluate(() => window.atlas.getState().view)).zoom).toBe(5);
    await page.emulateMedia({ media: 'print' });
    writeFileSync(`${artifacts}/verdict-print.png`, await page.screenshot({ fullPage: true }));
    await page.emulateMedia({ media: 'screen' });
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  }, 240_000);

  test('on a phone the verdict headline shows in a bottom sheet without opening the menu', async () => {
    const atlas = await openAtlas(browser, { ...returning, viewport: { width: 390, height: 844 } });
    const { page } = atlas;
    await page.evaluate(() => window.atlas.setState({ projectType: 'solar-pv', site: { type: 'Point', coordinates: [108.7, 40.2] } }));
    const sheet = page.locator('verdict-sheet');
    await sheet.locator('strong').waitFor();
    await expect(page.locator('#side-panel').isHidden()).resolves.toBe(true);
    await expect(sheet.locator('strong').textContent()).resolves.toBe('限制');
    await expect(sheet.locator('.range').textContent()).resolves.toContain('结论不确定');
    const box = (await sheet.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(844, -1);
    await screenshot(page, 'verdict-sheet-phone');
    await sheet.locator('button').click();
    await expect(page.locator('#side-panel').isVisible()).resolves.toBe(true);
    await expect(page.locator('screening-panel .verdict strong').textContent()).resolves.toBe('限制');
    await screenshot(page, 'verdict-card-phone');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });
});
