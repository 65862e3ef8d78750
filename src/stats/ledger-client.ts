import type { FeatureCollection } from 'geojson';
import type { LedgerRow } from './ledger.ts';

/** Runs computeLedger in a Web Worker and resolves with its rows. */
export function computeLedgerInWorker(collections: ReadonlyMap<string, FeatureCollection>, version: string): Promise<LedgerRow[]> {
  const worker = new Worker(new URL('./ledger-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<LedgerRow[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ rows?: LedgerRow[]; error?: string }>) => {
      worker.terminate();
      if (event.data.rows) resolve(event.data.rows);
      else reject(new Error(event.data.error ?? 'the ledger worker failed'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the ledger worker failed to start'));
    };
    worker.postMessage({ collections: [...collections], version });
  });
}
