/**
 * A worker thread of the screen command (screen-pool.ts): its first message is its zones and settings
 * (ScreenWorkerSetup), each one after a job: a batch to screen into report bytes (ScreenJob), or, for a CSV report,
 * points whose shapes it sends back for the command's thread to write their rows (ShapeJob, packed-shapes.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Seed } from '../schema/seed.ts';
import { screenerOver } from '../screening/screener.ts';
import type { RegionRaster } from '../screening/region-raster.ts';
import type { ZoneInfo } from '../screening/zones.ts';
import { type SharedZoneStore, zoneStoreOfShared } from '../screening/zone-store.ts';
import { BatchScreener, type BatchSettings, type PackedBatch } from './batch-screen.ts';
import { shapeBuffers } from './packed-shapes.ts';

/** A batch to screen, with the buffer of an answer already written to write into when the command's thread has one. */
export interface ScreenJob {
  batch: PackedBatch;
  spare?: ArrayBuffer;
}

/**
 * Points (lon/lat pairs) whose shapes to find, for a CSV report, and which of them lie outside the region and its
 * band (Screener.pointsOutsideRegion) when the command's thread found that itself (ScreenPool).
 */
export interface ShapeJob {
  lonLat: Float64Array;
  outside?: Uint8Array;
}

export interface ScreenWorkerSetup {
  store: SharedZoneStore;
  /** The command's region raster: rasterizing it again took each worker some 0.1 s. */
  regionRaster: RegionRaster | undefined;
  zones: readonly ZoneInfo[];
  seeds: readonly Seed[];
  dataVersion: string;
  settings: BatchSettings;
}

let screener: BatchScreener | undefined;

parentPort?.on('message', (message: ScreenWorkerSetup | ScreenJob | ShapeJob) => {
  if (!screener) {
    const setup = message as ScreenWorkerSetup;
    screener = new BatchScreener(screenerOver(zoneStoreOfShared(setup.store), setup.zones, setup), setup.settings);
    return;
  }
  if ('lonLat' in message) {
    const shapes = screener.shapes(message.lonLat, message.outside);
    parentPort?.postMessage(shapes, shapeBuffers(shapes));
    return;
  }
  const { batch, spare } = message as ScreenJob;
  const answer = screener.screen(batch, spare);
  parentPort?.postMessage(answer, [answer.bytes.buffer as ArrayBuffer]);
});
