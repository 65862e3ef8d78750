/**
 * Threads for the screen command: the command's own, which reads the file and writes the report, and worker threads
 * (screen-worker.ts), each with a screener over the command's zones, read in place from SharedArrayBuffers (no
 * thread packs or holds its own copy). A part of a batch goes to the least busy worker while it has fewer than
 * its queue's length waiting; else the command's thread screens it itself (never where workers find shapes:
 * ScreenPool.depth).
 * The answers are written in the order the parts went out.
 *
 * Each thread costs its own compiled code (V8 optimises the engine again in every thread) and heap (60-70 MiB more at
 * the peak of a million points), which is why the command's thread screens too rather than only feeding workers. For
 * a CSV report a worker finds only its points' shapes, and this thread writes every row (packed-shapes.ts), unless
 * reading the input is this thread's longest work (GeoJSON: rowsOnWorkers).
 */
import type { Worker } from 'node:worker_threads';
import type { ScreeningSeed } from '../schema/seed.ts';
import type { Screener } from '../screening/screener.ts';
import { sharedZoneStore } from '../screening/zone-store.ts';
import { type BatchBytes, batchPoints, BatchScreener, type BatchSettings, type PackedBatch } from './batch-screen.ts';
import type { Numbered, PackedShapes } from './packed-shapes.ts';
import type { KeptTemplate } from './shared-rows.ts';
import type { BuiltRequest, GridsAhead, ScreenJob, ScreenWorkerSetup, ShapeJob, WorkerBuilt } from './screen-worker.ts';
import { stoppedWhy } from './screen-workers.ts';

/** A worker's answer: to a part, to a part whose shapes this thread writes as CSV rows, to a request for what it built. */
type Answer = BatchBytes | PackedShapes | WorkerBuilt;

interface Waiting {
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
}

/**
 * Parts a worker holds (one at work, the rest queued) before the command's thread screens the next itself, when
 * workers write report bytes (JSON reports). With two, a worker went idle whenever this thread read or screened for
 * longer than two parts took it (2 of 5.4 s on a million GeoJSON Lines points); with four, 1M points on two threads
 * took 4.7-5.1 s instead of 5.9-6.0 as GeoJSON Lines and 3.2-3.9 s instead of 3.9 as CSV (two runs each,
 * alternately); six was no better.
 */
const bytesQueue = 4;

/**
 * The same for workers that find shapes (CSV reports but from GeoJSON), and the parts each worker has waiting from which this thread
 * writes the rows of answered parts rather than reading more. Shapes take a worker about 1 ms a part, while this
 * thread, writing the rows of a part early in a run, makes dozens of templates (0.15 ms each): with a queue of 4 the
 * worker sat idle 0.3 s of the first second. Held unwritten, a part is its ids, points and shapes (some 50 KB). 1M CSV
 * points on two threads, 6 interleaved runs each, medians: 1.82 s wall, 3.12 s CPU, 182 MiB with 256 and 128; 1.99 s
 * with 64 and 32; 1.93 s, 3.23 s, 159 MiB with 4 and writing each part as soon as it was answered.
 */
const shapesQueue = 256;
const shapesFed = 128;

/**
 * Parts this thread may screen while the oldest part in flight is still a worker's. With one, this thread waited on
 * the worker instead of screening: through the worker's start (it loads the engine while this thread has screened
 * several parts) and whenever a worker's part took longer than this thread's (0.9 s idle of 4.1 s, 1M CSV points on
 * two threads). Each part held is its report's bytes, some 1 MB of CSV: with 16, a million FlatGeobuf points peaked
 * at 279-286 MiB, with 8 at 239-259 MiB, in the same time (two pairs each, alternately).
 */
const ownAhead = 8;

/**
 * Names to worker threads the grid file their setup will name, for them to read while this thread reads the seeds and
 * builds its screener (GridsAhead).
 */
export function readAheadOn(workers: readonly Worker[], keptGrids: string): void {
  const message: GridsAhead = { readAhead: keptGrids };
  for (const worker of workers) worker.postMessage(message);
}

/**
 * Whether a pool's workers find only their points' shapes, for the command's thread to write as CSV rows (a CSV report,
 * unless they write the rows themselves): the command's thread then screens no point itself.
 */
export const shapesOnly = (settings: BatchSettings, rowsOnWorkers: boolean): boolean => settings.format === 'csv' && !rowsOnWorkers;

export class ScreenPool {
  private readonly workers: Worker[];
  /** Per worker, the batches sent and not yet answered, oldest first (a worker answers in the order it is asked). */
  private readonly waiting: Waiting[][];
  private readonly own: BatchScreener;
  /** Buffers of answers already written, sent back with the next batches for the threads to write into again. */
  private readonly spare: ArrayBuffer[] = [];
  /** Per worker, the CSV row templates of its shape numbers (packed-shapes.ts). */
  private readonly numbered: Numbered<KeptTemplate>[];
  /** Parts a worker may hold, and those it holds when fed (bytesQueue, shapesQueue, shapesFed). */
  private readonly queueLength: number;
  private readonly fedParts: number;
  /** Whether workers find shapes (a CSV report, unless rowsOnWorkers) rather than write report bytes. */
  private readonly shapes: boolean;
  private closing = false;

  /**
   * `workers`: from startScreenWorkers, which screen beside the command's own thread; the screener must be built with
   * `shared`. `keptGrids`: the file of grids kept from earlier runs (grid-cache.ts), which each worker reads for itself.
   * `templates`: gives the CSV row templates of earlier runs (row-cache.ts), for every thread that writes CSV rows: asked
   * for at this thread's first row where only it writes rows (SharedRows);
   * `rowsOnWorkers`: workers write a CSV report's rows themselves, not only find the points' shapes (see screen-run.ts).
   */
  constructor(
    screener: Screener,
    seeds: readonly ScreeningSeed[],
    settings: BatchSettings,
    workers: Worker[],
    {
      keptGrids,
      templates,
      rowsOnWorkers = false,
    }: { keptGrids?: string | undefined; templates?: () => readonly KeptTemplate[] | undefined; rowsOnWorkers?: boolean } = {},
  ) {
    const shapes = shapesOnly(settings, rowsOnWorkers);
    // For JSON reports this thread screens parts too: its region raster goes to the workers with the rest, so that no
    // worker builds it again (25-38 ms cold, five fresh processes). Workers that find shapes test every point against
    // the region, and this thread none: unless a run kept it, each worker builds it while this thread reads, rather
    // than delay every worker's start by building it here.
    // Read here only where workers write rows; else when this thread writes its first row.
    const workerTemplates = settings.format === 'csv' && !shapes ? templates?.() : undefined;
    const setup: ScreenWorkerSetup = {
      store: sharedZoneStore(screener.store),
      regionRaster: shapes ? undefined : screener.regionRaster(),
      ...(keptGrids ? { keptGrids } : {}),
      zones: screener.zones,
      seeds,
      dataVersion: screener.dataVersion,
      settings,
      ...(workerTemplates ? { templates: workerTemplates } : {}),
    };
    const failed = workers.find((worker) => stoppedWhy(worker) !== undefined);
    if (failed) {
      for (const worker of workers) void worker.terminate();
      throw stoppedWhy(failed);
    }
    this.shapes = shapes;
    this.queueLength = this.shapes ? shapesQueue : bytesQueue;
    this.fedParts = this.shapes ? shapesFed : 0;
    this.workers = workers;
    for (const worker of workers) {
      worker.ref();
      worker.postMessage(setup);
    }
    this.own = new BatchScreener(screener, settings, templates);
    this.waiting = this.workers.map(() => []);
    this.numbered = this.workers.map(() => []);
    this.workers.forEach((worker, n) => {
      const queue = this.waiting[n]!;
      worker.on('message', (answer: Answer) => queue.shift()?.resolve(answer));
      const fail = (error: unknown) => {
        for (const waiting of queue.splice(0)) waiting.reject(error);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!this.closing) fail(new Error(`a screening worker thread stopped (exit code ${code})`));
      });
    });
  }

  /**
   * Batches that may be in flight before the caller writes the oldest: every worker's queue, and ownAhead of this
   * thread's. For shapes (a CSV report), one fewer than the queues hold, so that a part always finds a worker with room
   * and this thread never shapes points itself: early in a run, while the worker booted, it filled its queue and this
   * thread shaped parts with its own rasters and edge grids, built cold for a few thousand points (61 ms of 1.6 s in a
   * profile: rasters 42, shapes 16, edge grids 3). 1M CSV points on two threads, 2 x 16 interleaved pairs: x0.976 and
   * x0.985 wall, x0.978 and x0.996 CPU.
   */
  get depth(): number {
    const queued = this.queueLength * this.workers.length;
    return this.shapes ? queued - 1 : queued + ownAhead;
  }

  /** Whether every worker has enough parts waiting that this thread may write rows without one going idle. */
  get fed(): boolean {
    return this.waiting.every((queue) => queue.length >= this.fedParts);
  }

  /**
   * Screens a batch on the least busy worker, or on this thread when every worker's queue is full. Resolves, once the
   * batch is screened, to its report's bytes as a call: for a CSV report, a worker's shapes become rows here only when
   * the caller asks for them, which it does while the workers are fed (it hands out parts first).
   */
  screen(batch: PackedBatch): Promise<() => BatchBytes> {
    const n = this.waiting.reduce((best, queue, index) => (queue.length < this.waiting[best]!.length ? index : best), 0);
    if ((this.waiting[n]?.length ?? this.queueLength) >= this.queueLength) {
      const answer = this.own.screen(batch, this.spare.pop());
      return Promise.resolve(() => answer);
    }
    let answer: Promise<() => BatchBytes>;
    if (this.shapes) {
      const points = batchPoints(batch);
      // Copied, not moved: this thread writes the rows, from the points' ids and coordinates.
      const job: ShapeJob = { lonLat: points.lonLat };
      const numbered = this.numbered[n]!;
      answer = this.ask(n, job, []).then(
        (shapes) => () => this.own.screen(batch, this.spare.pop(), { points, shapes: shapes as PackedShapes, numbered }),
      );
    } else {
      const spare = this.spare.pop();
      const job: ScreenJob = { batch, ...(spare ? { spare } : {}) };
      const moved = [batch.lonLat.buffer, batch.ids.bytes.buffer, batch.ids.ends.buffer] as ArrayBuffer[];
      answer = this.ask(n, job, [...moved, ...(spare ? [spare] : [])]).then((bytes) => () => bytes as BatchBytes);
    }
    // A run that stops at a bad record no longer waits for the batches after it: their failing is no fault of its own.
    answer.catch(() => undefined);
    return answer;
  }

  /** The CSV row templates this thread made. */
  madeTemplates(): readonly KeptTemplate[] {
    return this.own.madeTemplates();
  }

  /**
   * What each worker built that a later run may take, once it has answered every part before: the grids beyond those
   * it was given (grid-cache.ts), the CSV row templates it made (row-cache.ts).
   */
  async built(): Promise<WorkerBuilt[]> {
    const request: BuiltRequest = { built: true };
    return (await Promise.all(this.workers.map((_, n) => this.ask(n, request, [])))) as WorkerBuilt[];
  }

  /** Sends worker n a job; its answer, in the order the worker was asked. */
  private ask(n: number, job: ScreenJob | ShapeJob | BuiltRequest, moved: ArrayBuffer[]): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiting[n]!.push({ resolve, reject });
      this.workers[n]!.postMessage(job, moved);
    });
  }

  /**
   * Hands back an answer's bytes once they are written. The bytes of a batch are megabytes outside the heap, freed
   * only when the collector finds their array dead: a million points left some 80 MiB of them waiting. Reused, a
   * run needs only as many buffers as batches in flight.
   */
  recycle(bytes: Uint8Array): void {
    this.spare.push(bytes.buffer as ArrayBuffer);
  }

  /** Stops the workers; batches still in flight are never answered. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
