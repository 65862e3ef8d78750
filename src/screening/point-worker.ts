/** Worker thread of parallel-points.ts: rebuilds the zone store over the shared buffers and screens slices. */
import Flatbush from 'flatbush';
import { parentPort, workerData } from 'node:worker_threads';
import { screenPointRange, type BatchContext } from './point-batch.ts';
import type { RegionRaster } from './region-raster.ts';
import type { ZoneStore } from './zone-store.ts';

type SharedStore = Omit<ZoneStore, 'index'> & { indexData: SharedArrayBuffer };

const { store: shared, regionRaster } = workerData as { store: SharedStore; regionRaster: RegionRaster | undefined };
const { indexData, ...arrays } = shared;
const store: ZoneStore = { ...arrays, index: Flatbush.from(indexData) };

type Job = Pick<BatchContext, 'tables' | 'jurisdictionZones' | 'parkZones' | 'parkBit' | 'regionZone'> & { lonLat: Float64Array };

parentPort?.on('message', ({ lonLat, ...job }: Job) => {
  const result = screenPointRange({ store, regionRaster, ...job }, lonLat);
  parentPort?.postMessage(result, [result.verdicts.buffer, result.hitStart.buffer, result.hitZones.buffer] as ArrayBuffer[]);
});
