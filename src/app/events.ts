import type { DrawKind } from '../map/draw-tool.ts';
import type { OnlineBasemap } from '../map/online-basemap.ts';
import type { SearchEntry } from '../search/search.ts';
import type { LayerState, Selection } from '../state/state.ts';
import type { LedgerAction } from './ledger-session.ts';
import type { ReaderAction } from './reader-session.ts';

/** A change to one layer's visibility, opacity or filters. */
export type LayerChange = { id: string } & Partial<LayerState>;
export type Datum = 'wgs84' | 'gcj02' | 'bd09';
/** Coordinates typed or pasted, with the datum and Gauss-Krüger zone they are in. */
export interface PastedSite {
  text: string;
  datum: Datum;
  zoneWidth: 3 | 6;
  centralMeridian?: number;
}
/** A file handed over by an upload: read only once its size has passed the limit. */
export interface SiteFile {
  name: string;
  size: number;
  read(): Promise<ArrayBuffer>;
}
export type ReportFormat = 'geojson' | 'csv' | 'print';
export interface ReportRequest {
  format: ReportFormat;
  capacity: string;
}
export type ShareAction = 'copy-link' | 'export-1x' | 'export-2x' | 'embed' | 'present';
/** A notice over the map; a newer one with the same id replaces it. */
export interface Message {
  id: string;
  text: string;
}

/**
 * Every event an element sends up to the root, by name, with what it carries. Declared once here, so that
 * `addEventListener('atlas-…', (event) => event.detail)` is typed wherever it is listened to.
 */
export interface AtlasEvents {
  'atlas-layer-change': LayerChange;
  'atlas-select': Selection | null;
  'atlas-pick': SearchEntry;
  'atlas-basemap': OnlineBasemap | undefined;
  'atlas-draw': DrawKind;
  'atlas-site-file': SiteFile;
  'atlas-site-text': PastedSite;
  'atlas-clear-site': null;
  /** Stops reading an uploaded file or pasted text; the site before stays. */
  'atlas-cancel-site-read': null;
  /** The verdict sheet asks for the whole card: the side panel opens on screening. */
  'atlas-show-verdict': null;
  'atlas-project-type': string;
  'atlas-export-report': ReportRequest;
  'atlas-ledger': LedgerAction;
  'atlas-share': ShareAction;
  /** The exported image's title and subtitle as the presenter typed them. */
  'atlas-export-text': { title: string; subtitle: string };
  /** Opens (true) or dismisses (false) the About panel. */
  'atlas-about': boolean;
  'atlas-open-hash': string;
  'atlas-dismiss': string;
  'atlas-reader': ReaderAction;
}

/** Each event as the DOM delivers it. */
type AtlasEventMap = { [K in keyof AtlasEvents]: CustomEvent<AtlasEvents[K]> };

declare global {
  // Shoelace's pattern: the DOM's own map of event names learns the atlas's events.
  interface GlobalEventHandlersEventMap extends AtlasEventMap {}
}

/** Sends an event up to the root element, across shadow roots. */
export function emit<K extends keyof AtlasEvents>(from: EventTarget, name: K, detail: AtlasEvents[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
