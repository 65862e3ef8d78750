import { loadDataset, loadManifest } from '../data/loader.ts';
import { HistorySync } from '../state/history-sync.ts';
import type { DataLoader } from './atlas-data.ts';
import type { Platform } from './atlas.ts';
import type { Save } from './files.ts';
import type { Page } from './page.ts';

/**
 * The browser's side of the platform. Nothing here runs on import: the unit tests load the app layer in Node,
 * and only the root element calls this.
 */
export function browserPlatform(parts: Pick<Platform, 'changed' | 'print'>): Platform {
  return {
    ...parts,
    loader: fetchLoader(new URL('data/', document.baseURI)),
    languages: navigator.languages ?? [navigator.language],
    storage: browserStorage,
    page: browserPage,
    links: (store, defaults, extras, notify) => new HistorySync(store, defaults, extras, notify),
    save: saveFile,
    async computeLedger(collections, dataVersion) {
      const { computeLedgerInWorker } = await import('../stats/ledger-client.ts');
      return computeLedgerInWorker(collections, dataVersion);
    },
  };
}

/**
 * The page's localStorage, reached on each call. Where the browser blocks storage (a cross-site frame with
 * third-party storage blocked, a locked-down profile) merely reading `localStorage` throws: then each call throws and
 * its caller says storage is unavailable (the ledger) or keeps the value for this page (basemap, saved views), and
 * the atlas still starts.
 */
export const browserStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
  removeItem: (key) => localStorage.removeItem(key),
};

/** The served files: the manifest, each FlatGeobuf dataset (checksum and schema checked), the bundled seeds. */
export function fetchLoader(dataUrl: URL): DataLoader {
  return {
    manifest: () => loadManifest(dataUrl),
    dataset: (entry, layer) => loadDataset(entry, layer, dataUrl),
    seeds: async () => (await import('../data/bundled-seeds.ts')).bundledSeeds,
  };
}

/** Saves a file as a clicked download link would; the object URL is freed once the download has taken it. */
const saveFile: Save = (file, name) => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
};

const browserPage: Page = {
  href: () => location.href,
  copy: async (text) => navigator.clipboard?.writeText(text),
  async fullscreen(on) {
    if (on) await document.documentElement.requestFullscreen?.();
    else if (document.fullscreenElement) await document.exitFullscreen();
  },
  async fetchText(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    return response.text();
  },
  onLeave(callback) {
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') callback();
    });
    document.addEventListener('fullscreenchange', () => {
      if (!document.fullscreenElement) callback();
    });
  },
};
