/// <reference lib="webworker" />
import type { FeatureCollection } from 'geojson';
import { bundledSeeds } from '../data/bundled-seeds.ts';
import { computeLedger } from './ledger.ts';

/** Computes the ledger off the main thread, so the page keeps answering while unions run. */
self.onmessage = (event: MessageEvent<{ collections: [string, FeatureCollection][]; version: string }>) => {
  try {
    self.postMessage({ rows: computeLedger(new Map(event.data.collections), bundledSeeds, event.data.version) });
  } catch (error) {
    self.postMessage({ error: (error as Error).message });
  }
};
