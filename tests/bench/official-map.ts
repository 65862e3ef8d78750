/**
 * Official layer on the map (a script, not a test): `npx tsx tests/bench/official-map.ts [polygons] [pairs]`
 * (default 100000 polygons, 4 pairs). Builds the atlas, imports the seeded synthetic official layer
 * (tests/bench/synthetic-official.ts) through the layer panel in one browser context, and opens the atlas without it in
 * another. It then pans both the same way with the mouse, interleaved A B A B, and prints the median frame time
 * (requestAnimationFrame intervals while dragging) with the renderer main thread's busy time per frame beside it (CDP
 * TaskDuration), the layer's against the bundled layers' alone. The first run with the layer starts the moment the
 * import is listed, while MapLibre's worker is still tiling it: that is the "while it loads" figure, with its longest
 * main-thread task and the time until the map is idle. Last, a site is screened on each side (the first site builds
 * the screener: in a worker with the official layer), with the longest main-thread task and the longest frame from
 * the request to the report, and five more sites on the built screener. Software WebGL draws in Chromium's GPU
 * process, which these main-thread figures do not include; screenshots of both sides are left beside the build.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { previewBuilt } from '../e2e/serve.ts';
import { aboutSeenKey } from '../../src/app/presenting.ts';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { starRing } from '../../src/screening/synthetic-zones.ts';
import { browserFlags } from '../e2e/browser.ts';
import { findChromium } from '../e2e/chromium-path.mjs';
import { median } from './interleave.ts';
import { ring, syntheticOfficialLayer, vertexCount } from './synthetic-official.ts';

const count = Number(process.argv[2] ?? 100_000);
const pairs = Number(process.argv[3] ?? 4);
const root = new URL('../..', import.meta.url).pathname;
const out = join(root, 'node_modules/.cache/official-map-bench');
/** Where both sides pan: central Inner Mongolia at a zoom that shows thousands of the synthetic patches. */
const view = { center: [111.5, 41.5], zoom: 8, bearing: 0, pitch: 0 };

/** Runs before any page script: records requestAnimationFrame times while `panProbe.on`, and long tasks always. */
const instrument = () => {
  const probe = { on: false, frames: [] as number[], longTasks: [] as { start: number; duration: number }[] };
  (window as unknown as { panProbe: typeof probe }).panProbe = probe;
  const tick = (time: number) => {
    if (probe.on) probe.frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

interface Side {
  context: BrowserContext;
  page: Page;
  session: CDPSession;
}

/** A browser profile on disk, as a reviewer's is: a private window's storage never answers a put of a layer this large. */
async function open(baseUrl: string, name: string): Promise<Side> {
  const profile = join(out, `profile-${name}`);
  rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    headless: true,
    args: [...browserFlags],
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  // tsx names functions with an __name helper that the page does not have: the script brings its own.
  await page.addInitScript({ content: `const __name = (target) => target; (${instrument.toString()})();` });
  // A returning visitor: the About panel, open on a first visit, would lie over the map where the drag starts.
  await page.addInitScript((key) => localStorage.setItem(key, '1'), aboutSeenKey);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.atlas !== undefined);
  await page.evaluate(() => window.atlas.ready);
  return { context, page, session };
}

const taskSeconds = async (session: CDPSession) =>
  (await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;

/** One pan: from the same view, a mouse drag 240 px right and back in 8 px steps. Frame time (median and 95th
 * percentile of the intervals) and main-thread busy time per frame. */
async function pan(side: Side, settle = true): Promise<{ frameMs: number; slowMs: number; busyMs: number; frames: number }> {
  const { page, session } = side;
  if (settle) await page.evaluate((next) => window.atlas.setState({ view: next as never }), view);
  const busy = await taskSeconds(session);
  await page.evaluate(() => {
    const probe = (window as unknown as { panProbe: { on: boolean; frames: number[] } }).panProbe;
    probe.frames = [];
    probe.on = true;
  });
  await page.mouse.move(800, 420);
  await page.mouse.down();
  for (const direction of [1, -1]) {
    for (let step = 0; step < 30; step++) await page.mouse.move(800 + direction * 8 * (direction > 0 ? step + 1 : 29 - step), 420);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const probe = (window as unknown as { panProbe: { on: boolean; frames: number[] } }).panProbe;
    probe.on = false;
    return probe.frames;
  });
  const intervals = frames.slice(1).map((time, n) => time - frames[n]!);
  const busyMs = (1000 * ((await taskSeconds(session)) - busy)) / Math.max(1, intervals.length);
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frameMs: median(intervals),
    slowMs: sorted[Math.floor(0.95 * (sorted.length - 1))] ?? Number.NaN,
    busyMs,
    frames: intervals.length,
  };
}

/** Sites to screen: 2 km patches of 40 vertices near the panned view, the same on both sides. */
const site = (n: number) => ({
  type: 'Polygon',
  coordinates: [ring(starRing(seededRandom(100 + n), view.center[0]! + 0.1 * n, view.center[1]!, 2 / 111, 40))],
});

const { collection, bytes } = syntheticOfficialLayer(count);
console.log(
  `official layer: ${count.toLocaleString('en')} polygons, ${vertexCount(collection).toLocaleString('en')} vertices, ${(bytes.length / 2 ** 20).toFixed(1)} MB FlatGeobuf`,
);

await build({ root, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
const server = await previewBuilt(out);
const { baseUrl } = server;
const sides: Side[] = [];
try {
  const withLayer = await open(baseUrl, 'official');
  const bundledOnly = await open(baseUrl, 'bundled');
  sides.push(withLayer, bundledOnly);
  await withLayer.page.evaluate((next) => window.atlas.setState({ view: next as never }), view);

  const panel = withLayer.page.locator('official-layers');
  const started = performance.now();
  // Playwright hands over files of more than 50 MB by path only.
  const file = join(out, 'synthetic.fgb');
  writeFileSync(file, bytes);
  await panel.locator('input[name=official-file]').setInputFiles(file);
  const form = panel.locator('form');
  await panel.locator('form, [role=alert]').first().waitFor({ timeout: 600_000 });
  if (!(await form.isVisible())) throw new Error(`the file was refused: ${await panel.locator('[role=alert]').first().textContent()}`);
  await form.locator('select[name=nameAttribute]').selectOption('name');
  await form.locator('input[name=accuracyKm]').fill('0.05');
  await form.locator('input[name=mappedBy]').fill('bench');
  await form.locator('[data-import]').click();
  // Listed, or refused: the panel's alert says why (printed, with a screenshot beside the build).
  const outcome = await withLayer.page.waitForFunction(
    () => {
      const root = document.querySelector('official-layers')?.shadowRoot;
      if ((root?.querySelectorAll('li[data-official]').length ?? 0) > 0) return 'listed';
      return root?.querySelector('[role=alert]')?.textContent ?? false;
    },
    undefined,
    { timeout: 1_200_000, polling: 1000 },
  );
  const result = await outcome.jsonValue();
  if (result !== 'listed') {
    await withLayer.page.screenshot({ path: join(out, 'refused.png') });
    throw new Error(`the import was refused: ${String(result)}`);
  }
  const listed = performance.now();
  console.log(`import through the panel (read and map in the worker, until listed): ${((listed - started) / 1000).toFixed(1)} s wall`);

  // While MapLibre's worker tiles the layer: pan at once, then wait for the map to be idle.
  const loadStart = await withLayer.page.evaluate(() => performance.now());
  const whileLoading = await pan(withLayer, false);
  await withLayer.page.evaluate((next) => window.atlas.setState({ view: next as never }), view);
  const loadEnd = await withLayer.page.evaluate(() => performance.now());
  const loadTasks = await withLayer.page.evaluate(
    (from) =>
      (window as unknown as { panProbe: { longTasks: { start: number; duration: number }[] } }).panProbe.longTasks
        .filter((task) => task.start >= from)
        .map((task) => task.duration),
    loadStart,
  );
  console.log(
    `while it loads: frame ${whileLoading.frameMs.toFixed(1)} ms (median of ${whileLoading.frames}; 95th percentile ${whileLoading.slowMs.toFixed(1)} ms), main thread busy ${whileLoading.busyMs.toFixed(1)} ms/frame; ` +
      `idle ${((loadEnd - loadStart) / 1000).toFixed(1)} s after the layer was listed; longest main-thread task ${Math.max(0, ...loadTasks).toFixed(0)} ms`,
  );

  // One unmeasured pan of each warms shaders and tiles alike, then A B A B.
  await pan(withLayer);
  await pan(bundledOnly);
  const ours: Awaited<ReturnType<typeof pan>>[] = [];
  const baseline: Awaited<ReturnType<typeof pan>>[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    ours.push(await pan(withLayer));
    baseline.push(await pan(bundledOnly));
  }
  type Key = 'frameMs' | 'slowMs' | 'busyMs';
  // What was panned over, to look at: the layer's patches drawn, and the bundled layers alone.
  await withLayer.page.screenshot({ path: join(out, 'with-layer.png') });
  await bundledOnly.page.screenshot({ path: join(out, 'bundled-only.png') });
  const ratio = (key: Key) => median(ours.map((run, n) => run[key] / baseline[n]![key]));
  const figure = (runs: typeof ours, key: Key) => median(runs.map((run) => run[key])).toFixed(1);
  console.log(
    `panning: frame ${figure(ours, 'frameMs')} ms with the layer, ${figure(baseline, 'frameMs')} ms on the bundled layers alone ` +
      `(95th percentile ${figure(ours, 'slowMs')} vs ${figure(baseline, 'slowMs')} ms); main thread busy ${figure(ours, 'busyMs')} vs ${figure(baseline, 'busyMs')} ms/frame; ` +
      `official/bundled x${ratio('frameMs').toFixed(2)} frame, x${ratio('slowMs').toFixed(2)} 95th percentile, x${ratio('busyMs').toFixed(2)} busy ` +
      `(median of ${pairs} interleaved pairs)`,
  );

  // Screening with the layer loaded: the first site builds the screener (in a worker on the official side, on the
  // page's thread on the bundled side). Until its report, the page's frames (requestAnimationFrame intervals) and long
  // tasks say what the build costs the page; then five more sites on the built screener.
  const screening = async (side: Side) => {
    const { page } = side;
    await page.evaluate((next) => window.atlas.setState({ view: next as never }), view);
    const first = await page.evaluate(async (geometry) => {
      const probe = (window as unknown as { panProbe: { on: boolean; frames: number[]; longTasks: { start: number; duration: number }[] } })
        .panProbe;
      probe.frames = [];
      probe.on = true;
      const start = performance.now();
      await window.atlas.screen(geometry, 'steel');
      const firstMs = performance.now() - start;
      // The frame after the report closes the last gap; long tasks reach the observer a little after they end.
      const end = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => setTimeout(resolve, 250));
      probe.on = false;
      // Gaps from the request to the first frame, between frames, and to the frame after the report: a screener
      // built on the page's thread shows as one gap as long as its build.
      const times = [start, ...probe.frames.filter((time) => time <= end), end];
      const intervals = times.slice(1).map((time, n) => time - times[n]!);
      const tasks = probe.longTasks.filter((task) => task.start >= start).map((task) => task.duration);
      return { firstMs, longestMs: Math.max(0, ...tasks), longestFrameMs: Math.max(0, ...intervals), frames: intervals.length };
    }, site(0));
    const sites: number[] = [];
    for (let n = 1; n <= 5; n++) {
      sites.push(
        await page.evaluate(async (next) => {
          const start = performance.now();
          await window.atlas.screen(next, 'steel');
          return performance.now() - start;
        }, site(n)),
      );
    }
    return { ...first, siteMs: median(sites) };
  };
  const ourScreening = await screening(withLayer);
  const bundledScreening = await screening(bundledOnly);
  const screeningText = (figures: typeof ourScreening) =>
    `first site ${(figures.firstMs / 1000).toFixed(2)} s (screener built meanwhile), then ${figures.siteMs.toFixed(1)} ms a site (median of 5); ` +
    `until the first report: longest main-thread task ${figures.longestMs.toFixed(0)} ms, longest frame ${figures.longestFrameMs.toFixed(0)} ms (${figures.frames} frames)`;
  console.log(`screening with the layer: ${screeningText(ourScreening)}`);
  console.log(`screening on the bundled layers alone: ${screeningText(bundledScreening)}`);
} finally {
  for (const side of sides) await side.context.close();
  await server.close();
}
