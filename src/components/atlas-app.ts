import { LitElement, html, nothing } from 'lit';
import type { Feature, FeatureCollection } from 'geojson';
import { layerDefinitions } from '../../layers/registry.ts';
import { installAutomation } from '../api/automation.ts';
import { loadDataset, loadManifest } from '../data/loader.ts';
import { browserLang, t, verdictKey } from '../i18n/strings.ts';
import type { DrawKind } from '../map/draw-tool.ts';
import { MapController } from '../map/map-controller.ts';
import { readStoredBasemap, storageKey, tileTemplate, type OnlineBasemap } from '../map/online-basemap.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { verdictSchema } from '../screening/verdict.ts';
import { indexEntries, type SearchEntry } from '../search/search.ts';
import { HistorySync } from '../state/history-sync.ts';
import type { AtlasState, Lang, LayerState, Panel, Selection } from '../state/state.ts';
import { Store } from '../state/store.ts';
import type { DecodedHash } from '../state/url-codec.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import { download } from '../app/download.ts';
import type { LayerChange } from './layer-panel.ts';
import { LedgerSession } from '../app/ledger-session.ts';
import type { Message } from './message-bar.ts';
import { Presenting } from '../app/presenting.ts';
import { printReport } from '../app/print-report.ts';
import type { PastedSite, ReportFormat } from './screening-panel.ts';
import type { ShareAction } from './share-tools.ts';
import { ScreeningSession } from '../app/screening-session.ts';
import './basemap-settings.ts';
import './feature-panel.ts';
import './layer-panel.ts';
import './ledger-panel.ts';
import './map-legend.ts';
import './message-bar.ts';
import './screening-panel.ts';
import './search-box.ts';
import './share-tools.ts';

function initialState(): AtlasState {
  return {
    view: { center: [111.63, 45.4], zoom: 4, bearing: 0, pitch: 0 },
    lang: browserLang(navigator.languages ?? [navigator.language]),
    layers: Object.fromEntries(layerDefinitions.map((layer) => [layer.id,
      { visible: layer.defaultVisible, opacity: layer.defaultOpacity, hiddenCategories: [...(layer.defaultHiddenCategories ?? [])], hiddenStatuses: [] }])),
    selection: null,
    panel: 'layers',
    site: null,
    projectType: null,
  };
}

const featureKey = ({ layer, id }: Selection) => `${layer}/${id}`;
/** A verdict in the interface language; a link's verdict that is no known verdict is shown as written. */
const verdictText = (verdict: string, lang: Lang) => {
  const known = verdictSchema.safeParse(verdict);
  return known.success ? t(verdictKey[known.data], lang) : verdict;
};
const tabLabel = { layers: 'tabLayers', ledger: 'tabLedger', screening: 'tabScreening' } as const;

/** The root element: owns the store, starts the map controller, loads the data and wires panels to state. */
export class AtlasApp extends LitElement {
  static override properties = { panelOpen: { state: true } };
  panelOpen = window.matchMedia('(min-width: 720px)').matches;

  readonly defaults = initialState();
  readonly store = new Store(structuredClone(this.defaults), layerDefinitions.map((layer) => layer.id));
  #controller: MapController | undefined;
  #history: HistorySync | undefined;
  #started: Promise<void> | undefined;
  #loaded = false;
  #dataVersion = 'unknown';
  #attributions: string[] = [];
  #collections = new Map<string, FeatureCollection>();
  #features = new Map<string, Feature>();
  #searchEntries: SearchEntry[] = [];
  #counts: Record<string, number> = {};
  #failed: Record<string, string> = {};
  #messages: Message[] = [];
  /** The other features under the last click, so overlapping zones stay reachable. */
  #alsoHere: Selection[] = [];
  #basemap: OnlineBasemap | undefined = readStoredBasemap(localStorage);

  readonly screening = new ScreeningSession({
    store: this.store, controller: () => this.#controller, collections: () => this.#collections,
    dataVersion: () => this.#dataVersion, requestUpdate: () => this.requestUpdate(),
  });
  readonly ledger = new LedgerSession({
    ready: () => this.#started ?? Promise.resolve(), controller: () => this.#controller, collections: () => this.#collections,
    dataVersion: () => this.#dataVersion, requestUpdate: () => this.requestUpdate(),
  });
  readonly presenting = new Presenting({
    store: this.store, controller: () => this.#controller, history: () => this.#history, attributions: () => this.#attributions,
    report: (id, text) => this.#report(id, text),
    requestUpdate: () => {
      this.requestUpdate();
      return this.updateComplete;
    },
  });

  // Light DOM: MapLibre's stylesheet and controls must reach the map container.
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.subscribe((state) => {
      this.#controller?.apply(state);
      if (this.#loaded) void this.screening.update();
      document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
      this.requestUpdate();
    });
    const on = <T>(name: string, handle: (detail: T) => unknown) =>
      this.addEventListener(name, (event) => void handle((event as CustomEvent<T>).detail));
    on<LayerChange>('atlas-layer-change', (change) => this.#changeLayer(change));
    on<Selection | null>('atlas-select', (selection) => this.#select(selection));
    on<SearchEntry>('atlas-pick', (entry) => this.#pick(entry));
    on<OnlineBasemap | undefined>('atlas-basemap', (basemap) => this.#setBasemap(basemap));
    on<DrawKind>('atlas-draw', (kind) => this.screening.draw(kind));
    on<Parameters<ScreeningSession['upload']>[0]>('atlas-site-file', (file) => this.screening.upload(file));
    on<PastedSite>('atlas-site-text', (pasted) => this.screening.paste(pasted));
    on<null>('atlas-clear-site', () => this.screening.setSite(null, []));
    on<string>('atlas-project-type', (value) =>
      this.store.update((state) => ({ ...state, projectType: (value || null) as ProjectType | null })));
    on<{ format: ReportFormat; capacity: string }>('atlas-export-report', (request) => this.#exportReport(request));
    on<LedgerRow>('atlas-ledger-select', (row) => this.ledger.select(row));
    on<LedgerRow[]>('atlas-ledger-csv', (rows) => this.ledger.downloadCsv(rows));
    on<ShareAction>('atlas-share', (action) => this.presenting.act(action));
    on<string>('atlas-open-hash', (hash) => this.#history?.open(hash));
    on<string>('atlas-dismiss', (id) => {
      this.#messages = this.#messages.filter((message) => message.id !== id);
      this.requestUpdate();
    });
    this.addEventListener('dragover', (event) => event.preventDefault());
    this.addEventListener('drop', (event) => void this.presenting.drop(event));
  }

  override render() {
    const { lang, layers, selection } = this.store.state;
    const { embedded, presenting, embedSnippet } = this.presenting;
    document.title = t('appTitle', lang);
    const selected = selection ? this.#features.get(featureKey(selection)) : undefined;
    const chrome = !embedded && !presenting;
    const legendLayers = layerDefinitions.filter((layer) => layer.properties && layers[layer.id]?.visible);
    this.classList.toggle('embedded', embedded);
    this.classList.toggle('presenting', presenting);
    return html`
      ${presenting ? html`<div class="presentation-title"><h1>${t('appTitle', lang)}</h1>
        <p>${t('leavePresentation', lang)}</p></div>` : nothing}
      ${chrome ? html`<header class="bar">
        <button class="panel-toggle" aria-expanded=${this.panelOpen} aria-controls="side-panel"
          aria-label=${t(this.panelOpen ? 'hideLayers' : 'showLayers', lang)}
          @click=${() => { this.panelOpen = !this.panelOpen; }}>☰</button>
        <h1>${t('appTitle', lang)}</h1>
        <button class="copy-link" @click=${() => void this.presenting.copyLink()}>${t('copyLink', lang)}</button>
        <button class="lang" aria-label=${t('switchLanguageLabel', lang)}
          @click=${() => this.store.update((state) => ({ ...state, lang: state.lang === 'zh' ? 'en' : 'zh' }))}>
          ${t('switchLanguage', lang)}</button>
      </header>` : nothing}
      <main class="body">
        <aside id="side-panel" class="panel" ?hidden=${!this.panelOpen || !chrome} aria-label=${t('layers', lang)}>
          <share-tools locale=${lang} .currentHash=${this.#history?.hash() ?? ''}></share-tools>
          <div class="tabs" role="tablist">
            ${(['layers', 'ledger', 'screening'] as const).map((panel) => html`<button role="tab" id="tab-${panel}"
              aria-selected=${this.store.state.panel === panel} aria-controls="tab-panel"
              @click=${() => this.#openPanel(panel)}>${t(tabLabel[panel], lang)}</button>`)}
          </div>
          <div id="tab-panel" role="tabpanel" aria-labelledby="tab-${this.store.state.panel}">
            ${this.#panelBody()}
          </div>
        </aside>
        <div class="map-wrap">
          <div id="map" role="region" aria-label=${t('map', lang)}></div>
          <message-bar .messages=${this.#messages} locale=${lang}></message-bar>
          ${chrome ? nothing : html`<map-legend class="overlay-legend" .layers=${legendLayers} locale=${lang}
            ?large=${presenting}></map-legend>`}
          ${embedSnippet ? html`<dialog open class="embed-dialog" aria-labelledby="embed-title">
            <p id="embed-title">${t('embedSnippet', lang)}</p>
            <textarea readonly rows="4" aria-labelledby="embed-title">${embedSnippet}</textarea>
            <button @click=${() => { this.presenting.embedSnippet = ''; this.requestUpdate(); }}>${t('close', lang)}</button>
          </dialog>` : nothing}
          ${selected && selection ? html`<section class="feature-card" aria-labelledby="feature-title">
            <feature-panel .layer=${layerDefinitions.find((layer) => layer.id === selection.layer)}
              .feature=${selected.properties} locale=${lang}></feature-panel>
            ${this.#alsoHere.length > 0 ? html`<nav class="also-here" aria-label=${t('alsoHere', lang)}>
              <h3>${t('alsoHere', lang)}</h3>
              ${this.#alsoHere.map((hit) => html`<button data-id=${hit.id} @click=${() => this.#switchTo(hit)}>
                ${String(this.#features.get(featureKey(hit))?.properties?.[`name_${lang}`] ?? hit.id)}</button>`)}
            </nav>` : nothing}</section>` : nothing}
        </div>
      </main>`;
  }

  #panelBody() {
    const { lang, layers, panel, site, projectType } = this.store.state;
    if (panel === 'screening') {
      return html`<screening-panel .report=${this.screening.report} projectType=${projectType ?? ''} ?hasSite=${site !== null}
        drawing=${this.screening.drawing} problem=${this.screening.problem} .notes=${this.screening.notes} locale=${lang}></screening-panel>`;
    }
    if (panel === 'ledger') {
      void this.ledger.ledger().catch(() => undefined);
      return html`<ledger-panel .rows=${this.ledger.rows} locale=${lang} selected=${this.ledger.selected}
        failed=${this.ledger.error}></ledger-panel>`;
    }
    return html`<search-box .entries=${this.#searchEntries} .layers=${layerDefinitions} locale=${lang}></search-box>
      <layer-panel .layers=${layerDefinitions} .states=${layers} .counts=${this.#counts} .failed=${this.#failed}
        locale=${lang}></layer-panel>
      <basemap-settings .current=${this.#basemap} locale=${lang}></basemap-settings>`;
  }

  override firstUpdated(): void {
    const controller = new MapController(this.querySelector<HTMLElement>('#map')!, layerDefinitions, this.store.state);
    this.#controller = controller;
    controller.onViewChange((view) => this.store.update((state) => ({ ...state, view })));
    controller.onFeatureClick((hits) => {
      this.#alsoHere = hits.slice(1);
      this.#select(hits[0] ?? null);
    });
    this.#started = this.#start(controller);
    installAutomation(this.store, controller, this.#started, {
      shareUrl: () => this.#history?.shareUrl() ?? location.href,
      exportPng: async (scale) => (await this.presenting.exportCanvas(scale)).toDataURL('image/png'),
      ledger: () => this.ledger.ledger(),
      screen: async (geometry, projectType) => (await this.screening.screener()).screen(geometry, projectType),
    });
  }

  /** Loads the manifest and every dataset; a dataset that fails is reported and the rest of the map keeps working. */
  async #start(controller: MapController): Promise<void> {
    const dataUrl = new URL('data/', document.baseURI);
    const manifest = await loadManifest(dataUrl).catch((error: Error) => {
      this.#report('manifest', error.message);
      return undefined;
    });
    await controller.loaded();
    this.#applyBasemap();
    if (manifest) {
      this.#dataVersion = manifest.version;
      this.#attributions = [...new Set(manifest.datasets.map((dataset) => dataset.provenance.attribution))];
      controller.setAttribution(this.#attributions);
      await Promise.all(layerDefinitions.map(async (layer) => {
        const entry = manifest.datasets.find((dataset) => dataset.id === layer.id);
        try {
          if (!entry) throw new Error(`${layer.title.en}: no dataset in the manifest`);
          this.#add(layer.id, await loadDataset(entry, layer, dataUrl), layer.properties !== undefined);
        } catch (error) {
          this.#failed = { ...this.#failed, [layer.id]: (error as Error).message };
          this.#report(layer.id, `${layer.title[this.store.state.lang]}: ${(error as Error).message}`);
        }
      }));
    }
    this.store.update((state) => ({ ...state, view: controller.view() }));
    this.#loaded = true;
    this.#history = new HistorySync(this.store, this.defaults,
      () => ({ dataVersion: this.#dataVersion, verdict: this.screening.report?.verdict }),
      (notices, decoded) => this.#linkNotices(notices, decoded));
    this.#history.start();
    await this.presenting.loadSharedFile();
    await this.screening.update();
    await controller.idle();
  }

  #add(layerId: string, collection: FeatureCollection, thematic: boolean): void {
    this.#controller!.setData(layerId, collection);
    this.#collections.set(layerId, collection);
    this.#counts = { ...this.#counts, [layerId]: collection.features.length };
    if (!thematic) return;
    for (const feature of collection.features) {
      this.#features.set(featureKey({ layer: layerId, id: String(feature.properties?.['id']) }), feature);
    }
    this.#searchEntries = [...this.#searchEntries, ...indexEntries(layerId, collection)];
  }

  /** What a link could not restore, and whether the data (and the shared site's verdict) changed since it was made. */
  #linkNotices(notices: string[], decoded: DecodedHash): void {
    const lang = this.store.state.lang;
    if (notices.length > 0) this.#report('link', `${t('linkNotice', lang)} ${notices.join('; ')}`);
    if (!decoded.dataVersion || decoded.dataVersion === this.#dataVersion) return;
    const changed = t('dataChanged', lang).replace('{then}', decoded.dataVersion).replace('{now}', this.#dataVersion);
    void this.screening.update().then((report) => {
      const verdict = !decoded.verdict || !report ? ''
        : ` ${t(decoded.verdict === report.verdict ? 'verdictSame' : 'verdictChanged', lang)
          .replace('{then}', verdictText(decoded.verdict, lang)).replace('{now}', verdictText(report.verdict, lang))}`;
      this.#report('data-version', changed + verdict);
    });
  }

  async #exportReport({ format, capacity }: { format: ReportFormat; capacity: string }): Promise<void> {
    const { site, lang, layers } = this.store.state;
    const report = this.screening.report;
    if (!site || !report) return;
    if (format === 'print') {
      const map = (await this.presenting.exportCanvas(1)).toDataURL('image/png');
      printReport(report, map, lang, capacity, layerDefinitions.filter((layer) => layer.properties && layers[layer.id]?.visible));
      return;
    }
    const { reportCollection, reportCsv } = await import('../screening/report-format.ts');
    const extra = capacity ? { capacityMw: Number(capacity) } : {};
    const blob = format === 'geojson'
      ? new Blob([JSON.stringify(reportCollection(site, report, extra), null, 2)], { type: 'application/geo+json' })
      : new Blob([reportCsv(report)], { type: 'text/csv;charset=utf-8' });
    download(URL.createObjectURL(blob), `screening-${report.projectType}-${report.verdict}.${format}`);
  }

  #setBasemap(basemap: OnlineBasemap | undefined): void {
    this.#basemap = basemap;
    if (basemap) localStorage.setItem(storageKey, JSON.stringify(basemap));
    else localStorage.removeItem(storageKey);
    this.#applyBasemap();
    this.requestUpdate();
  }

  #applyBasemap(): void {
    const tiles = this.#basemap ? tileTemplate(this.#basemap) : undefined;
    this.#controller?.setOnlineBasemap(tiles?.template, tiles?.attribution);
  }

  #changeLayer({ id, ...change }: LayerChange): void {
    this.store.update((state) => {
      const layer: LayerState = { ...state.layers[id]!, ...change };
      return { ...state, layers: { ...state.layers, [id]: layer } };
    });
  }

  #select(selection: Selection | null): void {
    this.store.update((state) => ({ ...state, selection }));
  }

  #openPanel(panel: Panel): void {
    this.store.update((state) => ({ ...state, panel }));
  }

  /** Opens another feature under the same click; the one it replaces joins the list. */
  #switchTo(hit: Selection): void {
    const current = this.store.state.selection;
    this.#alsoHere = [...this.#alsoHere.filter((other) => other !== hit), ...(current ? [current] : [])];
    this.#select(hit);
  }

  /** A search result: show its layer, fly to it and open its panel. */
  async #pick(entry: SearchEntry): Promise<void> {
    this.#alsoHere = [];
    const layer = this.store.state.layers[entry.layer];
    if (layer && !layer.visible) this.#changeLayer({ id: entry.layer, visible: true });
    this.#select({ layer: entry.layer, id: entry.id });
    await this.#controller?.flyToBounds(entry.bbox);
  }

  #report(id: string, text: string): void {
    console.warn(text);
    this.#messages = [...this.#messages.filter((message) => message.id !== id), { id, text }];
    this.requestUpdate();
  }
}
customElements.define('atlas-app', AtlasApp);

declare global {
  interface HTMLElementTagNameMap { 'atlas-app': AtlasApp }
}
