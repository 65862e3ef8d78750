/** Worker thread of parallel-points.ts: rebuilds the zone store over the shared buffers and screens slices. */
import Flatbush from 'flatbush';
import { parentPort, workerData } from 'node:worker_threads';
import { screenPointRange } from './point-batch.ts';
import type { ZoneStore } from './zone-store.ts';

type SharedStore = Omit<ZoneStore, 'index'> & { indexData: SharedArrayBuffer };

const { indexData, ...arrays } = workerData as SharedStore;
const store: ZoneStore = { ...arrays, index: Flatbush.from(indexData) };

parentPort?.on('message', ({ lonLat, table, regionZone }: { lonLat: Float64Array; table: Uint8Array; regionZone: number }) => {
  const result = screenPointRange({ store, table, regionZone }, lonLat);
  parentPort?.postMessage(result, [result.verdicts.buffer, result.hitStart.buffer, result.hitZones.buffer] as ArrayBuffer[]);
});
