/**
 * Atlas start benchmark (a script, not a test): `npx tsx tests/bench/atlas-start.ts [pairs]`.
 * Builds the atlas as `npm run build` does and, beside it, a bare MapLibre page (tests/bench/bare-map/) that draws
 * the atlas's opening style with every served dataset; one preview server serves both. Each pair opens the atlas
 * and then the bare page in fresh browser contexts (A B A B) and times navigation -> ready (window.atlas.ready on
 * both), with the renderer main thread's busy time (CDP TaskDuration) beside it, the WebGL contexts created and the
 * long tasks before ready. JavaScript on start is the gzip size of each page's script and modulepreloads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { previewBuilt } from '../e2e/serve.ts';
import type { Browser } from 'playwright-core';
import { layerDefinitions } from '../../layers/registry.ts';
import { initialState } from '../../src/app/initial-state.ts';
import { buildStyle } from '../../src/map/style.ts';
import { launch } from '../e2e/browser.ts';
import { median, targetLine } from './interleave.ts';

const pairs = Number(process.argv[2] ?? 5);
const root = new URL('../..', import.meta.url).pathname;
const out = join(root, 'node_modules/.cache/atlas-start-bench');

/** What one page load measured, all before ready. */
interface Load {
  readyMs: number;
  taskMs: number;
  webglContexts: number;
  longTasks: number[];
  scriptsBeforeReady: string[];
}

/** Runs before any page script: counts WebGL contexts, records long tasks, and notes when window.atlas.ready resolves. */
const instrument = () => {
  const probe = { webglContexts: 0, longTasks: [] as { start: number; duration: number }[], readyAt: -1, failed: '' };
  // A name of its own: probe.gl, which deck.gl loads, takes window.probe.
  (window as unknown as { startProbe: typeof probe }).startProbe = probe;
  const contexts = new WeakSet<object>();
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: Parameters<typeof getContext>) {
    const context = getContext.apply(this, args);
    if (context && String(args[0]).includes('webgl') && !contexts.has(context)) {
      contexts.add(context);
      probe.webglContexts += 1;
    }
    return context;
  } as typeof getContext;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  let atlas: { ready: Promise<void> } | undefined;
  Object.defineProperty(window, 'atlas', {
    configurable: true,
    get: () => atlas,
    set: (value: { ready: Promise<void> }) => {
      atlas = value;
      void value.ready.then(
        () => {
          probe.readyAt = performance.now();
        },
        (error: unknown) => {
          probe.failed = String(error);
        },
      );
    },
  });
};

async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  // tsx names functions with an __name helper that the page does not have: the script brings its own.
  await page.addInitScript({ content: `const __name = (target) => target; (${instrument.toString()})();` });
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  // Polled from here, so that a page error ends the wait at once instead of at a timeout.
  let failed = '';
  for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 250))) {
    const state = await page.evaluate(() => (window as unknown as { startProbe: { readyAt: number; failed: string } }).startProbe);
    failed = state.failed;
    if (state.readyAt >= 0 || failed || errors.length > 0) break;
    if (Date.now() - started > 300_000) throw new Error(`${url} was not ready in 300 s`);
  }
  if (failed || errors.length > 0) throw new Error(`${url} did not start: ${[failed, ...errors].filter(Boolean).join('; ')}`);
  const { metrics } = await session.send('Performance.getMetrics');
  const probe = await page.evaluate(() => {
    const probe = (
      window as unknown as { startProbe: { webglContexts: number; longTasks: { start: number; duration: number }[]; readyAt: number } }
    ).startProbe;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < probe.readyAt && /\.m?js$/.test(new URL(entry.name).pathname))
      .map((entry) => new URL(entry.name).pathname);
    return { ...probe, scripts };
  });
  await context.close();
  return {
    readyMs: probe.readyAt,
    taskMs: 1000 * (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN),
    webglContexts: probe.webglContexts,
    longTasks: probe.longTasks.filter((task) => task.start < probe.readyAt).map((task) => task.duration),
    scriptsBeforeReady: probe.scripts,
  };
}

const gzipOf = (file: string) => gzipSync(readFileSync(file)).length;

/** Gzip bytes of the page's entry script and its modulepreloads: what the browser fetches before anything runs. */
function startScripts(html: string): number {
  const page = readFileSync(join(out, html), 'utf8');
  const base = join(out, html, '..');
  return [...page.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.m?js)"/g)].reduce(
    (sum, [, src]) => sum + gzipOf(join(base, src!)),
    0,
  );
}

const loadedBytes = (paths: string[]) => [...new Set(paths)].reduce((sum, path) => sum + gzipOf(join(out, decodeURIComponent(path))), 0);

await build({ root, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
await build({
  root: join(root, 'tests/bench/bare-map'),
  configFile: false,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  build: { outDir: join(out, 'bare'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2500 },
});
const state = initialState(['zh-CN']);
writeFileSync(join(out, 'bare/bare-style.json'), JSON.stringify(buildStyle(layerDefinitions, state.layers, state.lang)));

const server = await previewBuilt(out);
const { baseUrl } = server;
const browser = await launch();
const atlasLoads: Load[] = [];
const bareLoads: Load[] = [];
try {
  // One unmeasured load of each warms the disk cache and Chromium's shader cache alike for both.
  await load(browser, baseUrl);
  await load(browser, `${baseUrl}bare/`);
  for (let pair = 0; pair < pairs; pair++) {
    atlasLoads.push(await load(browser, baseUrl));
    bareLoads.push(await load(browser, `${baseUrl}bare/`));
  }
} finally {
  await browser.close();
  await server.close();
}

const ratio = (key: 'readyMs' | 'taskMs') => median(atlasLoads.map((ours, pair) => ours[key] / bareLoads[pair]![key]));
const ms = (loads: Load[], key: 'readyMs' | 'taskMs') => Math.round(median(loads.map((entry) => entry[key])));
const tasks = (loads: Load[]) => {
  const counts = loads.map((entry) => entry.longTasks.length);
  const totals = loads.map((entry) => entry.longTasks.reduce((sum, duration) => sum + duration, 0));
  const longest = loads.map((entry) => Math.max(0, ...entry.longTasks));
  const over = loads.map((entry) => entry.longTasks.filter((duration) => duration > 200).length);
  return `${median(counts)} long tasks, ${Math.round(median(totals))} ms in all, longest ${Math.round(median(longest))} ms, ${median(over)} over 200 ms`;
};

const atlasStart = startScripts('index.html');
const bareStart = startScripts('bare/index.html');
const readyRatio = ratio('readyMs');
const jsRatio = atlasStart / bareStart;
const contexts = Math.max(...atlasLoads.map((entry) => entry.webglContexts));
const atlasOver200 = median(atlasLoads.map((entry) => entry.longTasks.filter((duration) => duration > 200).length));

console.log(`atlas start vs a bare MapLibre page with the same style and data (median of ${pairs} interleaved pairs)`);
console.log(
  `  navigation -> ready: atlas ${ms(atlasLoads, 'readyMs')} ms, bare ${ms(bareLoads, 'readyMs')} ms; main-thread busy: atlas ${ms(atlasLoads, 'taskMs')} ms, bare ${ms(bareLoads, 'taskMs')} ms (x${ratio('taskMs').toFixed(2)})`,
);
console.log(
  `  JavaScript on start (gzip, script + modulepreloads): atlas ${atlasStart.toLocaleString('en')} B, bare ${bareStart.toLocaleString('en')} B`,
);
console.log(
  `  JavaScript fetched before ready (gzip): atlas ${loadedBytes(atlasLoads[0]!.scriptsBeforeReady).toLocaleString('en')} B, bare ${loadedBytes(bareLoads[0]!.scriptsBeforeReady).toLocaleString('en')} B`,
);
const largest = [...new Set(atlasLoads[0]!.scriptsBeforeReady)]
  .map((path) => [path, gzipOf(join(out, decodeURIComponent(path)))] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 6)
  .map(([path, bytes]) => `${path.split('/').pop()} ${bytes.toLocaleString('en')} B`);
console.log(`  the atlas's largest scripts before ready (gzip): ${largest.join(', ')}`);
console.log(`  long tasks before ready: atlas ${tasks(atlasLoads)}; bare ${tasks(bareLoads)}`);
console.log(
  targetLine(
    'ready / bare page ready',
    `x${readyRatio.toFixed(2)} wall, main-thread busy x${ratio('taskMs').toFixed(2)}`,
    'x1.2 wall',
    readyRatio <= 1.2,
  ),
);
console.log(targetLine('JavaScript on start (gzip) / bare page', `x${jsRatio.toFixed(2)}`, 'x1.2', jsRatio <= 1.2));
const bareContexts = Math.max(...bareLoads.map((entry) => entry.webglContexts));
console.log(targetLine('WebGL contexts', `${contexts} (bare ${bareContexts})`, '1', contexts === 1));
console.log(targetLine('long tasks over 200 ms before ready', `${atlasOver200} (median)`, '0', atlasOver200 === 0));
