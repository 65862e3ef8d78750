import type { Worker } from 'node:worker_threads';
import { startNodeWorker } from './node-worker.ts';
import { checkPoints, screenPointRange, type PointVerdicts } from './point-batch.ts';
import { checkProjectType, type Screener } from './screener.ts';
import { sharedZoneStore } from './zone-store.ts';

/**
 * Batch point screening on several threads (Node only): the points are cut into one slice per thread, the
 * calling thread screens the first and worker threads the others, reading the zones in place from
 * SharedArrayBuffers (build the screener with `shared: true`); the slices are joined back in input order.
 */
export class PointPool {
  private readonly workers: Worker[];

  constructor(
    private readonly screener: Screener,
    threads: number,
  ) {
    const store = sharedZoneStore(screener.store);
    this.workers = Array.from({ length: Math.max(0, threads - 1) }, () =>
      startNodeWorker(new URL('./point-worker.ts', import.meta.url), { store, regionRaster: screener.regionRaster() }),
    );
  }

  async screenPoints(lonLat: Float64Array, projectType: string): Promise<PointVerdicts> {
    const { ruleBook } = this.screener;
    const tables = ruleBook.verdictTables(checkProjectType(projectType));
    const { jurisdictionZones, parkZones, parkBit } = ruleBook;
    checkPoints(lonLat);
    const slices = spatialSlices(lonLat, this.workers.length + 1);
    const pointsOf = (indices: Uint32Array) => {
      const slice = new Float64Array(2 * indices.length);
      for (let i = 0; i < indices.length; i++) {
        slice[2 * i] = lonLat[2 * (indices[i] as number)] as number;
        slice[2 * i + 1] = lonLat[2 * (indices[i] as number) + 1] as number;
      }
      return slice;
    };
    const { regionZone } = this.screener;
    const working = this.workers.map(
      (worker, n) =>
        new Promise<PointVerdicts>((resolve, reject) => {
          const slice = pointsOf(slices[n + 1] as Uint32Array);
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage({ lonLat: slice, tables, jurisdictionZones, parkZones, parkBit, regionZone }, [slice.buffer]);
        }),
    );
    const own = screenPointRange(
      {
        store: this.screener.store,
        tables,
        jurisdictionZones,
        parkZones,
        parkBit,
        regionZone,
        regionRaster: this.screener.regionRaster(),
      },
      pointsOf(slices[0] as Uint32Array),
    );
    return join(lonLat.length / 2, slices, [own, ...(await Promise.all(working))]);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Splits the points into `count` groups of about equal size by longitude (cut at quantiles of a sample), so that
 * each worker reads the zones of its own part of the map and their bands stay in its core's cache.
 */
function spatialSlices(lonLat: Float64Array, count: number): Uint32Array[] {
  const points = lonLat.length / 2;
  const sample = Array.from(
    { length: Math.min(points, 4096) },
    (_, i) => lonLat[2 * Math.floor((i * points) / Math.min(points, 4096))] as number,
  ).sort((a, b) => a - b);
  const cuts = Array.from({ length: count - 1 }, (_, n) => sample[Math.floor(((n + 1) * sample.length) / count)] as number);
  const sliceOf = new Uint8Array(points);
  const sizes = new Uint32Array(count);
  for (let point = 0; point < points; point++) {
    const x = lonLat[2 * point] as number;
    let slice = 0;
    while (slice < cuts.length && x >= (cuts[slice] as number)) slice++;
    sliceOf[point] = slice;
    sizes[slice] = (sizes[slice] as number) + 1;
  }
  const slices = Array.from(sizes, (size) => new Uint32Array(size));
  const filled = new Uint32Array(count);
  for (let point = 0; point < points; point++) {
    const slice = sliceOf[point] as number;
    (slices[slice] as Uint32Array)[filled[slice] as number] = point;
    filled[slice] = (filled[slice] as number) + 1;
  }
  return slices;
}

/** Puts the workers' answers back in input order. */
function join(count: number, slices: Uint32Array[], parts: PointVerdicts[]): PointVerdicts {
  const verdicts = new Uint8Array(count);
  const hitStart = new Uint32Array(count + 1);
  slices.forEach((indices, n) => {
    const part = parts[n] as PointVerdicts;
    for (let i = 0; i < indices.length; i++) {
      const point = indices[i] as number;
      verdicts[point] = part.verdicts[i] as number;
      hitStart[point + 1] = (part.hitStart[i + 1] as number) - (part.hitStart[i] as number);
    }
  });
  for (let point = 0; point < count; point++) hitStart[point + 1] = (hitStart[point + 1] as number) + (hitStart[point] as number);
  const hitZones = new Uint32Array(hitStart[count] as number);
  slices.forEach((indices, n) => {
    const part = parts[n] as PointVerdicts;
    for (let i = 0; i < indices.length; i++) {
      let to = hitStart[indices[i] as number] as number;
      for (let k = part.hitStart[i] as number; k < (part.hitStart[i + 1] as number); k++) hitZones[to++] = part.hitZones[k] as number;
    }
  });
  return { verdicts, hitStart, hitZones };
}
