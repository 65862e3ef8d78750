import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openAtlas } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('links reopen exactly what they showed', () => {
  test('setState -> shareUrl -> a fresh page has the same state', async () => {
    const first = await openAtlas(browser);
    const shown = await first.page.evaluate(() =>
      window.atlas.setState({
        view: { center: [107.23456, 39.65432], zoom: 9, bearing: 15, pitch: 20 },
        lang: 'en',
        layers: { deserts: { visible: false }, 'red-line-areas': { visible: true, opacity: 0.6, hiddenCategories: ['network'] } },
        selection: { layer: 'restricted-zones', id: 'qipanjing-mengxi' },
        site: {
          type: 'Polygon',
          coordinates: [
            [
              [107.0, 39.6],
              [107.05, 39.6],
              [107.05, 39.65],
              [107.0, 39.6],
            ],
          ],
        },
        projectType: 'steel',
      }),
    );
    const verdict = (await first.page.evaluate((s) => window.atlas.screen(s.site, 'steel'), shown)).verdict;
    await first.page.waitForFunction(() => window.atlas.shareUrl().includes('verdict='));
    const url = await first.page.evaluate(() => window.atlas.shareUrl());
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#/);
    expect(url).toContain(`verdict=${verdict}`);
    await first.context.close();
    const second = await openAtlas(browser, { hash: url.slice(url.indexOf('#')) });
    const reopened = await second.page.evaluate(() => window.atlas.getState());
    expect(reopened.view.center[0]).toBeCloseTo(shown.view.center[0], 4);
    expect(reopened.view.center[1]).toBeCloseTo(shown.view.center[1], 4);
    expect({ ...reopened, view: undefined }).toEqual({ ...shown, view: undefined });
    expect(reopened.view.zoom).toBe(9);
    await expect(second.page.locator('feature-panel h2').textContent()).resolves.toContain('Qipanjing');
    expect((await second.page.evaluate((s) => window.atlas.screen(s.site, 'steel'), reopened)).verdict).toBe(verdict);
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  test('Back and Forward step through meaningful changes', async () => {
    const atlas = await openAtlas(browser);
    const { page } = atlas;
    await page.evaluate(() => window.atlas.setState({ view: { zoom: 6 } }));
    await page.waitForFunction(() => location.hash.includes('z=6'));
    await page.evaluate(() => window.atlas.setState({ lang: 'en' }));
    await page.waitForFunction(() => location.hash.includes('lang=en'));
    await page.goBack();
    await page.waitForFunction(() => window.atlas.getState().lang === 'zh');
    expect((await page.evaluate(() => window.atlas.getState())).view.zoom).toBeCloseTo(6, 3);
    await page.goForward();
    await page.waitForFunction(() => window.atlas.getState().lang === 'en');
    await atlas.context.close();
  });

  test('a garbled link opens with a notice and no page error', async () => {
    const atlas = await openAtlas(browser, { hash: '#c=999,x&z=banana&L.nope=1&sel=%E0%A4%A&site=@@@&lang=en' });
    await expect(atlas.page.locator('message-bar [role=alert]').first().textContent()).resolves.toMatch(/ignored/);
    expect((await atlas.page.evaluate(() => window.atlas.getState())).lang).toBe('en');
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('a thousand random and truncated hashes open without a page error', async () => {
    const atlas = await openAtlas(browser);
    const full = await atlas.page.evaluate(async () => {
      await window.atlas.setState({
        site: {
          type: 'Polygon',
          coordinates: [
            [
              [107, 39.5],
              [107.1, 39.5],
              [107.1, 39.6],
              [107, 39.5],
            ],
          ],
        },
        projectType: 'steel',
        selection: { layer: 'deserts', id: 'kubuqi-desert' },
        layers: { deserts: { opacity: 0.9 } },
      });
      return window.atlas.shareUrl().split('#')[1]!;
    });
    await atlas.page.evaluate(async (hash) => {
      let seed = 7;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const alphabet = 'abcdefLz=&,.%/#-_0123456789~!*()漢é';
      for (let i = 0; i < 1000; i += 1) {
        location.hash =
          i % 2 === 0
            ? hash.slice(0, Math.floor(random() * hash.length))
            : Array.from({ length: Math.floor(random() * 80) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
        if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }, full);
    await atlas.page.evaluate(() => window.atlas.setState({}));
    expect(atlas.errors).toEqual([]);
    await atlas.context.close();
  });

  test('a link made on other data says the data changed', async () => {
    const atlas = await openAtlas(browser, {
      hash: '#c=110,42&z=5&lang=en&site=AQCA3vNogPGMJw&type=steel&data=000000000000&verdict=prohibited',
    });
    await expect
      .poll(() => atlas.page.locator('message-bar [role=alert]').allTextContents())
      .toContainEqual(expect.stringMatching(/The data changed since this link was made.*verdict (changed|is unchanged)/));
    await atlas.context.close();
  });
});
