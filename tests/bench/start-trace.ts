/**
 * Where the start's time goes (a script): `npx tsx tests/bench/start-trace.ts [pairs]`, after tests/bench/atlas-start.ts
 * has built both pages. Records a Chrome trace of the atlas's and the bare page's start (A B A B) and prints, before
 * ready: the frames the GPU process swapped and its main thread's busy time (with software WebGL it runs the map's GL
 * work and composites the page), the renderer main thread's busy time and how much of it waited on the GPU process,
 * and the busiest threads. Writes each trace to the system's temporary folder, to open in chrome://tracing or Perfetto.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previewBuilt } from '../e2e/serve.ts';
import { launch } from '../e2e/browser.ts';

const pairs = Number(process.argv[2] ?? 1);
const out = join(new URL('../..', import.meta.url).pathname, 'node_modules/.cache/atlas-start-bench');
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'gpu', 'cc', 'viz', 'blink.user_timing', 'toplevel'];

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const server = await previewBuilt(out);
const browser = await launch();
try {
  for (let pair = 0; pair < pairs; pair++) {
    for (const [label, path] of [
      ['atlas', ''],
      ['bare', 'bare/'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      // A user-timing mark when window.atlas.ready resolves, on both pages, puts ready on the trace's clock.
      await context.addInitScript({
        content: `let atlas; Object.defineProperty(window, 'atlas', { configurable: true, get: () => atlas,
          set: (value) => { atlas = value; value.ready.then(() => performance.mark('start-ready')); } });`,
      });
      const page = await context.newPage();
      const file = join(tmpdir(), `start-trace-${label}-${pair}.json`);
      await browser.startTracing(page, { path: file, categories });
      await page.goto(`${server.baseUrl}${path}`);
      await page.waitForFunction(() => performance.getEntriesByName('start-ready').length > 0, undefined, { timeout: 300_000 });
      await browser.stopTracing();
      await context.close();
      summarise(label, file);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

/** Busy time of a set of spans: the length of their union, since trace events nest. */
function unionLength(spans: [number, number][]): number {
  let length = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    if (to > reach) length += to - Math.max(from, reach);
    reach = Math.max(reach, to);
  }
  return length;
}

function summarise(label: string, file: string): void {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] };
  const names = new Map<string, string>();
  for (const event of traceEvents) {
    if (event.ph === 'M' && (event.name === 'thread_name' || event.name === 'process_name')) {
      names.set(event.name === 'thread_name' ? `${event.pid}:${event.tid}` : `${event.pid}`, event.args?.name ?? '?');
    }
  }
  const ready = traceEvents.find((event) => event.name === 'start-ready')?.ts;
  const start = traceEvents.find((event) => event.name === 'navigationStart')?.ts;
  if (ready === undefined || start === undefined) throw new Error(`${file}: no navigation or ready in the trace`);
  const before = traceEvents.filter((event) => event.ph === 'X' && event.dur !== undefined && event.ts >= start && event.ts <= ready);
  const thread = (event: TraceEvent) => `${names.get(`${event.pid}`)}/${names.get(`${event.pid}:${event.tid}`)}`;
  const spans = new Map<string, [number, number][]>();
  for (const event of before)
    spans.set(thread(event), [...(spans.get(thread(event)) ?? []), [event.ts, Math.min(ready, event.ts + event.dur!)]]);
  const busy = new Map([...spans].map(([key, list]) => [key, unionLength(list) / 1000] as const));
  const total = (name: string, where: string) =>
    before.filter((event) => event.name === name && thread(event) === where).reduce((sum, event) => sum + event.dur! / 1000, 0);
  const swaps = before.filter((event) => event.name === 'SkiaOutputSurfaceImplOnGpu::SwapBuffers');
  const gpu = 'GPU Process/CrGpuMain';
  const renderer = 'Renderer/CrRendererMain';
  const ms = (value: number | undefined) => `${Math.round(value ?? 0)} ms`;
  console.log(
    `${label}: ready ${ms((ready - start) / 1000)}; frames swapped ${swaps.length} (${ms(swaps.reduce((sum, event) => sum + event.dur! / 1000, 0))}); ` +
      `GPU main busy ${ms(busy.get(gpu))}; renderer main busy ${ms(busy.get(renderer))}, of it waiting on the GPU process ` +
      `${ms(total('CommandBufferHelper::Finish', renderer))}; paints ${before.filter((event) => event.name === 'Paint').length} (${file})`,
  );
  const busiest = [...busy].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(`  busiest threads: ${busiest.map(([key, value]) => `${key} ${ms(value)}`).join(', ')}`);
}
