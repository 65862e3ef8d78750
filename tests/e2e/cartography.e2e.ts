// Issue 15: seats named where the zoom allows, hand-drawn and illustrative zones hatched (on the map, in the legend
// and in the PNG export), the export's legend kept off the screened site, and a layer that failed left out of it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { launch, openAtlas, screenshot, colorShare, type Pixels } from './browser.ts';
import { layerDefinitions } from '../../layers/registry.ts';
import { readCollections } from '../../src/data/node-loader.ts';
import type { ExportLayout } from '../../src/map/export-png.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const collections = await readCollections();
const hideThematic = Object.fromEntries(
  layerDefinitions.filter((layer) => layer.properties).map((layer) => [layer.id, { visible: false }]),
);

async function show(page: Page, center: readonly number[], zoom: number, layers: Record<string, unknown> = {}) {
  await page.evaluate(
    ([c, z, l]) =>
      window.atlas.setState({ view: { center: c as [number, number], zoom: z as number, bearing: 0, pitch: 0 }, layers: l as never }),
    [center, zoom, layers] as const,
  );
}

/** The map canvas's box on the page, so a position on the map is a pixel of the screenshot. */
const mapBox = async (page: Page) => (await page.locator('.maplibregl-canvas').boundingBox())!;

/** Pixels darker than the map's paper and fills: label text and its marker. */
function darkShare(pixels: Pixels, box: { x: number; y: number; width: number; height: number }): number {
  let dark = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const offset = (y * pixels.width + x) * 4;
      if (pixels.data[offset]! + pixels.data[offset + 1]! + pixels.data[offset + 2]! < 330) dark += 1;
    }
  }
  return dark / (box.width * box.height);
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('seats and townships', () => {
  test('at zoom 7 a banner seat is marked and named; hidden, neither is there', async () => {
    const seat = collections.get('base-seats')!.features.find((feature) => feature.properties?.['name_zh'] === '四子王旗（乌兰花镇）')!;
    const { page, context, errors } = await openAtlas(browser);
    const box = await mapBox(page);
    const centre = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
    // The name sits above its marker: a box over the marker and the line of text above it.
    const label = { x: centre.x - 70, y: centre.y - 26, width: 140, height: 32 };
    const coordinates = (seat.geometry as { coordinates: number[] }).coordinates;
    await show(page, coordinates, 7, hideThematic);
    const shown = darkShare(await screenshot(page, 'cartography-seat-zoom7'), label);
    await show(page, coordinates, 7, { 'base-seats': { visible: false } });
    const hidden = darkShare(await screenshot(page, 'cartography-seat-zoom7-hidden'), label);
    // The marker alone darkens under 1 % of the box; its name, thin text with a halo, about 2 % more.
    expect(shown).toBeGreaterThan(hidden + 0.02);
    // Townships wait for zoom 8: at 7 none of their markers or names is drawn, at 8 they are.
    expect(collections.get('base-townships')!.features.every((feature) => feature.properties?.['label_min_zoom'] === 8)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('unsurveyed zones are hatched', () => {
  test('a hand-drawn desert is stripes of its colour, not a solid fill, and the decision places are looked at', async () => {
    const desert = layerDefinitions.find((layer) => layer.id === 'deserts')!;
    const badainJaran = collections.get('deserts')!.features.find((feature) => feature.properties?.['id'] === 'badain-jaran-desert')!;
    expect(badainJaran.properties?.['method']).toBe('hand-drawn');
    const [lon, lat] = centroid(badainJaran).geometry.coordinates as [number, number];
    // The sampled box (about 25 km across at zoom 9) lies inside the desert.
    for (const corner of [
      [lon - 0.2, lat - 0.2],
      [lon + 0.2, lat + 0.2],
    ]) {
      expect(booleanPointInPolygon(corner, badainJaran as Feature<Polygon>)).toBe(true);
    }
    const { page, context, errors } = await openAtlas(browser);
    await show(page, [lon, lat], 9, { ...hideThematic, deserts: { visible: true, opacity: 1 } });
    const box = await mapBox(page);
    const pixels = await screenshot(page, 'cartography-hatched-desert');
    const sample = { x: Math.round(box.x + box.width / 2 + 40), y: Math.round(box.y + box.height / 2 + 40), width: 100, height: 100 };
    // Solid at full opacity the box would be all desert colour; hatched, a stripe in every 8 px and a tint between.
    const stripes = colorShare(pixels, desert.palette['desert']!.color, 24, sample);
    expect(stripes).toBeGreaterThan(0.15);
    expect(stripes).toBeLessThan(0.6);
    // The decision places, with every default layer, for a person to look at.
    for (const [name, center, zoom] of [
      ['qipanjing', [106.95, 39.35], 9.5],
      ['wuhai', [106.82, 39.62], 9],
    ] as const) {
      await show(
        page,
        center,
        zoom,
        Object.fromEntries(layerDefinitions.map((layer) => [layer.id, { visible: layer.defaultVisible, opacity: layer.defaultOpacity }])),
      );
      await screenshot(page, `cartography-${name}`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the embed's legend draws a hatched category with the map's stripes, a measured one solid", async () => {
    const { page, context } = await openAtlas(browser, { hash: '?embed=1' });
    const swatches = await page.locator('map-legend').evaluate((legend) =>
      [...legend.shadowRoot!.querySelectorAll('li span')].map((span) => ({
        className: span.className,
        background: getComputedStyle(span).backgroundImage,
      })),
    );
    const hatched = swatches.filter((swatch) => swatch.className === 'hatched');
    expect(hatched.length).toBeGreaterThan(3);
    for (const swatch of hatched) expect(swatch.background).toContain('repeating-linear-gradient');
    // Wetlands' lakes are both: open-data shores solid, hand-drawn ones hatched.
    expect(swatches.some((swatch) => swatch.className === 'solid')).toBe(true);
    await context.close();
  });
});

/** A steel plant at 棋盘井. */
const qipanjing = [107.1, 39.5];

describe('the exported legend', () => {
  test('moves off the screened site where the usual corner would cover it', async () => {
    const { page, context } = await openAtlas(browser);
    // The view puts the site low on the left, where the legend usually stands.
    await page.evaluate(
      (site) => window.atlas.setState({ site: { type: 'Point', coordinates: site } as never, projectType: 'steel' }),
      qipanjing,
    );
    await show(page, [qipanjing[0]! + 0.9, qipanjing[1]! + 0.45], 8);
    const { layout } = (await page.evaluate(() => window.atlas.exportImage({ scale: 1 }))) as { layout: ExportLayout };
    const site = layout.site!;
    const legend = layout.legend!;
    expect(site.x).toBeLessThan(layout.credit.width * 0.4);
    expect(site.y).toBeGreaterThan(layout.credit.y * 0.5);
    expect(overlaps(legend, { x: site.x - 8, y: site.y - 8, width: site.width + 16, height: site.height + 16 })).toBe(false);
    expect(legend.x).toBeGreaterThan(site.x);
    expect(overlaps(legend, layout.northArrow)).toBe(false);
    expect(overlaps(legend, layout.credit)).toBe(false);
    await context.close();
  });

  test('leaves out a layer whose file failed to load', async () => {
    const { page, context } = await openAtlas(browser, {
      before: (browserContext) => browserContext.route('**/data/restricted-zones.fgb', (route) => route.abort('connectionrefused')),
    });
    const { layout } = (await page.evaluate(() => window.atlas.exportImage({ scale: 1 }))) as { layout: ExportLayout };
    const state = await page.evaluate(() => window.atlas.getState());
    expect(state.layers['restricted-zones']!.visible).toBe(true);
    expect(layout.legend!.layers).not.toContain('restricted-zones');
    expect(layout.legend!.layers).toContain('deserts');
    await context.close();
  });
});
