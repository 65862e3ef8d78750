import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { PNG } from 'pngjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';
import { aboutSeenKey } from '../../src/app/presenting.ts';

export const artifacts = 'tests/artifacts';

/** Software WebGL2 through SwiftShader: no GPU on the test machines. */
export const browserFlags = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: set CHROMIUM_PATH or install Debian chromium');
  return chromium.launch({ executablePath, args: browserFlags, headless: true });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  errors: string[];
  foreignRequests: string[];
}

/** Opens the atlas with every page error, console error and request off the app's origin recorded. */
export async function openAtlas(
  browser: Browser,
  options: {
    viewport?: { width: number; height: number };
    locale?: string;
    hash?: string;
    before?: (context: BrowserContext) => Promise<unknown>;
    firstVisit?: boolean;
  } = {},
): Promise<Watched> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'zh-CN',
    hasTouch: true,
  });
  // A returning visitor unless asked otherwise: the About panel opens by itself on a first visit only.
  if (!options.firstVisit) {
    await context.addInitScript((key) => {
      try {
        localStorage.setItem(key, '1');
      } catch {
        // Storage blocked: the panel does not open by itself then either.
      }
    }, aboutSeenKey);
  }
  await options.before?.(context);
  const page = await context.newPage();
  const watched: Watched = { context, page, baseUrl, errors: [], foreignRequests: [] };
  page.on('pageerror', (error) => watched.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) watched.foreignRequests.push(url);
  });
  await page.goto(baseUrl + (options.hash ?? ''));
  await page.waitForFunction(() => window.atlas !== undefined);
  await page.evaluate(() => window.atlas.ready);
  return watched;
}

export interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

/** Takes a screenshot, keeps it under tests/artifacts, and decodes it for pixel checks. */
export async function screenshot(page: Page, name: string): Promise<Pixels> {
  const png = await page.screenshot();
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(`${artifacts}/${name}.png`, png);
  const decoded = PNG.sync.read(png);
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

/** Share of the pixels inside a box whose colour is within `tolerance` (per channel) of `hex`. */
export function colorShare(
  pixels: Pixels,
  hex: string,
  tolerance = 12,
  box = { x: 0, y: 0, width: pixels.width, height: pixels.height },
): number {
  const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let hits = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const offset = (y * pixels.width + x) * 4;
      if (target.every((value, channel) => Math.abs(pixels.data[offset + channel]! - value) <= tolerance)) hits += 1;
    }
  }
  return hits / (box.width * box.height);
}
