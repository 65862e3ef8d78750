import type { FeatureCollection } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import type { Seed } from '../schema/seed.ts';
import type { SiteScreener, WorkerScreener } from '../screening/screen-client.ts';
import type { LayerImport } from '../official/import-client.ts';
import type { LayerSummary } from '../official/import-messages.ts';
import type { OfficialStore, StoredLayer } from '../official/layer-store.ts';
import type { LegendGroup } from '../map/legend-entries.ts';
import type { OfficialMapLayer } from '../official/map-layers.ts';
import type { ZoneProfile } from '../official/profile.ts';
import type { Lang } from '../state/state.ts';
import type { Save } from './files.ts';
import type { OfficialImport } from './official-import.ts';
import { OnDemand } from './on-demand.ts';

export interface OfficialHost {
  /** Something shown changed. */
  changed(): void;
  /** The official layers changed: screen the site, draw the map and measure the ledger on them again. */
  layersChanged(): void;
  seeds(): Promise<readonly Seed[]>;
  save: Save;
  /** Code that could not be fetched (the layers kept here then wait for the next visit). */
  notLoaded?(error: unknown): void;
}

/** What the session needs of the import worker's client (tests hand it one that reads in the same thread). */
export type Importer = Pick<LayerImport, 'read' | 'map' | 'cancel'>;

export interface OfficialOptions {
  /** This browser's store, or undefined where it keeps nothing (IndexedDB blocked or missing). */
  openStore?(): Promise<OfficialStore | undefined>;
  /** The worker that reads and maps a file. */
  importer?(): Promise<Importer>;
}

/** Where an import stands, for the form: reading, mapping (with the fraction done), or waiting for the mapping. */
export interface ImportState {
  file: File;
  /** The attribute encoding the reviewer chose after garbled names, kept in the profile. */
  encoding?: 'gbk' | 'utf-8';
  summary?: LayerSummary;
  phase?: 'read' | 'map';
  fraction?: number;
  refusal?: Bilingual;
}

/**
 * What the atlas does with official layers once there are some (draw them, list them in the legend, name them in the
 * link, stand them in for the bundled zones): loaded with the first layer restored or imported, not with the first
 * view, which has none.
 */
const loadParts = async () => {
  const [mapLayers, shareLink, screeningInput] = await Promise.all([
    import('../official/map-layers.ts'),
    import('../official/share-link.ts'),
    import('../official/screening-input.ts'),
  ]);
  return { ...mapLayers, ...shareLink, ...screeningInput };
};
type Parts = Awaited<ReturnType<typeof loadParts>>;

const browserStore = async () => (await import('../official/layer-store.ts')).openOfficialStore(globalThis.indexedDB);
const browserImporter = async () => new (await import('../official/import-client.ts')).LayerImport();

/**
 * The reviewer's official layers in the atlas: imported in a worker, mapped by a profile, kept in this browser only,
 * screened on in place of the bundled zones of their kind, removable. Storage that is blocked says so and the layers
 * last for the visit; nothing else changes.
 */
export class OfficialSession {
  layers: StoredLayer[] = [];
  storage: 'opening' | 'kept' | 'unavailable' = 'opening';
  #store: OfficialStore | undefined;
  /** The import form's work, loaded with the first file chosen. */
  readonly #import: OnDemand<OfficialImport>;
  #parts: Parts | undefined;
  readonly #restored: Promise<void>;
  #screener: { key: string; screener: Promise<SiteScreener>; close(): void } | undefined;

  constructor(
    private readonly host: OfficialHost,
    private readonly options: OfficialOptions = {},
  ) {
    this.#import = new OnDemand(
      async () =>
        new (await import('./official-import.ts')).OfficialImport({
          changed: () => host.changed(),
          importer: options.importer ?? browserImporter,
          prepare: () => this.#loadParts(),
          keep: (stored) => this.#keep(stored),
        }),
      () => host.changed(),
      (error) => host.notLoaded?.(error),
    );
    this.#restored = this.#restore();
  }

  async #restore(): Promise<void> {
    this.#store = await (this.options.openStore ?? browserStore)().catch(() => undefined);
    this.storage = this.#store ? 'kept' : 'unavailable';
    const kept = (await this.#store?.list().catch(() => [])) ?? [];
    // Kept layers whose code cannot be fetched stay in the store for the next visit.
    if (kept.length === 0 || (await this.#reportedParts())) this.layers = kept;
    this.host.changed();
    if (this.layers.length > 0) this.host.layersChanged();
  }

  /** The layers as the map draws them, and the bundled zone kinds they stand in for. */
  mapLayers(): { layers: OfficialMapLayer[]; standInKinds: string[] } {
    return this.#parts?.officialMapLayers(this.#officialLayers()) ?? { layers: [], standInKinds: [] };
  }

  /** The legend groups of the layers, each marked official (user-supplied). */
  legendGroups(lang: Lang): LegendGroup[] {
    return this.#parts?.officialLegendGroups(this.#officialLayers(), lang) ?? [];
  }

  /** The bundled collections with the layers standing in for the zones of their kinds (the same collections while there are none). */
  standingIn(collections: ReadonlyMap<string, FeatureCollection>): ReadonlyMap<string, FeatureCollection> {
    return this.#parts && this.layers.length > 0
      ? this.#parts.withOfficialLayers(collections, [], this.#officialLayers()).collections
      : collections;
  }

  /** The parts, loaded once; a load that fails rejects, and the next call tries again. */
  async #loadParts(): Promise<Parts> {
    this.#parts ??= await loadParts();
    return this.#parts;
  }

  /** The parts, or undefined when they could not be fetched, which is said. */
  #reportedParts(): Promise<Parts | undefined> {
    return this.#loadParts().catch((error: unknown) => {
      this.host.notLoaded?.(error);
      return undefined;
    });
  }

  #officialLayers() {
    return this.layers.map((stored) => stored.layer);
  }

  /** Where the import stands, for the form; undefined while none is under way. */
  get importing(): ImportState | undefined {
    return this.#import.current?.importing;
  }

  /** Reads a file for the mapping form (in the worker); `encoding` re-reads one whose names came out garbled. */
  async read(file: File, encoding?: 'gbk' | 'utf-8'): Promise<void> {
    await (await this.#import.get().catch(() => undefined))?.read(file, encoding);
  }

  /** Maps the file read with the reviewer's profile, keeps the layer and screens on it. */
  async map(profile: ZoneProfile, entryList?: File): Promise<void> {
    await this.#import.current?.map(profile, entryList);
  }

  /** Stops the import at once (the worker is ended); layers already kept stay. */
  cancel(): void {
    this.#import.current?.cancel();
  }

  /** A mapped layer: in use at once, kept after. */
  async #keep(stored: StoredLayer): Promise<void> {
    const { layer } = stored;
    this.layers = [...this.layers.filter((other) => other.layer.provenance.id !== layer.provenance.id), stored];
    this.host.layersChanged();
    this.host.changed();
    // Chromium's private windows never answer a put of a layer this large (hundreds of MB), and the layer must not
    // wait on that; a put that fails says the layer lasts for this visit only.
    await this.#store?.put(stored).catch(() => {
      this.storage = 'unavailable';
    });
  }

  async remove(id: string): Promise<void> {
    await this.#store?.remove(id).catch(() => undefined);
    this.layers = this.layers.filter((stored) => stored.layer.provenance.id !== id);
    this.host.layersChanged();
    this.host.changed();
  }

  /** Saves a layer's mapping as the profile file the CLI reads (--zone-profile) and another reviewer can reuse. */
  exportProfile(id: string): void {
    const stored = this.layers.find((candidate) => candidate.layer.provenance.id === id);
    if (!stored) return;
    const name = `${stored.layer.provenance.file.replace(/\.[^.]*$/, '')}.profile.json`;
    void this.host.save(new Blob([`${JSON.stringify(stored.profile, null, 2)}\n`], { type: 'application/json' }), name);
  }

  /**
   * The screening engine: the bundled one while no official layer is loaded, else one over the bundled collections
   * with the official layers standing in for their kinds and the entry lists' rules added (built once per set). In
   * the browser that one is built and held by a Web Worker (screen-client.ts): building it on an official layer of
   * 100,000 polygons takes seconds, which on the page's thread would freeze the map; where no Worker exists (Node),
   * it is built here.
   */
  async screener(
    bundled: () => Promise<SiteScreener>,
    collections: ReadonlyMap<string, FeatureCollection>,
    dataVersion: string,
  ): Promise<SiteScreener> {
    await this.#restored;
    const key = this.layers.map((stored) => stored.layer.provenance.id).join(' ');
    if (this.#screener?.key !== key) {
      this.#screener?.close();
      this.#screener = undefined;
      if (this.layers.length === 0) return bundled();
      const layers = this.#officialLayers();
      let worker: WorkerScreener | undefined;
      let closed = false;
      const screener = Promise.all([this.host.seeds(), bundled()]).then(async ([seeds]): Promise<SiteScreener> => {
        const { withOfficialLayers } = await this.#loadParts();
        const input = withOfficialLayers(collections, seeds, layers);
        if (typeof Worker !== 'function') return (await import('../screening/screener.ts')).createScreener({ ...input, dataVersion });
        const { WorkerScreener } = await import('../screening/screen-client.ts');
        worker = new WorkerScreener(input.collections, input.seeds, dataVersion);
        // Replaced before it started: ended at once (its sites are refused, and the newer set screens them).
        if (closed) worker.close();
        return worker;
      });
      const close = () => {
        closed = true;
        worker?.close();
      };
      this.#screener = { key, screener, close };
    }
    const current = await this.#screener.screener;
    return {
      // A site asked of a screener that a newer set of layers replaced meanwhile is screened on the newer one.
      screen: async (geometry, projectType) => {
        try {
          return await current.screen(geometry, projectType);
        } catch (error) {
          if ((error as Error).name !== 'ScreenerReplaced') throw error;
          return (await this.screener(bundled, collections, dataVersion)).screen(geometry, projectType);
        }
      },
    };
  }

  /** The link parameter naming the loaded layers (none while there are none). */
  linkParams(): [string, string][] {
    const parts = this.#parts;
    return !parts || this.layers.length === 0
      ? []
      : [[parts.officialLinkKey, parts.officialLinkValue(this.layers.map((stored) => stored.layer.provenance))]];
  }

  /** What a link's recipient must load: the layers it names that this browser has not (once the store is read). */
  async missingNotice(params: readonly [string, string][], lang: Lang): Promise<string | undefined> {
    await this.#restored;
    // A link naming no parameter the atlas does not know names no official layer either.
    const parts = params.length > 0 ? await this.#reportedParts() : undefined;
    if (!parts) return undefined;
    const { linkedLayers, missingLayers, missingLayersNotice, officialLinkKey } = parts;
    const linked = linkedLayers(params.find(([key]) => key === officialLinkKey)?.[1]);
    return missingLayersNotice(
      missingLayers(
        linked,
        this.layers.map((stored) => stored.layer.provenance),
      ),
      lang,
    );
  }
}
