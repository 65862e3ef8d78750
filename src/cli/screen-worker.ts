/**
 * A worker thread of the screen command (screen-pool.ts): its first message is its zones and settings
 * (ScreenWorkerSetup), each one after a job: a batch to screen into report bytes (ScreenJob: a JSON report's records,
 * or a CSV report's rows from GeoJSON input), or, for any other CSV report, points whose shapes it sends back for the
 * command's thread to write their rows (ShapeJob, packed-shapes.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { ScreeningSeed } from '../schema/seed.ts';
import { type BuiltGrids, builtCount, screenerOver, type Screener } from '../screening/screener.ts';
import type { ZoneInfo } from '../screening/zones.ts';
import { type SharedZoneStore, zoneStoreOfShared } from '../screening/zone-store.ts';
import type { RegionRaster } from '../screening/region-raster.ts';
import { BatchScreener, type BatchSettings, type PackedBatch } from './batch-screen.ts';
import { readGrids } from './grid-cache.ts';
import { type KeptAhead, readAhead } from './kept-file.ts';
import { shapeBuffers } from './packed-shapes.ts';
import type { KeptTemplate } from './shared-rows.ts';

/** A batch to screen, with the buffer of an answer already written to write into when the command's thread has one. */
export interface ScreenJob {
  batch: PackedBatch;
  spare?: ArrayBuffer;
}

/**
 * Points (lon/lat pairs) whose shapes to find, for a CSV report; the worker tests them against the region too. The
 * command's thread did that while it had time to spare (1M CSV points on two threads, 1.76 s against 1.86 s), until
 * point shapes left out the edges a row cannot show: the worker then sat idle for most of the last 0.8 s of a
 * profiled run. With the test here both threads stay busy to the end, in about the same time (three runs of 8 to 14
 * interleaved pairs: x0.95, x1.02, x0.98), and the command's thread keeps the time for reading and writing.
 */
export interface ShapeJob {
  lonLat: Float64Array;
}

/**
 * The grid file the setup will name (ScreenPool's readAheadOn), sent before it: the worker reads and deserialises the
 * file (6 MB, 8 ms of its setup, which the first part waited for) while the command's thread still reads the seeds
 * and builds its screener, and checks it once the setup brings the zones.
 */
export interface GridsAhead {
  readAhead: string;
}

/** A request, at the end of a run, for what the worker built that a later run may take (its answer: WorkerBuilt). */
export interface BuiltRequest {
  built: true;
}

/** The grids the worker built (null where it built none beyond its setup's), and the CSV row templates it made. */
export interface WorkerBuilt {
  grids: BuiltGrids | null;
  templates: readonly KeptTemplate[];
}

export interface ScreenWorkerSetup {
  store: SharedZoneStore;
  /** The command's region raster where it screens points itself (JSON reports), so that the worker does not build it. */
  regionRaster: RegionRaster | undefined;
  /**
   * The file of grids kept from earlier runs (grid-cache.ts), read here rather than copied from the command's thread:
   * with the rasters' cell lists it holds megabytes, which the command's thread took some 50 ms to check and post (a
   * profile, when the lists were of one raster cell and the file 14.7 MB: 20 ms checking, 32 posting) and the worker to
   * receive, both before either could begin (1M CSV points on two threads x1.074 wall, 8 interleaved pairs).
   */
  keptGrids?: string;
  zones: readonly ZoneInfo[];
  seeds: readonly ScreeningSeed[];
  dataVersion: string;
  settings: BatchSettings;
  /** Where the worker writes a CSV report's rows (ScreenPool's rowsOnWorkers): the templates of earlier runs (row-cache.ts). */
  templates?: readonly KeptTemplate[];
}

let screener: BatchScreener | undefined;
/** The grid file read ahead of the setup (GridsAhead). */
let ahead: KeptAhead | undefined;
/** The screener under it, and how many grids it was given. */
let own: Screener | undefined;
let seeded = 0;

parentPort?.on('message', (message: GridsAhead | ScreenWorkerSetup | ScreenJob | ShapeJob | BuiltRequest) => {
  if ('readAhead' in message) {
    ahead = readAhead(message.readAhead);
    return;
  }
  if (!screener || !own) {
    const setup = message as ScreenWorkerSetup;
    const store = zoneStoreOfShared(setup.store);
    own = screenerOver(store, setup.zones, setup);
    const kept = setup.keptGrids === undefined ? undefined : readGrids(setup.keptGrids, store, ahead);
    ahead = undefined;
    if (kept) own.seedGrids(kept);
    seeded = builtCount(own.builtGrids());
    const { templates } = setup;
    screener = new BatchScreener(own, setup.settings, () => templates);
    return;
  }
  if ('built' in message) {
    const grids = own.builtGrids();
    const built: WorkerBuilt = { grids: builtCount(grids) > seeded ? grids : null, templates: screener.madeTemplates() };
    parentPort?.postMessage(built);
    return;
  }
  if ('lonLat' in message) {
    const shapes = screener.shapes(message.lonLat);
    parentPort?.postMessage(shapes, shapeBuffers(shapes));
    return;
  }
  const { batch, spare } = message as ScreenJob;
  const answer = screener.screen(batch, spare);
  parentPort?.postMessage(answer, [answer.bytes.buffer as ArrayBuffer]);
});
