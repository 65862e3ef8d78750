import type { FeatureCollection } from 'geojson';
import type { CitingEntry } from '../documents/cited-by.ts';
import type { Citation } from '../schema/citation.ts';
import { defaultLedgerView } from '../schema/ledger-view.ts';
import type { ReaderPlace } from '../state/state.ts';
import type { Store } from '../state/store.ts';

/** What the reader's elements ask for: open a passage, close, or go to something that cites the passage. */
export type ReaderAction = { kind: 'open'; place: ReaderPlace } | { kind: 'close' } | { kind: 'follow'; entry: CitingEntry };

/** What the reader session needs from the atlas. */
export interface ReaderHost {
  store: Store;
  collections(): ReadonlyMap<string, FeatureCollection>;
  changed(): void;
}

/** The citation as a place for the reader: its document, its first line, its quoted words. */
export const placeOfCitation = (citation: Citation): ReaderPlace => ({ doc: citation.doc, line: citation.line, quote: citation.quote });

/**
 * The document reader: which passage is open (in the state, so the link carries it) and what in the atlas cites each
 * sentence (the map's features, the seeds' targets and rules), leading to it.
 */
export class ReaderSession {
  /** Every citing entry, once the seeds are loaded (they are bundled apart, like the ledger's and screening's). */
  entries: CitingEntry[] = [];
  #entries: Promise<CitingEntry[]> | undefined;
  #features: ReadonlyMap<string, FeatureCollection> | undefined;

  constructor(private readonly host: ReaderHost) {}

  act(action: ReaderAction): void {
    if (action.kind === 'open') this.open(action.place);
    else if (action.kind === 'close') this.close();
    else this.follow(action.entry);
  }

  /** Opens the reader at a citation: what every citation shown in the atlas calls. */
  openCitation(citation: Citation): void {
    this.open(placeOfCitation(citation));
  }

  open(place: ReaderPlace): void {
    this.host.store.update((state) => ({ ...state, reader: place }));
    void this.load();
  }

  close(): void {
    this.host.store.update(({ reader: _closed, ...state }) => state);
  }

  /** Goes to what cites a sentence: a zone's feature on the map, a target's ledger row, a rule's screening panel. */
  follow(entry: CitingEntry): void {
    this.host.store.update(({ reader: _closed, ...state }) => {
      if (entry.kind === 'zone' && entry.layer) return { ...state, selection: { layer: entry.layer, id: entry.id } };
      if (entry.kind === 'target') return { ...state, panel: 'ledger', ledger: { ...(state.ledger ?? defaultLedgerView), row: entry.id } };
      return { ...state, panel: 'screening' };
    });
  }

  /**
   * Loads the citing entries of the features loaded so far and of the seeds; again when more layers have loaded. Like
   * the seeds, the code that finds what cites what loads with the reader, not with the first view.
   */
  load(): Promise<CitingEntry[]> {
    const features = this.host.collections();
    if (this.#entries && this.#features === features) return this.#entries;
    this.#features = features;
    this.#entries = Promise.all([import('../data/bundled-seeds.ts'), import('../documents/cited-by.ts')]).then(
      ([{ bundledSeeds }, citing]) => {
        this.entries = [...citing.featureEntries(features), ...citing.seedEntries(bundledSeeds)];
        this.host.changed();
        return this.entries;
      },
    );
    return this.#entries;
  }
}
