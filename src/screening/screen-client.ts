import type { Feature, FeatureCollection } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import type { ScreeningSeed } from '../schema/seed.ts';
import { ScreeningInputError } from './input-error.ts';
import type { Report } from './report.ts';

/** What the page asks of a screener: one site at a time, answered at once or by a worker. */
export interface SiteScreener {
  screen(geometry: unknown, projectType: string): Report | Promise<Report>;
}

/** The page to the screen worker: the collections in slices, then the build, then sites. */
export type ScreenRequest =
  | { type: 'features'; id: string; collection: Omit<FeatureCollection, 'features'>; features: Feature[] }
  | { type: 'build'; seeds: ScreeningSeed[]; dataVersion: string }
  | { type: 'screen'; request: number; geometry: unknown; projectType: string };

/** An error as it crosses to the page: the engine's bilingual refusals keep their text. */
export interface ErrorText {
  name: string;
  message: string;
  text?: Bilingual;
}

/** The worker to the page: built or not, and each site's report or the engine's refusal. */
export type ScreenReply =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorText }
  | { type: 'report'; request: number; report: Report }
  | { type: 'refused'; request: number; error: ErrorText };

/** The screener was ended for a newer one (the official layers changed) before it answered. */
export class ScreenerReplaced extends Error {
  override name = 'ScreenerReplaced';
}

/** Positions per message: one slice is cloned in a few milliseconds, so posting a layer never blocks the page. */
export const slicePositions = 20_000;

const positionsOf = (feature: Feature): number => {
  const geometry = feature.geometry;
  if (geometry?.type === 'Polygon') return geometry.coordinates.reduce((sum, ring) => sum + ring.length, 0);
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates.flat().reduce((sum, ring) => sum + ring.length, 0);
  return 1;
};

/** The features of a collection in runs of about `limit` positions each (a feature is never split). */
export function* featureSlices(features: readonly Feature[], limit = slicePositions): Generator<Feature[]> {
  let slice: Feature[] = [];
  let positions = 0;
  for (const feature of features) {
    slice.push(feature);
    positions += positionsOf(feature);
    if (positions >= limit) {
      yield slice;
      slice = [];
      positions = 0;
    }
  }
  if (slice.length > 0) yield slice;
}

const rebuilt = ({ name, message, text }: ErrorText): Error => {
  if (name === 'ScreeningInputError') return new ScreeningInputError(text ?? message);
  const error = new Error(message);
  error.name = name;
  return error;
};

/** Lets the page draw a frame and answer input between two slices. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A screener built and held in a Web Worker (screen-worker.ts): the collections are posted a slice at a time, with
 * the page free between slices, and the build and every screening run in the worker, so an official layer of
 * 100,000 polygons never freezes the map. `close` ends the worker (a new set of layers replaces it).
 */
export class WorkerScreener implements SiteScreener {
  readonly #worker = new Worker(new URL('./screen-worker.ts', import.meta.url), { type: 'module' });
  readonly #waiting = new Map<number, { resolve(report: Report): void; reject(error: Error): void }>();
  #next = 0;
  #failure: Error | undefined;
  /** Resolves once the last slice and the build request are posted: sites go after them. */
  readonly #posted: Promise<void>;
  /** Resolves once the worker has built the screener, rejects with the reason it could not. */
  readonly ready: Promise<void>;

  constructor(collections: ReadonlyMap<string, FeatureCollection>, seeds: readonly ScreeningSeed[], dataVersion: string) {
    let built: { resolve(): void; reject(error: Error): void } | undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      built = { resolve, reject };
    });
    // Nobody may be waiting on ready: its refusal reaches them through screen().
    this.ready.catch(() => undefined);
    this.#worker.onmessage = (event: MessageEvent<ScreenReply>) => {
      const reply = event.data;
      if (reply.type === 'ready') built?.resolve();
      else if (reply.type === 'failed') this.#fail(rebuilt(reply.error), built);
      else {
        const waiting = this.#waiting.get(reply.request);
        this.#waiting.delete(reply.request);
        if (reply.type === 'report') waiting?.resolve(reply.report);
        else waiting?.reject(rebuilt(reply.error));
      }
    };
    this.#worker.onerror = (event) => this.#fail(new Error(event.message || 'the screening worker failed'), built);
    this.#posted = this.#post(collections, seeds, dataVersion);
  }

  async #post(collections: ReadonlyMap<string, FeatureCollection>, seeds: readonly ScreeningSeed[], dataVersion: string): Promise<void> {
    for (const [id, { features, ...collection }] of collections) {
      for (const slice of featureSlices(features)) {
        if (this.#failure) return;
        this.#worker.postMessage({ type: 'features', id, collection, features: slice } satisfies ScreenRequest);
        await yieldToPage();
      }
    }
    this.#worker.postMessage({ type: 'build', seeds: [...seeds], dataVersion } satisfies ScreenRequest);
  }

  async screen(geometry: unknown, projectType: string): Promise<Report> {
    await this.#posted;
    if (this.#failure) throw this.#failure;
    const request = this.#next++;
    return new Promise<Report>((resolve, reject) => {
      this.#waiting.set(request, { resolve, reject });
      this.#worker.postMessage({ type: 'screen', request, geometry, projectType } satisfies ScreenRequest);
    });
  }

  /** Ends the worker; sites still waiting are refused. */
  close(): void {
    this.#fail(new ScreenerReplaced('the screener was replaced'));
  }

  #fail(error: Error, built?: { reject(error: Error): void }): void {
    this.#failure ??= error;
    this.#worker.terminate();
    built?.reject(error);
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}
