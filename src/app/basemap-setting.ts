import { readStoredBasemap, storageKey, tileTemplate, type OnlineBasemap } from '../map/online-basemap.ts';
import type { AtlasMap } from './atlas-map.ts';

/** The user's online basemap, kept in this browser's storage (never in links: a key may be private). */
export class BasemapSetting {
  current: OnlineBasemap | undefined;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
    this.current = readStoredBasemap(storage);
  }

  set(basemap: OnlineBasemap | undefined, map: AtlasMap | undefined): void {
    this.current = basemap;
    try {
      if (basemap) this.storage.setItem(storageKey, JSON.stringify(basemap));
      else this.storage.removeItem(storageKey);
    } catch {
      // Storage is blocked or full: the basemap applies for this page only.
    }
    this.apply(map);
  }

  apply(map: AtlasMap | undefined): void {
    const tiles = this.current ? tileTemplate(this.current) : undefined;
    map?.setOnlineBasemap(tiles?.template, tiles?.attribution);
  }
}
