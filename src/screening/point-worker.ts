/** Worker thread of parallel-points.ts: rebuilds the zone store over the shared buffers and screens slices. */
import { parentPort, workerData } from 'node:worker_threads';
import { screenPointRange, type BatchContext } from './point-batch.ts';
import type { RegionRaster } from './region-raster.ts';
import { type SharedZoneStore, zoneStoreOfShared } from './zone-store.ts';

const { store: shared, regionRaster } = workerData as { store: SharedZoneStore; regionRaster: RegionRaster | undefined };
const store = zoneStoreOfShared(shared);

type Job = Pick<BatchContext, 'tables' | 'jurisdictionZones' | 'parkZones' | 'parkBit' | 'regionZone'> & { lonLat: Float64Array };

parentPort?.on('message', ({ lonLat, ...job }: Job) => {
  const result = screenPointRange({ store, regionRaster, ...job }, lonLat);
  parentPort?.postMessage(result, [result.verdicts.buffer, result.hitStart.buffer, result.hitZones.buffer] as ArrayBuffer[]);
});
