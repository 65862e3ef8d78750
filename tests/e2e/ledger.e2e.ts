import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openAtlas, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const renewable = 'od-renewable-capacity-2025';
/** The whole sentence its citation sits in (seeds/ordos-pollution-carbon.txt, line 28). */
const sentence = '到2025年，争取可再生能源装机达到5000万千瓦，装机比重达到50%，可再生能源电力消纳占比达到35%以上。';
const cjk = /[\u3400-\u9fff]/;

async function openLedger(page: Page): Promise<void> {
  await page.locator('#tab-ledger').click();
  await page.waitForFunction(() => window.atlas.getState().panel === 'ledger');
  await page.locator('ledger-panel li[role=option]').first().waitFor();
}

/** The summary's count for each status, as the buttons at the top show them. */
const summaryCounts = (page: Page): Promise<Record<string, number>> =>
  page
    .locator('ledger-summary .counts button')
    .evaluateAll((buttons) =>
      Object.fromEntries(buttons.map((button) => [button.getAttribute('data-status'), Number(button.querySelector('b')!.textContent)])),
    );

describe('the policy ledger', () => {
  test('atlas.ledger() gives every row a status and a reason; illustrative rows are never met or not met', async () => {
    const atlas = await openAtlas(browser);
    const rows = await atlas.page.evaluate(() => window.atlas.ledger());
    expect(rows.length).toBeGreaterThan(400);
    for (const row of rows) expect(row.reason.zh.length * row.reason.en.length, row.id).toBeGreaterThan(0);
    expect(rows.filter((row) => row.measured && row.status === 'measured on illustrative data').length).toBeGreaterThan(0);
    expect(rows.find((row) => row.id === renewable)?.measured?.unit).toBe('MW');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test(`enter a reported value for ${renewable}, see it met or not met with its source, kept after a reload`, async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await openLedger(page);
    await page.locator('ledger-panel select[name=place]').selectOption('ordos');
    const row = page.locator(`ledger-panel li[data-row=${renewable}]`);
    await row.click();
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(row.locator('.figures').textContent()).resolves.toContain('5,000 万千瓦');
    const form = row.locator('ledger-row-details form');
    const source = '鄂尔多斯市2025年国民经济和社会发展统计公报';
    await form.locator('input[name=value]').fill('5230');
    await form.locator('input[name=source]').fill(source);
    await form.locator('button[type=submit]').click();
    await page.waitForFunction(
      (id) =>
        document.querySelector('atlas-app ledger-panel')?.shadowRoot?.querySelector(`li[data-row="${id}"]`)?.getAttribute('data-status') ===
        'met',
      renewable,
    );
    await expect(row.locator('.badge').textContent()).resolves.toContain('已达到');
    await expect(row.locator('.reason').textContent()).resolves.toContain(source);
    await expect(row.locator('ul.actuals').textContent()).resolves.toContain(source);
    await screenshot(page, 'ledger-actual-met');

    await page.reload();
    await page.evaluate(() => window.atlas.ready);
    await page.locator(`ledger-panel li[data-row=${renewable}]`).waitFor();
    await expect(page.locator(`ledger-panel li[data-row=${renewable}]`).getAttribute('data-status')).resolves.toBe('met');
    await expect(page.locator('ledger-panel .storage').textContent()).resolves.toContain('保存在本浏览器中');

    const reopened = page.locator(`ledger-panel li[data-row=${renewable}]`);
    await reopened.locator('ul.actuals button.remove').click();
    const details = reopened.locator('ledger-row-details form');
    await details.locator('input[name=value]').fill('4100');
    await details.locator('input[name=unit]').fill('万千瓦');
    await details.locator('input[name=source]').fill('https://example.org/ordos-bulletin-2025');
    await details.locator('button[type=submit]').click();
    await page.waitForFunction(
      (id) =>
        document.querySelector('atlas-app ledger-panel')?.shadowRoot?.querySelector(`li[data-row="${id}"]`)?.getAttribute('data-status') ===
        'not met',
      renewable,
    );
    await expect(reopened.locator('.reason').textContent()).resolves.toContain('https://example.org/ordos-bulletin-2025');
    // A value in a unit of another kind is refused, with the reason, and changes nothing.
    await details.locator('input[name=value]').fill('12');
    await details.locator('input[name=unit]').fill('km²');
    await details.locator('input[name=source]').fill('wrong unit');
    await details.locator('button[type=submit]').click();
    await expect(reopened.locator('[role=alert]').textContent()).resolves.toContain("km² cannot be compared with the target's 万千瓦");
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test("an opened row shows its whole cited sentence, its place in the document and the map figure's range, and opens the reader there", async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await openLedger(page);
    await page.locator('ledger-panel select[name=place]').selectOption('ordos');
    const row = page.locator(`ledger-panel li[data-row=${renewable}]`);
    await row.click();
    // The map figure with the range its edges' accuracy allows, and the reason saying how the range was found.
    await expect(row.locator('.map').textContent()).resolves.toMatch(/范围 [\d,.]+–[\d,.]+ 万千瓦/);
    await expect(row.locator('.reason').textContent()).resolves.toContain('范围按边缘附近的要素');
    const citation = row.locator('ledger-row-details document-citation');
    // The text loads lazily: the quote first, then the sentence around it.
    await page.waitForFunction(
      (id) =>
        document
          .querySelector('atlas-app ledger-panel')
          ?.shadowRoot?.querySelector(`li[data-row="${id}"] ledger-row-details`)
          ?.shadowRoot?.querySelector('document-citation')
          ?.shadowRoot?.querySelector('.place') !== null,
      renewable,
    );
    await expect(citation.locator('blockquote').textContent()).resolves.toBe(sentence);
    await expect(citation.locator('blockquote mark').textContent()).resolves.toBe('可再生能源装机达到5000万千瓦');
    await expect(citation.locator('.place').textContent()).resolves.toBe(
      '二、加强源头防控 › （六）推动能源绿色低碳转型 › 1.大力发展可再生能源',
    );
    await expect(citation.locator('.source').textContent()).resolves.toContain('第28行');
    await screenshot(page, 'ledger-row-sentence');
    await citation.locator('button.open').click();
    await page.waitForFunction(() => window.atlas.getState().reader?.doc === 'ordos-pollution-carbon');
    expect(await page.evaluate(() => window.atlas.getState().reader)).toEqual({
      doc: 'ordos-pollution-carbon',
      line: 28,
      quote: '可再生能源装机达到5000万千瓦',
    });
    const passage = page.locator('document-reader .passage');
    await passage.waitFor();
    await expect(passage.textContent()).resolves.toContain(sentence);
    await expect(page.locator('document-reader .passage mark').allTextContents()).resolves.toContain('可再生能源装机达到5000万千瓦');
    await screenshot(page, 'ledger-row-reader');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('the wide table shows each citation as its sentence, and its button opens the reader without selecting the row', async () => {
    const atlas = await openAtlas(browser, { viewport: { width: 1600, height: 900 } });
    const { page } = atlas;
    await openLedger(page);
    await page.locator('ledger-panel select[name=place]').selectOption('ordos');
    await page.locator('ledger-panel button[name=table]').click();
    const cell = page.locator(`ledger-table tr[data-row=${renewable}] td.citation document-citation`);
    await cell.locator('.place').waitFor();
    await expect(cell.locator('blockquote').textContent()).resolves.toBe(sentence);
    await expect(cell.locator('blockquote mark').textContent()).resolves.toBe('可再生能源装机达到5000万千瓦');
    await screenshot(page, 'ledger-table-sentence');
    await cell.locator('button.open').click();
    await page.waitForFunction(() => window.atlas.getState().reader?.line === 28);
    expect(await page.evaluate(() => window.atlas.getState().ledger?.row ?? '')).toBe('');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('import a CSV of ten reported values and see the summary counts change; export them again', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await openLedger(page);
    const rows = await page.evaluate(() => window.atlas.ledger());
    const chosen = rows
      .filter(
        (row) =>
          !row.qualitative &&
          row.comparator !== 'reported' &&
          row.actuals.length === 0 &&
          typeof row.target?.value === 'number' &&
          typeof row.target.year === 'number' &&
          row.status !== 'met',
      )
      .slice(0, 10);
    expect(chosen).toHaveLength(10);
    const before = await summaryCounts(page);
    const csv = [
      'target_id,value,unit,year,source',
      ...chosen.map((row) => `${row.id},${row.target!.value},${row.unit},${row.target!.year},"自治区统计公报, ${row.target!.year}"`),
    ].join('\n');
    await page
      .locator('ledger-panel input[name=actuals]')
      .setInputFiles({ name: 'actuals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(
      (count) =>
        document
          .querySelector('atlas-app ledger-panel')
          ?.shadowRoot?.querySelector('ledger-summary')
          ?.shadowRoot?.querySelector('button[data-status=met] b')?.textContent === String(count),
      before['met']! + 10,
    );
    const after = await summaryCounts(page);
    expect(after['met']).toBe(before['met']! + 10);
    expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    await expect(page.locator('ledger-panel .storage').textContent()).resolves.toContain('10');
    await page.locator('ledger-summary').screenshot({ path: 'tests/artifacts/ledger-summary.png' });
    const download = page.waitForEvent('download');
    await page.locator('ledger-panel button.export-actuals').click();
    const saved = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(saved, 'utf8').trim().split(/\r?\n/)).toHaveLength(11);
    const ledgerCsv = page.waitForEvent('download');
    await page.locator('ledger-panel button.csv').click();
    const table = readFileSync(await (await ledgerCsv).path(), 'utf8');
    expect(table.startsWith('\uFEFF编号,文件,文号,文中位置,原文,原文句子,')).toBe(true);
    // The export waited for the documents' texts: places are headings and lines, sentences whole.
    expect(table).toContain('二、加强源头防控 › （六）推动能源绿色低碳转型 › 1.大力发展可再生能源，第28行');
    expect(table).toContain(sentence);
    expect(table).toContain('自治区统计公报');
    expect(table).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('says so when browser storage is unavailable, and still judges for this page', async () => {
    const atlas = await openAtlas(browser, {
      before: async (context) => {
        await context.addInitScript(() => {
          Storage.prototype.setItem = () => {
            throw new DOMException('blocked', 'SecurityError');
          };
        });
      },
    });
    const { page } = atlas;
    await openLedger(page);
    await page.locator('ledger-panel select[name=place]').selectOption('ordos');
    const row = page.locator(`ledger-panel li[data-row=${renewable}]`);
    await row.click();
    await row.locator('input[name=value]').fill('5230');
    await row.locator('input[name=source]').fill('统计公报');
    await row.locator('button[type=submit]').click();
    await page.waitForFunction(
      () => document.querySelector('atlas-app ledger-panel')?.shadowRoot?.querySelector('.storage.unavailable') !== null,
    );
    await expect(row.getAttribute('data-status')).resolves.toBe('met');
    await expect(page.locator('ledger-panel .storage').textContent()).resolves.toContain('浏览器存储不可用');
    await atlas.context.close();
  });

  test("filter to Hinggan and see the summary bars and a row's baseline -> target chart", async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await openLedger(page);
    await page.locator('ledger-panel select[name=place]').selectOption('hinggan');
    const bars = page.locator('ledger-summary .stack[role=img]');
    await bars.first().waitFor();
    await expect(bars.first().getAttribute('aria-label')).resolves.toMatch(/兴安盟应对气候变化|兴安盟/);
    const rows = await page.evaluate(() => window.atlas.ledger());
    const timed = rows.find(
      (row) =>
        row.scope.id === 'hinggan' &&
        typeof row.baseline?.value === 'number' &&
        typeof row.baseline.year === 'number' &&
        typeof row.target?.value === 'number' &&
        typeof row.target.year === 'number',
    )!;
    await page.locator(`ledger-panel li[data-row=${timed.id}]`).click();
    const chart = page.locator(`ledger-panel li[data-row=${timed.id}] ledger-chart svg`);
    await chart.waitFor();
    const label = await chart.getAttribute('aria-label');
    expect(label).toContain(`基期 ${timed.baseline!.year}`);
    expect(label).toContain(`目标 ${timed.target!.year}`);
    await expect(chart.locator('circle').count()).resolves.toBe(2);
    await screenshot(page, 'ledger-hinggan-chart');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('in English no place is named in Chinese only, and themes read as words', async () => {
    const atlas = await openAtlas(browser, { locale: 'en-US' });
    const { page } = atlas;
    await openLedger(page);
    const places = await page.locator('ledger-panel select[name=place] option').allTextContents();
    expect(places.filter((place) => cjk.test(place))).toEqual([]);
    expect(places).toContain('Hinggan League');
    const themes = await page.locator('ledger-panel select[name=theme] option').allTextContents();
    expect(themes).toEqual(expect.arrayContaining(['air', 'climate', 'energy']));
    const scopes = await page
      .locator('ledger-panel li .figures')
      .evaluateAll((lines) => lines.map((line) => line.textContent!.split(' · ')[0]!));
    expect(scopes.filter((scope) => cjk.test(scope))).toEqual([]);
    await page.locator('ledger-panel select[name=place]').selectOption('hinggan');
    await expect(page.locator('ledger-panel li .figures').first().textContent()).resolves.toMatch(/^Hinggan League · /);
    const summary = await page.locator('ledger-summary .counts').textContent();
    expect(summary).not.toMatch(cjk);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('the wide table sorts and chooses columns, and a link reopens filters, view and selected row', async () => {
    const atlas = await openAtlas(browser, { viewport: { width: 1600, height: 900 } });
    const { page } = atlas;
    await openLedger(page);
    await page.locator('ledger-panel select[name=place]').selectOption('ordos');
    await page.locator('ledger-panel select[name=theme]').selectOption('energy');
    await page.locator('ledger-panel button[name=table]').click();
    const table = page.locator('ledger-table');
    await table.locator('th[data-column=status] button').click();
    await table.locator('th[data-column=status] button').click();
    await expect(table.locator('th[data-column=status]').getAttribute('aria-sort')).resolves.toBe('descending');
    await table.locator('input[name=column][value=reason]').check();
    // On its indicator: the row also holds the citation's button, which opens the reader instead.
    await table.locator(`tr[data-row=${renewable}] td.indicator`).click();
    await page.waitForFunction((id) => window.atlas.getState().ledger?.row === id, renewable);
    await screenshot(page, 'ledger-table');
    const link = await page.waitForFunction(() => {
      const url = window.atlas.shareUrl();
      return url.includes('led.row=') && url.includes('led.cols=') ? url : null;
    });
    const url = (await link.jsonValue()) as string;
    expect(url).toContain('led.place=ordos');
    expect(url).toContain('led.view=table');

    const other = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    const reopened = await other.newPage();
    await reopened.goto(url);
    await reopened.waitForFunction(() => window.atlas !== undefined);
    await reopened.evaluate(() => window.atlas.ready);
    await reopened.locator(`ledger-panel li[data-row=${renewable}][aria-selected=true]`).waitFor();
    await expect(reopened.locator('ledger-panel select[name=place]').inputValue()).resolves.toBe('ordos');
    await expect(reopened.locator('ledger-panel select[name=theme]').inputValue()).resolves.toBe('energy');
    await expect(reopened.locator('ledger-table th[data-column=status]').getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(reopened.locator('ledger-table th[data-column=reason]').count()).resolves.toBe(1);
    await expect(reopened.locator(`ledger-table tr[data-row=${renewable}]`).getAttribute('aria-selected')).resolves.toBe('true');
    await other.close();
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });
});
