/**
 * The README's three pictures, remade from the built atlas (a script, not a test): `npx tsx tests/readme-screenshots.ts`
 * after `npm run build`. Writes public/screenshot.png (desktop, whole region), public/screenshot-phone.png (390×844,
 * a steel site screened at 棋盘井, its verdict in the sheet) and public/export-2x.png (the same site exported at 2×
 * with a title). Look at each before committing it: nothing here checks what they show.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { previewBuilt } from './e2e/serve.ts';
import { aboutSeenKey } from '../src/app/presenting.ts';
import { launch } from './e2e/browser.ts';

const root = new URL('..', import.meta.url).pathname;
const site = { type: 'Point', coordinates: [107.1, 39.5] };

/** A returning visitor's page (the About panel stays shut), ready and idle. */
async function open(browser: Browser, baseUrl: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
  await context.addInitScript((key) => localStorage.setItem(key, '1'), aboutSeenKey);
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.atlas !== undefined);
  await page.evaluate(() => window.atlas.ready);
  return page;
}

/** Screens the site as steel, framed on 棋盘井, and waits for the verdict and the map to settle. */
async function screenSite(page: Page): Promise<void> {
  await page.evaluate(
    (geometry) =>
      window.atlas.setState({
        site: geometry as never,
        projectType: 'steel',
        view: { center: [107.05, 39.45], zoom: 8.6 },
        layers: { 'red-line-areas': { visible: true } },
      }),
    site,
  );
  await page.waitForFunction(() => document.querySelector('atlas-app')!.atlas.screening.current?.report !== undefined);
  await page.waitForTimeout(1500);
}

const server = await previewBuilt(join(root, 'dist'));
const { baseUrl } = server;
const browser = await launch();
try {
  const desktop = await open(browser, baseUrl, { width: 1280, height: 800 });
  await desktop.waitForTimeout(1500);
  writeFileSync(join(root, 'public/screenshot.png'), await desktop.screenshot());

  const phone = await open(browser, baseUrl, { width: 390, height: 844 });
  await screenSite(phone);
  writeFileSync(join(root, 'public/screenshot-phone.png'), await phone.screenshot());

  const slide = await open(browser, baseUrl, { width: 1280, height: 800 });
  await screenSite(slide);
  const { dataUrl } = await slide.evaluate(() =>
    window.atlas.exportImage({ scale: 2, title: '棋盘井选址', subtitle: '钢铁项目 · 汇报用图' }),
  );
  writeFileSync(join(root, 'public/export-2x.png'), Buffer.from(dataUrl.split(',')[1]!, 'base64'));
} finally {
  await browser.close();
  await server.close();
}
