/** A worker thread of the screen command (screen-pool.ts): screens the batches it is sent, answering with their report bytes. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Seed } from '../schema/seed.ts';
import { screenerOver } from '../screening/screener.ts';
import type { ZoneInfo } from '../screening/zones.ts';
import { type SharedZoneStore, zoneStoreOfShared } from '../screening/zone-store.ts';
import { BatchScreener, type BatchSettings, encoded, type PackedBatch } from './batch-screen.ts';

/** A batch to screen, with the buffer of an answer already written to write into, when the command's thread has one. */
export interface ScreenJob {
  batch: PackedBatch;
  spare?: ArrayBuffer;
}

export interface ScreenWorkerData {
  store: SharedZoneStore;
  zones: readonly ZoneInfo[];
  seeds: readonly Seed[];
  dataVersion: string;
  settings: BatchSettings;
}

const data = workerData as ScreenWorkerData;
const screener = new BatchScreener(screenerOver(zoneStoreOfShared(data.store), data.zones, data), data.settings);

parentPort?.on('message', ({ batch, spare }: ScreenJob) => {
  const answer = encoded(screener.pieces(batch), spare);
  parentPort?.postMessage(answer, [answer.bytes.buffer as ArrayBuffer]);
});
