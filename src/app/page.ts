import type { AtlasState } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import type { DecodedHash, LinkExtras } from '../state/url-codec.ts';

/** The page the atlas runs in, as the sessions need it; src/app/browser-page.ts is the browser's. */
export interface Page {
  /** The page's address, with its query (`?embed=1`, `?load=`). */
  href(): string;
  /** Puts text on the clipboard where the browser allows it. */
  copy(text: string): Promise<void>;
  fullscreen(on: boolean): Promise<void>;
  /** A same-origin file's text (a share file named by `?load=`). */
  fetchText(url: URL): Promise<string>;
  /** Calls back when the user asks to leave the presentation (Escape, or leaving full screen). */
  onLeave(callback: () => void): void;
}

/** The URL hash kept as a copy of the state, with Back and Forward (src/state/history-sync.ts in the browser). */
export interface Links {
  start(): void;
  hash(): string;
  shareUrl(): string;
  open(hash: string): void;
}

export type LinksFactory = (
  store: Store,
  defaults: AtlasState,
  extras: () => LinkExtras,
  notify: (notices: string[], decoded: DecodedHash) => void,
) => Links;
