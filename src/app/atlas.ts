import type { FeatureCollection } from 'geojson';
import { layerDefinitions } from '../../layers/registry.ts';
import type { ProjectType } from '../schema/project-type.ts';
import type { AtlasState, Panel } from '../state/state.ts';
import { Store } from '../state/store.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import { createAtlasData, type AtlasData, type DataLoader } from './atlas-data.ts';
import type { AtlasMap } from './atlas-map.ts';
import { BasemapSetting } from './basemap-setting.ts';
import type { LayerChange, ReportRequest } from './events.ts';
import type { Save } from './files.ts';
import { initialState } from './initial-state.ts';
import type { LedgerSession } from './ledger-session.ts';
import { dataChangeNotice, restoreNotice } from './link-notices.ts';
import { Messages } from './messages.ts';
import { t } from '../i18n/strings.ts';
import type { Report } from '../screening/report.ts';
import { OnDemand } from './on-demand.ts';
import type { Links, LinksFactory, Page } from './page.ts';
import { Presenting } from './presenting.ts';
import type { ReaderSession } from './reader-session.ts';
import type { PrintPage } from './report-export.ts';
import { OfficialSession } from './official-session.ts';
import type { LegendGroup } from '../map/legend-entries.ts';
import type { ScreeningSession } from './screening-session.ts';
import { SelectionSession } from './selection.ts';

/** What the atlas needs from where it runs; src/app/browser-platform.ts gives the browser's, tests give fakes. */
export interface Platform {
  readonly loader: DataLoader;
  /** The reader's preferred languages, best first. */
  readonly languages: readonly string[];
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly page: Page;
  readonly links: LinksFactory;
  readonly save: Save;
  print(page: PrintPage): void | Promise<void>;
  computeLedger(collections: ReadonlyMap<string, FeatureCollection>, dataVersion: string): Promise<LedgerRow[]>;
  /** Something shown changed: render again; resolves once rendered. */
  changed(): Promise<unknown>;
}

/**
 * The atlas without its elements: the state, the loaded data and the session of each task. The root element
 * renders from it and turns the elements' events into calls on it; window.atlas (src/api) calls the same.
 */
export class Atlas {
  readonly defaults: AtlasState;
  readonly store: Store;
  readonly messages: Messages;
  readonly selection: SelectionSession;
  readonly basemap: BasemapSetting;
  /**
   * Site screening: its code loads with the first site (a link's, drawn, uploaded, pasted, set) or with the screening
   * panel, not with the first view, which has no site.
   */
  readonly screening: OnDemand<ScreeningSession>;
  /** The reviewer's official layers (src/official), kept in this browser and screened on. */
  readonly official: OfficialSession;
  /** The ledger's session, loaded with the ledger panel or the first window.atlas.ledger(). */
  readonly ledger: OnDemand<LedgerSession>;
  readonly presenting: Presenting;
  /** The document reader's session, loaded with the first passage opened (a citation, or a link's reader). */
  readonly reader: OnDemand<ReaderSession>;
  /** Resolves once the data is loaded and the link's state restored; rejects when the start failed. */
  readonly ready: Promise<void>;
  data: AtlasData | undefined;
  links: Links | undefined;
  /** Features per loaded layer, and why a layer is missing, for the layer panel. */
  counts: Record<string, number> = {};
  failed: Record<string, string> = {};
  #map: AtlasMap | undefined;
  #loaded = false;
  #settle!: { resolve(): void; reject(error: unknown): void };
  /** The data alone, before the link is restored: a link's site is screened while the start is still under way. */
  readonly #dataLoaded: Promise<AtlasData>;
  #settleData!: { resolve(data: AtlasData): void; reject(error: unknown): void };

  constructor(readonly platform: Platform) {
    this.defaults = initialState(platform.languages);
    this.store = new Store(
      structuredClone(this.defaults),
      layerDefinitions.map((layer) => layer.id),
    );
    this.ready = new Promise((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    this.#dataLoaded = new Promise((resolve, reject) => {
      this.#settleData = { resolve, reject };
    });
    // Nobody may be waiting for the data when the start fails: `ready` reports that failure.
    this.#dataLoaded.catch(() => undefined);
    const changed = () => void platform.changed();
    const map = () => this.#map;
    const collections = () => this.data?.collections ?? new Map<string, FeatureCollection>();
    this.messages = new Messages(changed);
    this.selection = new SelectionSession(this.store, map);
    this.basemap = new BasemapSetting(platform.storage);
    const failed = (error: unknown) => this.notLoaded(error);
    this.screening = new OnDemand(
      async () => {
        const { ScreeningSession } = await import('./screening-session.ts');
        return new ScreeningSession({ store: this.store, map, collections, changed, screener: () => this.screener() });
      },
      changed,
      failed,
    );
    this.official = new OfficialSession({
      changed,
      layersChanged: () => this.#officialChanged(),
      seeds: () => platform.loader.seeds(),
      save: platform.save,
      notLoaded: (error) => this.notLoaded(error),
    });
    this.ledger = new OnDemand(
      async () => {
        const { LedgerSession } = await import('./ledger-session.ts');
        return new LedgerSession({
          ready: () => this.ready,
          map,
          changed,
          // The ledger measures on the official layers where they stand in (an official red line makes its share measured).
          collections: () => this.official.standingIn(collections()),
          save: platform.save,
          compute: platform.computeLedger,
          store: this.store,
          storage: () => platform.storage,
          dataVersion: () => this.dataVersion,
        });
      },
      changed,
      failed,
    );
    this.presenting = new Presenting({
      store: this.store,
      page: platform.page,
      save: platform.save,
      map,
      links: () => this.links,
      credits: () => this.data?.credits ?? [],
      verdict: () => this.screening.current?.report?.verdict,
      userLegend: () => this.userLegend(),
      collections,
      incomplete: () => this.screening.current?.incomplete ?? [],
      storage: () => platform.storage,
      report: (id, text) => this.messages.report(id, text),
      changed: platform.changed,
    });
    this.reader = new OnDemand(
      async () => new (await import('./reader-session.ts')).ReaderSession({ store: this.store, collections, changed }),
      changed,
      failed,
    );
    this.store.subscribe((state) => {
      // An open passage (a link may open the reader) loads what cites its sentences.
      if (state.reader) this.reader.use((reader) => reader.load());
      this.#map?.apply(state);
      if (this.#loaded) void this.#screen();
      changed();
    });
  }

  get dataVersion(): string {
    return this.data?.dataVersion ?? 'unknown';
  }

  /** The screening engine over the loaded data (waits for the data, not for the rest of the start). */
  async screener() {
    const data = await this.#dataLoaded;
    return this.official.screener(() => data.screener(), data.collections, data.dataVersion);
  }

  /** Screens the state's site (the screening loads with the first one); resolves with the report, if there is one. */
  #screen(): Promise<Report | undefined> {
    if (!this.screening.current && !this.store.state.site) return Promise.resolve(undefined);
    return this.screening.get().then(
      (session) => session.update(),
      () => undefined,
    );
  }

  /** A part of the atlas whose code could not be fetched (the network went meanwhile, a newer build replaced it) says so. */
  notLoaded(error: unknown): void {
    const why = error instanceof Error ? error.message : String(error);
    this.messages.report('not-loaded', `${t('notLoaded', this.store.state.lang)} ${why}`);
  }

  map(): AtlasMap | undefined {
    return this.#map;
  }

  /** The legend groups of the official layers drawn on the map, each marked official (user-supplied). */
  userLegend(): LegendGroup[] {
    return this.official.legendGroups(this.store.state.lang);
  }

  /** The official layers changed: screen, draw and measure on them again. */
  #officialChanged(): void {
    void this.#screen();
    this.#drawOfficial();
    this.ledger.current?.remeasure();
  }

  #drawOfficial(): void {
    const { layers, standInKinds } = this.official.mapLayers();
    this.#map?.setUserLayers(layers, standInKinds);
  }

  /** Starts with the map: loads the data into it, then restores a link's state and opens a shared file. */
  async start(map: AtlasMap): Promise<void> {
    this.#map = map;
    map.onViewChange((view) => this.store.update((state) => ({ ...state, view })));
    map.onFeatureClick((hits) => this.selection.click(hits));
    try {
      await this.#load(map);
      this.#settle.resolve();
    } catch (error) {
      this.#settleData.reject(error);
      this.#settle.reject(error);
      throw error;
    }
  }

  /** A dataset that fails is reported and the rest of the map keeps working. */
  async #load(map: AtlasMap): Promise<void> {
    const mapLoaded = map.loaded().then(() => this.basemap.apply(map));
    const data = await createAtlasData(this.platform.loader, {
      layers: layerDefinitions,
      onDataset: async (layer, collection) => {
        await mapLoaded;
        map.setData(layer.id, collection);
        this.counts = { ...this.counts, [layer.id]: collection.features.length };
        if (layer.properties) this.selection.add(layer.id, collection);
      },
    });
    await mapLoaded;
    this.#drawOfficial();
    this.data = data;
    this.#settleData.resolve(data);
    const lang = this.store.state.lang;
    for (const { layerId, message } of data.failures) {
      const layer = layerDefinitions.find((definition) => definition.id === layerId);
      if (layerId) this.failed = { ...this.failed, [layerId]: message };
      this.messages.report(layerId ?? 'manifest', layer ? `${layer.title[lang]}: ${message}` : message);
    }
    if (data.manifest) map.setAttribution(data.credits);
    this.store.update((state) => ({ ...state, view: map.view() }));
    this.#loaded = true;
    this.links = this.platform.links(
      this.store,
      this.defaults,
      () => ({ dataVersion: this.dataVersion, verdict: this.screening.current?.report?.verdict, unknown: this.official.linkParams() }),
      (notices, decoded) => {
        const restored = restoreNotice(notices, this.store.state.lang);
        if (restored) this.messages.report('link', restored);
        void this.official.missingNotice(decoded.unknown, this.store.state.lang).then((missing) => {
          if (missing) this.messages.report('official-layers', missing);
        });
        // A link's verdict is compared with today's even on the same data: the engine may have changed since.
        if ((!decoded.dataVersion || decoded.dataVersion === this.dataVersion) && !decoded.verdict) return;
        void this.#screen().then((report) => {
          const changedData = dataChangeNotice(decoded, this.dataVersion, report, this.store.state.lang);
          if (changedData) this.messages.report('data-version', changedData);
        });
      },
    );
    this.links.start();
    if (this.store.state.site) this.screening.use((session) => session.openedFromLink());
    await this.presenting.loadSharedFile();
    await this.#screen();
    await map.idle();
  }

  changeLayer({ id, ...change }: LayerChange): void {
    this.store.update((state) => ({ ...state, layers: { ...state.layers, [id]: { ...state.layers[id]!, ...change } } }));
  }

  openPanel(panel: Panel): void {
    this.store.update((state) => ({ ...state, panel }));
  }

  switchLanguage(): void {
    this.store.update((state) => ({ ...state, lang: state.lang === 'zh' ? 'en' : 'zh' }));
  }

  /** The project type picked in the screening panel; empty when none is. */
  setProjectType(value: string): void {
    this.store.update((state) => ({ ...state, projectType: (value || null) as ProjectType | null }));
  }

  /** The report writer (and the simplification it draws with) loads on the first export, not with the first view. */
  async exportReport(request: ReportRequest): Promise<void> {
    const { exportReport } = await import('./report-export.ts');
    return exportReport(
      {
        store: this.store,
        save: this.platform.save,
        report: () => this.screening.current?.report,
        source: () => this.screening.current?.source,
        frame: () => this.screening.current?.frame(),
        collections: () => this.data?.collections ?? new Map(),
        exportPng: (scale, frame) => this.presenting.exportPng(scale, frame),
        print: (page) => this.platform.print(page),
      },
      request,
    );
  }
}
