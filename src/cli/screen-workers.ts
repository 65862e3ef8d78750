/**
 * The screen command's worker threads, started before anything else of the command: by the launcher from the screen
 * command's line (screen-early.ts), before the command's bundle loads, or by the command itself. A module of its own,
 * importing only the thread's start, so that the launcher's bundle of it stays small.
 */
import type { Worker } from 'node:worker_threads';
import { startNodeWorker } from '../screening/node-worker.ts';

/**
 * Where a worker thread keeps why it stopped, once it has: on the worker, under a key of the global registry, as the
 * launcher's bundle starts workers that the command's bundle (another copy of this module) takes.
 */
const stopReason = Symbol.for('inner-mongolia-atlas.screen-worker-stopped');

/** Why a screening worker thread stopped; undefined while it runs. */
export const stoppedWhy = (worker: Worker): unknown => (worker as unknown as Record<symbol, unknown>)[stopReason];

/**
 * Worker threads of screen-worker (its source under tsx, or the sibling file where the command runs as a bundle),
 * started before the zones are loaded: each boots (Node's own start, then the engine's code, some 0.3 s of a worker's
 * first 1.5 s) while this thread loads them, and waits for its zones (ScreenPool). Unreferenced until a pool takes
 * them, so that a run that stops before does not wait on them.
 */
export function startScreenWorkers(count: number): Worker[] {
  const module = new URL(`./screen-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'cjs'}`, import.meta.url);
  return Array.from({ length: count }, () => {
    const worker = startNodeWorker(module);
    worker.unref();
    const stop = (reason: unknown) => {
      (worker as unknown as Record<symbol, unknown>)[stopReason] ??= reason;
    };
    // Heard from the start: a worker that fails while booting has stopped before any pool listens to it.
    worker.once('error', stop);
    worker.once('exit', (code) => stop(new Error(`a screening worker thread stopped (exit code ${code})`)));
    return worker;
  });
}

/** `count` workers: those started early (screen-early.ts) first, the rest started now; any more early ones stopped. */
export function takeWorkers(early: readonly Worker[], count: number): Worker[] {
  for (const extra of early.slice(count)) void extra.terminate();
  const taken = early.slice(0, count);
  return [...taken, ...startScreenWorkers(count - taken.length)];
}
