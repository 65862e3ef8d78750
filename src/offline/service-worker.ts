/**
 * The atlas offline: after the first visit, every file of the build and every dataset is in the Cache Storage, so a
 * reviewer in the field opens the atlas, screens a site, reads the ledger and uploads files with no network.
 * Written by hand (see CONTRIBUTING.md): it is one cache, one list and cache-first fetches; the list is the build's
 * own (vite-plugins/offline.ts writes it into this file at build time, so a new build is a new worker).
 */

/** What the worker uses of its scope (the project's types are the page's; the WebWorker lib would clash with them). */
interface LifecycleEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface RequestEvent extends LifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: RequestEvent) => void): void;
}
const worker = globalThis as unknown as WorkerScope;

/** Replaced at build time by the build's files and the data, as paths relative to the worker. */
const precache: { version: string; files: string[] } = JSON.parse('__ATLAS_PRECACHE__');
const cacheName = `nm-carbon-atlas-${precache.version}`;
const scope = new URL('./', worker.location.href);
const index = new URL('./index.html', scope).href;
const precached = new Set(precache.files.map((file) => new URL(file, scope).href));

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // One request per file, fresh from the server: a file the browser's HTTP cache kept from an older build is not taken.
      await cache.addAll(precache.files.map((file) => new Request(new URL(file, scope), { cache: 'reload' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('nm-carbon-atlas-') && name !== cacheName) await caches.delete(name);
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // The atlas's page is index.html, at the folder's address or its own, with any query (?embed=1, ?load=...).
  const path = url.origin + url.pathname;
  const key = path === scope.href ? index : path;
  // Anything else (a share file, the opt-in basemap's tiles) goes to the network as if there were no worker.
  if (request.method !== 'GET' || !precached.has(key)) return;
  event.respondWith((async () => (await caches.match(key, { cacheName })) ?? fetch(request))());
});

// A module for the type checker, so that its names stay its own; the build strips this line and ships a classic worker.
export {};
