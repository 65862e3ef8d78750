// Every panel, popup, card and export in each language: no text of the other script (beyond names given in both,
// quoted document text, brands and units) and no raw ids.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openAtlas, screenshot } from './browser.ts';
import { knownIds, problems, readableText } from './language-text.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ids = knownIds();

/** Reads what `root` shows and lists every problem with where it was found. */
async function check(page: Page, root: string, lang: 'zh' | 'en', seen: string[]): Promise<string[]> {
  const texts = await readableText(page, root, lang === 'zh' ? 'en' : 'zh');
  seen.push(root);
  return texts.flatMap(({ text, where }) =>
    problems(text, lang, ids).map((problem) => `${root} ${where}: ${problem} in "${text.slice(0, 90)}"`),
  );
}

const layerIds = (page: Page) => page.evaluate(() => Object.keys(window.atlas.getState().layers));

describe.each(['zh', 'en'] as const)('the %s interface', (lang) => {
  test('every panel, popup, card, control and export reads in one language with no raw ids', { timeout: 240_000 }, async () => {
    const atlas = await openAtlas(browser, { locale: lang === 'zh' ? 'zh-CN' : 'en-US', firstVisit: true });
    const { page } = atlas;
    const found: string[] = [];
    const seen: string[] = [];
    // The first visit opens the About panel.
    await page.locator('about-panel .documents li').nth(4).waitFor();
    found.push(...(await check(page, 'about-panel', lang, seen)));
    await page.locator('about-panel button.dismiss').click();
    await page.locator('about-panel').waitFor({ state: 'detached' });

    // Every layer on: the layer panel, the map's controls and its one-line credit.
    const layers = await layerIds(page);
    await page.evaluate((all) => window.atlas.setState({ layers: Object.fromEntries(all.map((id) => [id, { visible: true }])) }), layers);
    found.push(
      ...(await check(page, 'header.bar', lang, seen)),
      ...(await check(page, 'share-tools', lang, seen)),
      ...(await check(page, 'export-options', lang, seen)),
      ...(await check(page, 'layer-panel', lang, seen)),
      ...(await check(page, 'search-box', lang, seen)),
      ...(await check(page, '.maplibregl-control-container', lang, seen)),
    );

    // Popups: a feature of each thematic layer, and features that name a league.
    // Selected the way a click selects (the panel renders at once; the map's highlight is not waited for).
    for (const selection of await selectable(page)) {
      await page.evaluate((s) => document.querySelector('atlas-app')!.atlas.selection.select(s), selection);
      await page.waitForFunction(
        (s) =>
          document.querySelector('.feature-card feature-panel')?.shadowRoot?.querySelector('#feature-title')?.textContent ===
          String(
            document.querySelector('atlas-app')!.atlas.selection.feature(s)?.properties?.[
              'name_' + document.documentElement.lang.slice(0, 2)
            ],
          ),
        selection,
      );
      found.push(...(await check(page, '.feature-card', lang, seen)));
    }

    // Screening: a verdict card for a site in the 棋盘井 area.
    await page.evaluate(() =>
      window.atlas.setState({
        panel: 'screening',
        projectType: 'steel',
        selection: null,
        site: { type: 'Point', coordinates: [106.95, 39.35] },
      }),
    );
    await page.locator('screening-panel').waitFor();
    await page.waitForFunction(() => document.querySelector('screening-panel')?.shadowRoot?.querySelector('.verdict, [class*=verdict]'));
    found.push(...(await check(page, 'screening-panel', lang, seen)));

    // The ledger: summary, filters and list.
    await page.evaluate(() => window.atlas.setState({ panel: 'ledger' }));
    await page.locator('ledger-panel li[role=option]').first().waitFor();
    found.push(...(await check(page, 'ledger-panel', lang, seen)));

    // Share: the embed dialog, and the exported image's words.
    await page.locator('share-tools summary').click();
    await page.locator('share-tools [data-action=embed]').click();
    found.push(...(await check(page, '.embed-dialog', lang, seen)));
    const { layout } = await page.evaluate(() => window.atlas.exportImage({ scale: 1 }));
    found.push(...problems(layout.credit.text, lang, ids).map((problem) => `export credit: ${problem} in "${layout.credit.text}"`));
    found.push(...problems(layout.scaleBar.label, lang, ids).map((problem) => `export scale bar: ${problem}`));
    await screenshot(page, `language-${lang}`);
    expect(seen.length).toBeGreaterThan(10);
    expect([...new Set(found)]).toEqual([]);
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });
});

/** One feature of each thematic layer, and every feature that carries a league. */
function selectable(page: Page): Promise<{ layer: string; id: string }[]> {
  return page.evaluate(() => {
    const chosen: { layer: string; id: string }[] = [];
    for (const entry of document.querySelector('atlas-app')!.atlas.selection.searchEntries) {
      const properties = document.querySelector('atlas-app')!.atlas.selection.feature(entry)?.properties ?? {};
      const first = !chosen.some((pick) => pick.layer === entry.layer);
      if (first || (properties['league'] !== undefined && chosen.filter((pick) => pick.layer === entry.layer).length < 3)) {
        chosen.push({ layer: entry.layer, id: entry.id });
      }
    }
    return chosen;
  });
}
