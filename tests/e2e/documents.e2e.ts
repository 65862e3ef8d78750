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

const sentence = '持续加强产业集群环境治理，棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃（不含光伏玻璃）等产能。';
/** The feature's citation quotes the zone's place; the rule on it (od-qipanjing-capacity-control) quotes its exemption too. */
const quote = '棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃';
const ruleQuote = `${quote}（不含光伏玻璃）等产能`;

/** The reader's highlighted passage and its marked words, once the text has loaded. */
async function passage(page: Page) {
  const highlighted = page.locator('document-reader .passage');
  await highlighted.first().waitFor();
  return {
    text: (await highlighted.allTextContents()).join(''),
    marked: await page.locator('document-reader .passage mark').allTextContents(),
  };
}

describe('the documents in the atlas', () => {
  test('a 棋盘井 citation opens the Ordos plan at its whole sentence; search; a copied link reopens the passage', async () => {
    const { page, context, errors } = await openAtlas(browser);
    await page.evaluate(() => window.atlas.setState({ selection: { layer: 'restricted-zones', id: 'qipanjing-mengxi' } }));

    // The feature panel shows each citation as its whole sentence, with the document's short title.
    const citation = page.locator('feature-panel document-citation').filter({ hasText: '棋盘井蒙西地区严格控制' }).first();
    await expect.poll(() => citation.locator('blockquote').textContent()).toBe(sentence);
    await expect(citation.locator('cite').textContent()).resolves.toBe('鄂尔多斯市减污降碳协同增效实施方案');
    await expect(citation.locator('.place').textContent()).resolves.toBe('二、加强源头防控 › （五）加强生态环境准入管理');
    await citation.locator('button.open').click();

    const shown = await passage(page);
    expect(shown.text).toBe(sentence);
    expect(shown.marked).toEqual(['棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃']);
    await expect(page.locator('document-reader h2').textContent()).resolves.toBe('鄂尔多斯市减污降碳协同增效实施方案');
    const state = await page.evaluate(() => window.atlas.getState());
    expect(state.reader).toEqual({ doc: 'ordos-pollution-carbon', line: 25, quote: '棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃' });
    // What cites this sentence: the zone itself and the rule on it, each leading there.
    const cites = page.locator('document-reader .cites');
    await expect.poll(() => cites.textContent()).toMatch(/本句依据 →\s*1 个区域、\d+ 条规定/);
    await expect(cites.locator('button[data-kind=zone][data-id=qipanjing-mengxi]').count()).resolves.toBe(1);
    await expect(cites.locator('button[data-kind=rule][data-id=od-qipanjing-capacity-control]').count()).resolves.toBe(1);
    await screenshot(page, 'documents-reader-qipanjing');

    // Full-text search across the five documents, with the words highlighted in each sentence found.
    await page.locator('document-reader input[type=search]').fill('化工园区');
    await page.locator('document-reader form button[type=submit]').click();
    const hits = page.locator('document-reader .hits li');
    await hits.first().waitFor();
    const where = await page.locator('document-reader .hits .where').allTextContents();
    expect(new Set(where.map((text) => text.split(' · ')[0]))).toEqual(
      new Set(['内蒙古自治区“十四五”生态环境保护规划', '兴安盟应对气候变化“十四五”规划']),
    );
    expect(new Set(await page.locator('document-reader .hits mark').allTextContents())).toEqual(new Set(['化工园区']));
    await screenshot(page, 'documents-search');

    // The link carries the passage; a fresh page opened from it shows the same sentence highlighted.
    await page.locator('document-reader .hits li button', { hasText: '严禁在黄河干流和主要支流岸线1公里范围内新建化工园区' }).click();
    const yellowRiver = await passage(page);
    expect(yellowRiver.text).toContain('严禁在黄河干流和主要支流岸线1公里范围内新建化工园区');
    await page.evaluate(() =>
      window.atlas.setState({
        reader: { doc: 'ordos-pollution-carbon', line: 25, quote: '棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃' },
      }),
    );
    await expect.poll(async () => (await passage(page)).text).toBe(sentence);
    const url = await page.evaluate(() => window.atlas.shareUrl());
    expect(url).toContain('doc=ordos-pollution-carbon&line=25');
    expect(errors).toEqual([]);
    await context.close();

    const reopened = await openAtlas(browser, { hash: url.slice(url.indexOf('#')) });
    const again = await passage(reopened.page);
    expect(again.text).toBe(sentence);
    expect(again.marked).toEqual(['棋盘井蒙西地区严格控制钢铁、电解铝、水泥、平板玻璃']);

    // Following the zone that cites the sentence closes the reader and opens the zone on the map.
    await reopened.page.locator('document-reader .cites button[data-kind=zone]').click();
    await expect
      .poll(() => reopened.page.evaluate(() => window.atlas.getState().selection))
      .toEqual({ layer: 'restricted-zones', id: 'qipanjing-mengxi' });
    await expect(reopened.page.locator('document-reader').count()).resolves.toBe(0);
    expect(reopened.errors).toEqual([]);
    await reopened.context.close();
  });

  test('the verdict card and the print show the 棋盘井 rule as its whole sentence; the card opens the reader there', async () => {
    const { page, context, errors } = await openAtlas(browser);
    // Steel at 棋盘井, set as a link or window.atlas would set it (as in verdict-screen.e2e.ts).
    await page.evaluate(() =>
      window.atlas.setState({ panel: 'screening', projectType: 'steel', site: { type: 'Point', coordinates: [107.0, 39.36] } }),
    );
    await page.locator('screening-panel .verdict').waitFor({ timeout: 60_000 });

    const citation = page
      .locator('screening-panel .hits > li[data-zone=qipanjing-mengxi] document-citation')
      .filter({ hasText: '棋盘井蒙西地区严格控制' })
      .first();
    await expect.poll(() => citation.locator('blockquote').textContent(), { timeout: 30_000 }).toBe(sentence);
    await expect(citation.locator('blockquote mark').textContent()).resolves.toBe(ruleQuote);
    await expect(citation.locator('cite').textContent()).resolves.toBe('鄂尔多斯市减污降碳协同增效实施方案');
    // The rules the map cannot test are cited the same way (their sentences are checked in tests/unit/sentences.test.ts).
    const untestable = page.locator('screening-panel details.untestable document-citation');
    expect(await untestable.count()).toBeGreaterThan(0);
    await expect.poll(() => untestable.first().locator('.place').count()).toBe(1);
    await citation.scrollIntoViewIfNeeded();
    await screenshot(page, 'documents-verdict-card');

    await citation.locator('button.open').click();
    const opened = await passage(page);
    expect(opened.text).toBe(sentence);
    expect(opened.marked).toEqual([ruleQuote]);
    await expect(page.locator('document-reader h2').textContent()).resolves.toBe('鄂尔多斯市减污降碳协同增效实施方案');
    expect((await page.evaluate(() => window.atlas.getState())).reader).toEqual({
      doc: 'ordos-pollution-carbon',
      line: 25,
      quote: ruleQuote,
    });
    await screenshot(page, 'documents-reader-from-verdict');
    await page.locator('document-reader button.close').click();

    // The print waits for the cited documents' texts, so it shows the whole sentence too.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.locator('screening-panel [data-export=print]').click();
    await page.locator('#print-report img').waitFor({ state: 'attached', timeout: 120_000 });
    const printed = page.locator('#print-report tr', { hasText: '棋盘井蒙西地区' }).locator('.citation q', { hasText: ruleQuote }).first();
    await expect(printed.textContent()).resolves.toBe(sentence);
    await expect(printed.locator('mark').textContent()).resolves.toBe(ruleQuote);
    await expect(page.locator('#print-report').textContent()).resolves.not.toMatch(/[0-9a-f]{16}\.txt/);
    await page.emulateMedia({ media: 'print' });
    await printed.scrollIntoViewIfNeeded();
    await screenshot(page, 'documents-print');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  test('on a phone the reader fills the screen, with the outline folded above the text', async () => {
    const { page, context, errors } = await openAtlas(browser, {
      viewport: { width: 390, height: 844 },
      hash: '#doc=nm-ecology-14th&line=1730&q=严禁在黄河干流和主要支流岸线1公里范围内新建化工园区',
    });
    const shown = await passage(page);
    expect(shown.text).toMatch(/^强化黄河流域水资源刚性约束.*推动沿黄高耗水、高污染企业入园。$/);
    const box = await page.locator('document-reader').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await expect(page.locator('document-reader details.outline summary').isVisible()).resolves.toBe(true);
    await expect(page.locator('document-reader .passage').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'documents-reader-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
