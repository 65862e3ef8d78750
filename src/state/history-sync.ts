import type { AtlasState } from './state.ts';
import type { Store } from './store.ts';
import { decodeHash, encodeHash, restore, type DecodedHash, type LinkExtras } from './url-codec.ts';

/** How long the state must rest before it becomes a history entry: a pan, a zoom or a slider drag is one step. */
const settleMs = 400;

/**
 * Keeps the URL hash a copy of the state. Each settled change is one history entry, so Back and Forward step
 * through what the user did; opening or stepping to a hash restores it, dropping bad values with notices.
 */
export class HistorySync {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #applying = false;
  #unknown: [string, string][] = [];

  constructor(
    private readonly store: Store,
    private readonly defaults: AtlasState,
    private readonly extras: () => LinkExtras,
    private readonly notify: (notices: string[], decoded: DecodedHash) => void,
  ) {}

  /** Restores the page's own hash (if any), then follows the state and the Back/Forward buttons. */
  start(): void {
    if (location.hash.length > 1) this.#apply(location.hash);
    history.replaceState(null, '', this.hash());
    this.store.subscribe(() => {
      if (this.#applying) return;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#record(), settleMs);
    });
    window.addEventListener('popstate', () => this.#apply(location.hash));
  }

  hash(): string {
    // The page's own extra keys (the official layers it screens on) come first and win over a link's old ones.
    const extras = this.extras();
    return encodeHash(this.store.state, this.defaults, { ...extras, unknown: [...(extras.unknown ?? []), ...this.#unknown] });
  }

  /** The link for the current state, on this page's own address. */
  shareUrl(): string {
    return `${location.origin}${location.pathname}${this.hash()}`;
  }

  /** Opens a saved view or a share file's hash as a new history entry. */
  open(hash: string): void {
    this.#apply(hash);
    history.pushState(null, '', this.hash());
  }

  #record(): void {
    const hash = this.hash();
    if (hash !== location.hash) history.pushState(null, '', hash);
  }

  #apply(hash: string): void {
    const decoded = decodeHash(hash, this.defaults);
    this.#unknown = decoded.unknown;
    const restored = restore(this.store.state, decoded, this.store.layerIds);
    this.#applying = true;
    try {
      this.store.update(() => restored.state);
    } finally {
      this.#applying = false;
    }
    this.notify(restored.notices, decoded);
  }
}
