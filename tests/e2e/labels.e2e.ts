// Names are MapLibre symbol layers (src/map/label-style.ts). What MapLibre placed is read back through its own
// queries (queryRenderedFeatures answers from the boxes of the names it placed): no two names overlap, no name covers a
// marker (its own included), the largest towns keep theirs, and a 2x export draws the names where the 1x one does.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';
import { artifacts, launch, openAtlas, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Placement {
  names: { layer: string; text: string; anchor: [number, number] }[];
  markers: [number, number][];
  /** Pairs of names whose boxes share a point, found by halving the map until a pixel holds two. */
  overlapping: string[];
  /** Names whose box reaches into a marker's disc. */
  overMarkers: string[];
}

/** Reads what MapLibre placed on the map now; `radius`: a marker's radius with its stroke at this zoom, in pixels. */
function placement(page: Page, radius: number): Promise<Placement> {
  return page.evaluate((radius) => {
    const map = document.querySelector('atlas-app')!.atlas.map()!;
    const canvas = document.querySelector('#map canvas')!.getBoundingClientRect();
    const key = (name: { layer: string; text: string; anchor: [number, number] }) =>
      `${name.layer} ${name.text} @${name.anchor.map(Math.round).join(',')}`;
    const found = new Set<string>();
    const search = (left: number, top: number, right: number, bottom: number): void => {
      const keys = [
        ...new Set(
          map
            .names([
              [left, top],
              [right, bottom],
            ])
            .map(key),
        ),
      ];
      if (keys.length < 2) return;
      const pairs = keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b].sort().join(' / ')));
      if (pairs.every((pair) => found.has(pair))) return;
      if (right - left <= 1 && bottom - top <= 1) {
        // One pixel: the names at its centre overlap there (two boxes that only touch share no centre).
        const x = (left + right) / 2;
        const y = (top + bottom) / 2;
        const here = [
          ...new Set(
            map
              .names([
                [x - 0.01, y - 0.01],
                [x + 0.01, y + 0.01],
              ])
              .map(key),
          ),
        ];
        for (const [i, a] of here.entries()) for (const b of here.slice(i + 1)) found.add([a, b].sort().join(' / '));
        return;
      }
      if (right - left >= bottom - top) {
        const middle = (left + right) / 2;
        search(left, top, middle, bottom);
        search(middle, top, right, bottom);
      } else {
        const middle = (top + bottom) / 2;
        search(left, top, right, middle);
        search(left, middle, right, bottom);
      }
    };
    search(0, 0, canvas.width, canvas.height);
    const markers = map.names(undefined, 'markers').map((marker) => marker.anchor);
    const overMarkers = markers.flatMap(([x, y]) =>
      map
        .names([
          [x - radius, y - radius],
          [x + radius, y + radius],
        ])
        .map((name) => `${key(name)} over the marker at ${Math.round(x)},${Math.round(y)}`),
    );
    return { names: map.names(), markers, overlapping: [...found], overMarkers };
  }, radius);
}

const han = /\p{Script=Han}/u;

describe.each([
  // The opening view (the whole region, zoom about 4.6), and 棋盘井 close up, where industrial parks crowd together.
  ['the whole region', undefined, 4.6],
  ['棋盘井', { center: [107.05, 39.5], zoom: 9, bearing: 0, pitch: 0 }, 9],
] as const)('names at %s', (place, view, zoom) => {
  test.each(['zh', 'en'] as const)('in %s: none overlaps another or a marker, and the largest towns keep theirs', async (lang) => {
    const atlas = await openAtlas(browser);
    await atlas.page.evaluate((partial) => window.atlas.setState(partial), { lang, ...(view ? { view } : {}) });
    // The marker's radius with its stroke (circleLayer in src/map/style.ts), interpolated as the style does.
    const radius = 3.5 + ((8 - 3.5) * (zoom - 4)) / 8 + 1.2;
    const placed = await placement(atlas.page, radius);
    await screenshot(atlas.page, `names-${place === '棋盘井' ? 'qipanjing' : 'region'}-${lang}`);
    expect(placed.overlapping).toEqual([]);
    expect(placed.overMarkers).toEqual([]);
    expect(placed.markers.length).toBeGreaterThan(2);
    expect(placed.names.length).toBeGreaterThan(10);
    const texts = placed.names.map((name) => name.text);
    expect(texts.every((text) => han.test(text) === (lang === 'zh'))).toBe(true);
    if (view === undefined) expect(texts).toEqual(expect.arrayContaining(lang === 'zh' ? ['呼和浩特', '包头'] : ['Hohhot', 'Baotou']));
    else expect(texts).toEqual(expect.arrayContaining([lang === 'zh' ? '乌海' : 'Wuhai']));
    console.log(`names at ${place}, ${lang}: ${placed.names.length} shown, ${placed.markers.length} markers kept clear, 0 overlapping`);
    expect(atlas.errors).toEqual([]);
    expect(atlas.foreignRequests).toEqual([]);
    await atlas.context.close();
  });
});

/**
 * Which cells of a `cell`-pixel grid (in CSS pixels; `scale` image pixels to one) hold a pixel dark enough to be a
 * name's letters (the halo around them is near white). Cells, not pixels: the 2x image draws each stroke finer.
 */
function letters(png: { width: number; height: number; data: Buffer }, scale: number, cell: number): boolean[][] {
  const columns = Math.floor(png.width / scale / cell);
  const rows = Math.floor(png.height / scale / cell);
  return Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column) => {
      for (let y = row * cell * scale; y < (row + 1) * cell * scale; y += 1) {
        for (let x = column * cell * scale; x < (column + 1) * cell * scale; x += 1) {
          const offset = (y * png.width + x) * 4;
          if (png.data[offset]! < 70 && png.data[offset + 1]! < 80 && png.data[offset + 2]! < 95) return true;
        }
      }
      return false;
    }),
  );
}

test('a 2x export on a 1x screen draws the names where the 1x export does', async () => {
  const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 800 } });
  await atlas.page.evaluate(() => window.atlas.setState({ view: { center: [109.5, 40.2], zoom: 7, bearing: 0, pitch: 0 } }));
  const exported = async (scale: 1 | 2) => {
    const dataUrl = await atlas.page.evaluate((s) => window.atlas.exportPng(s), scale);
    const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
    writeFileSync(`${artifacts}/names-export-${scale}x.png`, PNG.sync.write(png));
    return png;
  };
  const one = await exported(1);
  const two = await exported(2);
  const ink1 = letters(one, 1, 4);
  const ink2 = letters(two, 2, 4);
  // The middle of the map, clear of the title, legend, scale bar and credit the export draws over it. The 1x image's
  // thin strokes reach the threshold less often than the 2x image's: where the 1x one has ink, the 2x one must too.
  let inked = 0;
  let matched = 0;
  ink1.forEach((row, y) => {
    if (y < ink1.length * 0.2 || y > ink1.length * 0.8) return;
    row.forEach((dark, x) => {
      if (!dark || x < row.length * 0.35 || x > row.length * 0.9) return;
      inked += 1;
      if ([-1, 0, 1].some((dy) => [-1, 0, 1].some((dx) => ink2[y + dy]?.[x + dx]))) matched += 1;
    });
  });
  expect(inked).toBeGreaterThan(50);
  // Names drawn at half their places in the 2x image would leave most of the 1x image's ink unmatched.
  expect(matched / inked).toBeGreaterThan(0.85);
  console.log(`2x export vs 1x: ${matched} of ${inked} cells of the 1x names' ink inked in the 2x export too`);
  await atlas.context.close();
});

test("a 2x export on a 1x screen draws the screened site's outline (deck.gl) around the site, not at half its place", async () => {
  const atlas = await openAtlas(browser, { viewport: { width: 1280, height: 800 } });
  const site = {
    type: 'Polygon',
    coordinates: [
      [
        [109.3, 40.1],
        [109.7, 40.1],
        [109.7, 40.35],
        [109.3, 40.35],
        [109.3, 40.1],
      ],
    ],
  };
  await atlas.page.evaluate(
    (geometry) =>
      window.atlas.setState({
        site: geometry as never,
        projectType: 'steel',
        view: { center: [109.5, 40.2], zoom: 8, bearing: 0, pitch: 0 },
      }),
    site,
  );
  await atlas.page.waitForFunction(() => document.querySelector('atlas-app')!.atlas.screening.current?.report !== undefined);
  const { dataUrl, layout } = await atlas.page.evaluate(() => window.atlas.exportImage({ scale: 2 }));
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  writeFileSync(`${artifacts}/site-export-2x.png`, PNG.sync.write(png));
  const box = layout.site!;
  // The outline's dark blue (13, 71, 161), counted inside the site's box and in the box at half its coordinates,
  // where a deck.gl drawing sized for the screen's ratio would put it.
  const outlined = (x0: number, y0: number, width: number, height: number) => {
    let count = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(png.height, y0 + height); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(png.width, x0 + width); x++) {
        const i = 4 * (y * png.width + x);
        if (Math.abs(png.data[i]! - 13) < 40 && Math.abs(png.data[i + 1]! - 71) < 40 && Math.abs(png.data[i + 2]! - 161) < 40) count += 1;
      }
    }
    return count;
  };
  const around = outlined(box.x - 4, box.y - 4, box.width + 8, box.height + 8);
  const halved = outlined(box.x / 2 - 4, box.y / 2 - 4, box.width / 2 + 8, box.height / 2 + 8);
  console.log(`site outline pixels in the 2x export: ${around} around the site, ${halved} at half its place`);
  // The perimeter, 3 CSS pixels wide at 2x, is several thousand pixels; a stray handful is not an outline.
  expect(around).toBeGreaterThan(2 * (box.width + box.height) * 2);
  expect(halved).toBeLessThan(around / 10);
  await atlas.context.close();
});
