import { Worker } from 'node:worker_threads';
import { checkPoints, type PointVerdicts } from './point-batch.ts';
import { checkProjectType, type Screener } from './screener.ts';

// Worker threads do not inherit tsx's loader on Node 20: the worker registers it before importing the module.
const workerBootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./point-worker.ts', import.meta.url).href)}); })`;

/**
 * Batch point screening on worker threads (Node only). The zones are read in place from SharedArrayBuffers
 * (build the screener with `shared: true`); each worker screens a slice of the points and the slices are joined
 * back in input order.
 */
export class PointPool {
  private readonly workers: Worker[];

  constructor(private readonly screener: Screener, threads: number) {
    const { index, ...arrays } = screener.store;
    if (!(index.data instanceof SharedArrayBuffer)) throw new Error('PointPool needs a screener built with shared: true');
    this.workers = Array.from({ length: threads }, () => new Worker(workerBootstrap, {
      eval: true, workerData: { ...arrays, indexData: index.data },
    }));
  }

  async screenPoints(lonLat: Float64Array, projectType: string): Promise<PointVerdicts> {
    const table = this.screener.ruleBook.verdictTable(checkProjectType(projectType));
    checkPoints(lonLat);
    const count = lonLat.length / 2;
    const slice = Math.ceil(count / this.workers.length);
    const parts = await Promise.all(this.workers.map((worker, n) => new Promise<PointVerdicts>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ lonLat: lonLat.slice(2 * n * slice, 2 * Math.min(count, (n + 1) * slice)), table, regionZone: this.screener.regionZone });
    })));
    return join(count, parts);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function join(count: number, parts: PointVerdicts[]): PointVerdicts {
  const verdicts = new Uint8Array(count);
  const hitStart = new Uint32Array(count + 1);
  const hitZones = new Uint32Array(parts.reduce((sum, part) => sum + part.hitZones.length, 0));
  let points = 0;
  let hits = 0;
  for (const part of parts) {
    verdicts.set(part.verdicts, points);
    for (let i = 1; i < part.hitStart.length; i++) hitStart[points + i] = hits + (part.hitStart[i] as number);
    hitZones.set(part.hitZones, hits);
    points += part.verdicts.length;
    hits += part.hitZones.length;
  }
  return { verdicts, hitStart, hitZones };
}
