import type { FeatureCollection } from 'geojson';
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import type { DataLoader } from '../../src/app/atlas-data.ts';
import type { AtlasMap, Outline } from '../../src/app/atlas-map.ts';
import type { Platform } from '../../src/app/atlas.ts';
import type { PrintPage } from '../../src/app/report-export.ts';
import type { Selection, View } from '../../src/state/state.ts';
import type { ScreeningOverlay, UserLayer } from '../../src/map/map-controller.ts';

/** The served data read from disk, once per test file: what the atlas fetches, without a server. */
let served: Promise<Map<string, FeatureCollection>> | undefined;
export function diskLoader(fail: (id: string) => string | undefined = () => undefined): DataLoader {
  served ??= readCollections();
  return {
    manifest: async () => readManifest(),
    async dataset(entry) {
      const why = fail(entry.id);
      if (why) throw new Error(why);
      const collection = (await served!).get(entry.id);
      if (!collection) throw new Error(`${entry.id}: not on disk`);
      return collection;
    },
    seeds: async () => readSeeds(),
  };
}

/** A map that keeps what it was told, so tests read the outlines, data and views the sessions sent it. */
export function fakeMap() {
  const outlines = new Map<string, Outline>();
  const data = new Map<string, FeatureCollection>();
  const flights: [number, number, number, number][] = [];
  const screening: { current: ScreeningOverlay | undefined } = { current: undefined };
  const user: { layers: UserLayer[]; standInKinds: string[] } = { layers: [], standInKinds: [] };
  /** The box each exported PNG was framed on (undefined: the live view). */
  const frames: ([number, number, number, number] | undefined)[] = [];
  let attributions: string[] = [];
  let click: (hits: Selection[]) => void = () => undefined;
  const view: View = { center: [111, 45], zoom: 5, bearing: 0, pitch: 0 };
  const map: AtlasMap = {
    loaded: async () => undefined,
    idle: async () => undefined,
    apply: () => undefined,
    view: () => view,
    bounds: () => [view.center[0] - 5, view.center[1] - 3, view.center[0] + 5, view.center[1] + 3],
    onViewChange: () => undefined,
    onFeatureClick: (callback) => {
      click = callback;
    },
    setData: (id, collection) => data.set(id, collection),
    setAttribution: (list) => {
      attributions = list;
    },
    setOnlineBasemap: () => undefined,
    setOutline: (id, outline) => (outline ? outlines.set(id, outline) : outlines.delete(id)),
    setScreening: (overlay) => {
      screening.current = overlay;
    },
    setUserLayers: (layers, standInKinds) => Object.assign(user, { layers, standInKinds }),
    flyToBounds: async (bounds) => {
      flights.push(bounds);
    },
    draw: async () => undefined,
    exportPng: async (scale, _decorations, frame) => {
      frames.push(frame);
      return `data:image/png;base64,${btoa(`png at ${scale}x`)}`;
    },
    resize: () => undefined,
    names: () => [],
  };
  return {
    map,
    outlines,
    data,
    flights,
    screening,
    user,
    frames,
    attributions: () => attributions,
    click: (hits: Selection[]) => click(hits),
  };
}

/** A platform that records downloads, prints, clipboard writes and links instead of touching a page. */
export function fakePlatform(loader: DataLoader, options: { href?: string; shareUrl?: string; linkState?: unknown } = {}) {
  const saved: { name: string; file: Blob }[] = [];
  const printed: PrintPage[] = [];
  const copied: string[] = [];
  const opened: string[] = [];
  const stored = new Map<string, string>();
  const href = options.href ?? 'http://127.0.0.1:4173/';
  const platform: Platform = {
    loader,
    languages: ['en-GB'],
    storage: {
      getItem: (key) => stored.get(key) ?? null,
      setItem: (key, value) => void stored.set(key, value),
      removeItem: (key) => void stored.delete(key),
    },
    page: {
      href: () => href,
      copy: async (text) => void copied.push(text),
      fullscreen: async () => undefined,
      fetchText: async (url) => {
        throw new Error(`${url.pathname}: not served in tests`);
      },
      onLeave: () => undefined,
    },
    links: (store) => ({
      // Opening the page's own link: the state it carries is restored as the links start.
      start: () => options.linkState && store.set(options.linkState),
      hash: () => '#v=1',
      shareUrl: () => options.shareUrl ?? `${href}#v=1`,
      open: (hash) => void opened.push(hash),
    }),
    save: (file, name) => void saved.push({ name, file }),
    print: (page) => void printed.push(page),
    computeLedger: async () => [],
    changed: async () => undefined,
  };
  return { platform, saved, printed, copied, opened, stored };
}
