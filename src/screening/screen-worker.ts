/// <reference lib="webworker" />
import type { Feature, FeatureCollection } from 'geojson';
import type { ScreeningSeed } from '../schema/seed.ts';
import type { ErrorText, ScreenReply, ScreenRequest } from './screen-client.ts';
import { createScreener, type Screener } from './screener.ts';

/**
 * Builds and holds a screener off the page's main thread (screen-client.ts): the collections arrive in slices, the
 * build (seconds on an official layer of 100,000 polygons) runs here, then each site is screened here. Messages are
 * answered in the order they came, so a site sent before the build is done waits for it.
 */
const collections = new Map<string, FeatureCollection>();
let screener: Screener | undefined;
let failure: ErrorText | undefined;

const errorOf = (error: unknown): ErrorText => {
  const { name, message, text } = error as Partial<ErrorText>;
  return { name: name ?? 'Error', message: message ?? String(error), ...(text === undefined ? {} : { text }) };
};
const reply = (message: ScreenReply) => self.postMessage(message);

function build(seeds: ScreeningSeed[], dataVersion: string): void {
  try {
    screener = createScreener({ collections, seeds, dataVersion });
    reply({ type: 'ready' });
  } catch (error) {
    failure = errorOf(error);
    reply({ type: 'failed', error: failure });
  }
  // The zones are packed now: the GeoJSON copy goes.
  collections.clear();
}

self.onmessage = (event: MessageEvent<ScreenRequest>) => {
  const request = event.data;
  if (request.type === 'features') {
    const collection = collections.get(request.id) ?? { ...request.collection, features: [] as Feature[] };
    for (const feature of request.features) collection.features.push(feature);
    collections.set(request.id, collection);
  } else if (request.type === 'build') {
    build(request.seeds, request.dataVersion);
  } else {
    try {
      if (!screener) throw failure ?? new Error('the screener was not built');
      reply({ type: 'report', request: request.request, report: screener.screen(request.geometry, request.projectType) });
    } catch (error) {
      reply({ type: 'refused', request: request.request, error: errorOf(error) });
    }
  }
};
