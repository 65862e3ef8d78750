import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openAtlas, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the policy ledger', () => {
  test('atlas.ledger() returns every target, with the map-measured rows measured', async () => {
    const atlas = await openAtlas(browser);
    const rows = await atlas.page.evaluate(() => window.atlas.ledger());
    expect(rows.length).toBeGreaterThan(400);
    const redLine = rows.find((row) => row.status === 'measured on illustrative data' && row.indicator.zh.includes('红线'));
    expect(redLine?.measured?.unit).toBe('%');
    expect(rows.find((row) => row.id === 'od-renewable-capacity-2025')?.measured?.unit).toBe('MW');
    await atlas.context.close();
  });

  test('open the ledger, filter to Ordos, select a row and see its features highlighted', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.locator('#tab-ledger').click();
    await page.waitForFunction(() => window.atlas.getState().panel === 'ledger');
    const options = page.locator('ledger-panel li[role=option]');
    await options.first().waitFor();
    const all = await options.count();
    await page.locator('ledger-panel select[name=region]').selectOption('ordos');
    const ordos = await options.count();
    expect(ordos).toBeGreaterThan(10);
    expect(ordos).toBeLessThan(all);
    await expect(options.first().textContent()).resolves.toContain('鄂尔多斯');
    await page.locator('ledger-panel input[name=measured]').check();
    const row = options.first();
    await row.focus();
    await page.keyboard.press('Enter');
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(row.locator('.cite').textContent()).resolves.toContain('鄂尔多斯市减污降碳协同增效实施方案');
    await expect(row.locator('.bars').count()).resolves.toBe(1);
    const view = await page.waitForFunction(() => {
      const { center, zoom } = window.atlas.getState().view;
      return zoom > 5.5 && center[0] > 106 && center[0] < 111.5 ? { center, zoom } : null;
    });
    expect(await view.jsonValue()).not.toBeNull();
    await screenshot(page, 'ledger-ordos');
    const download = page.waitForEvent('download');
    await page.locator('ledger-panel button.csv').click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });
});
