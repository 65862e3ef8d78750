/**
 * A worker thread of the screen command (screen-pool.ts): its first message is its zones and settings
 * (ScreenWorkerSetup), each one after a batch to screen (ScreenJob), answered with its report bytes.
 */
import { parentPort } from 'node:worker_threads';
import type { Seed } from '../schema/seed.ts';
import { screenerOver } from '../screening/screener.ts';
import type { RegionRaster } from '../screening/region-raster.ts';
import type { ZoneInfo } from '../screening/zones.ts';
import { type SharedZoneStore, zoneStoreOfShared } from '../screening/zone-store.ts';
import { BatchScreener, type BatchSettings, type PackedBatch } from './batch-screen.ts';
import type { MadeRows } from './shared-rows.ts';

/**
 * A batch to screen, with the buffer of an answer already written to write into when the command's thread has one,
 * and the CSV row templates the other threads made since the last job.
 */
export interface ScreenJob {
  batch: PackedBatch;
  spare?: ArrayBuffer;
  made: MadeRows;
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

parentPort?.on('message', (message: ScreenWorkerSetup | ScreenJob) => {
  if (!screener) {
    const setup = message as ScreenWorkerSetup;
    screener = new BatchScreener(screenerOver(zoneStoreOfShared(setup.store), setup.zones, setup), setup.settings, true);
    return;
  }
  const { batch, spare, made } = message as ScreenJob;
  screener.learn(made);
  const answer = { ...screener.screen(batch, spare), made: screener.handOn() };
  parentPort?.postMessage(answer, [answer.bytes.buffer as ArrayBuffer]);
});
