import { LitElement, html, nothing } from 'lit';
import type { Feature } from 'geojson';
import { layerDefinitions } from '../../layers/registry.ts';
import { loadDataset, loadManifest } from '../data/loader.ts';
import { browserLang, t } from '../i18n/strings.ts';
import { MapController } from '../map/map-controller.ts';
import type { AtlasState, LayerState, Selection } from '../state/state.ts';
import { Store } from '../state/store.ts';
import { HistorySync } from '../state/history-sync.ts';
import type { DecodedHash } from '../state/url-codec.ts';
import { installAutomation } from '../api/automation.ts';
import { indexEntries, type SearchEntry } from '../search/search.ts';
import type { LayerChange } from './layer-panel.ts';
import type { Message } from './message-bar.ts';
import './layer-panel.ts';
import './message-bar.ts';
import './feature-panel.ts';
import './search-box.ts';
import './basemap-settings.ts';
import './map-legend.ts';
import './share-tools.ts';
import './ledger-panel.ts';
import './screening-panel.ts';
import type { PastedSite, ReportFormat } from './screening-panel.ts';
import { SiteScreening } from './site-screening.ts';
import { printReport } from './print-report.ts';
import type { DrawKind } from '../map/draw-tool.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { GeoJsonLayer } from '@deck.gl/layers';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { LedgerRow } from '../stats/ledger.ts';
import type { Panel } from '../state/state.ts';
import type { ShareAction } from './share-tools.ts';
import { decorate } from '../map/export-png.ts';
import { maxLinkLength, readShareFile, sameOriginUrl, shareFile } from '../state/share-file.ts';
import { readStoredBasemap, storageKey, tileTemplate, type OnlineBasemap } from '../map/online-basemap.ts';

function initialState(): AtlasState {
  return {
    view: { center: [111.63, 45.4], zoom: 4, bearing: 0, pitch: 0 },
    lang: browserLang(navigator.languages ?? [navigator.language]),
    layers: Object.fromEntries(layerDefinitions.map((layer) => [layer.id,
      { visible: layer.defaultVisible, opacity: layer.defaultOpacity, hiddenCategories: [], hiddenStatuses: [] }])),
    selection: null,
    panel: 'layers',
    site: null,
    projectType: null,
  };
}

const featureKey = ({ layer, id }: Selection) => `${layer}/${id}`;

/** The root element: owns the store, starts the map controller, loads the data and wires panels to state. */
export class AtlasApp extends LitElement {
  static override properties = { panelOpen: { state: true }, presenting: { state: true }, embedSnippet: { state: true } };
  panelOpen = window.matchMedia('(min-width: 720px)').matches;
  /** ?embed=1: the map with legend and verdict only, for iframes. */
  readonly embedded = new URLSearchParams(location.search).get('embed') === '1';
  presenting = false;
  embedSnippet = '';

  readonly defaults = initialState();
  readonly store = new Store(structuredClone(this.defaults), layerDefinitions.map((layer) => layer.id));
  #history: HistorySync | undefined;
  #dataVersion: string | undefined;
  #attributions: string[] = [];
  #collections = new Map<string, FeatureCollection>();
  #ledger: Promise<LedgerRow[]> | undefined;
  #ledgerRows: LedgerRow[] | undefined;
  #ledgerError = '';
  #ledgerSelected = '';
  #loaded = false;
  readonly screening = new SiteScreening({
    store: this.store,
    controller: () => this.#controller,
    collections: () => this.#collections,
    dataVersion: () => this.#dataVersion ?? 'unknown',
    requestUpdate: () => this.requestUpdate(),
  });
  #controller: MapController | undefined;
  #counts: Record<string, number> = {};
  #failed: Record<string, string> = {};
  #messages: Message[] = [];
  #features = new Map<string, Feature>();
  #searchEntries: SearchEntry[] = [];
  /** The other features under the last click, so overlapping zones stay reachable. */
  #alsoHere: Selection[] = [];
  #basemap: OnlineBasemap | undefined = readStoredBasemap(localStorage);

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
    this.addEventListener('atlas-layer-change', (event) => this.#changeLayer((event as CustomEvent<LayerChange>).detail));
    this.addEventListener('atlas-select', (event) => this.#select((event as CustomEvent<Selection | null>).detail));
    this.addEventListener('atlas-pick', (event) => void this.#pick((event as CustomEvent<SearchEntry>).detail));
    this.addEventListener('atlas-basemap', (event) => {
      this.#basemap = (event as CustomEvent<OnlineBasemap | undefined>).detail;
      if (this.#basemap) localStorage.setItem(storageKey, JSON.stringify(this.#basemap));
      else localStorage.removeItem(storageKey);
      this.#applyBasemap();
      this.requestUpdate();
    });
    this.addEventListener('atlas-draw', (event) => this.screening.draw((event as CustomEvent<DrawKind>).detail));
    this.addEventListener('atlas-site-file', (event) => void this.screening.upload((event as CustomEvent<Parameters<SiteScreening['upload']>[0]>).detail));
    this.addEventListener('atlas-site-text', (event) => void this.screening.paste((event as CustomEvent<PastedSite>).detail));
    this.addEventListener('atlas-clear-site', () => this.screening.setSite(null, []));
    this.addEventListener('atlas-project-type', (event) => {
      const value = (event as CustomEvent<string>).detail;
      this.store.update((state) => ({ ...state, projectType: (value || null) as ProjectType | null }));
    });
    this.addEventListener('atlas-export-report', (event) =>
      void this.#exportReport((event as CustomEvent<{ format: ReportFormat; capacity: string }>).detail));
    this.addEventListener('atlas-ledger-select', (event) => this.#selectLedgerRow((event as CustomEvent<LedgerRow>).detail));
    this.addEventListener('atlas-ledger-csv', (event) => void this.#downloadCsv((event as CustomEvent<LedgerRow[]>).detail));
    this.addEventListener('atlas-share', (event) => void this.#share((event as CustomEvent<ShareAction>).detail));
    this.addEventListener('atlas-open-hash', (event) => this.#history?.open((event as CustomEvent<string>).detail));
    this.addEventListener('dragover', (event) => event.preventDefault());
    this.addEventListener('drop', (event) => void this.#drop(event));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.presenting) void this.#present(false);
    });
    document.addEventListener('fullscreenchange', () => {
      if (!document.fullscreenElement && this.presenting) void this.#present(false);
    });
    this.addEventListener('atlas-dismiss', (event) => {
      this.#messages = this.#messages.filter((message) => message.id !== (event as CustomEvent<string>).detail);
      this.requestUpdate();
    });
  }

  override render() {
    const { lang, layers, selection } = this.store.state;
    document.title = t('appTitle', lang);
    const selected = selection ? this.#features.get(featureKey(selection)) : undefined;
    const chrome = !this.embedded && !this.presenting;
    const legendLayers = layerDefinitions.filter((layer) => layer.properties && layers[layer.id]?.visible);
    this.classList.toggle('embedded', this.embedded);
    this.classList.toggle('presenting', this.presenting);
    return html`
      ${this.presenting ? html`<div class="presentation-title"><h1>${t('appTitle', lang)}</h1>
        <p>${t('leavePresentation', lang)}</p></div>` : nothing}
      ${chrome ? html`<header class="bar">
        <button class="panel-toggle" aria-expanded=${this.panelOpen} aria-controls="side-panel"
          aria-label=${t(this.panelOpen ? 'hideLayers' : 'showLayers', lang)}
          @click=${() => { this.panelOpen = !this.panelOpen; }}>☰</button>
        <h1>${t('appTitle', lang)}</h1>
        <button class="copy-link" @click=${() => void this.#copyLink()}>${t('copyLink', lang)}</button>
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
            ?large=${this.presenting}></map-legend>`}
          ${this.embedSnippet ? html`<dialog open class="embed-dialog" aria-labelledby="embed-title">
            <p id="embed-title">${t('embedSnippet', lang)}</p>
            <textarea readonly rows="4" aria-labelledby="embed-title">${this.embedSnippet}</textarea>
            <button @click=${() => { this.embedSnippet = ''; }}>${t('close', lang)}</button>
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

  override firstUpdated(): void {
    const container = this.querySelector<HTMLElement>('#map')!;
    const controller = new MapController(container, layerDefinitions, this.store.state);
    this.#controller = controller;
    controller.onViewChange((view) => this.store.update((state) => ({ ...state, view })));
    controller.onFeatureClick((hits) => {
      this.#alsoHere = hits.slice(1);
      this.#select(hits[0] ?? null);
    });
    installAutomation(this.store, controller, this.#start(controller), {
      shareUrl: () => this.#history?.shareUrl() ?? location.href,
      exportPng: async (scale) => (await this.#exportCanvas(scale)).toDataURL('image/png'),
      ledger: () => this.ledger(),
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
      this.#attributions = [...new Set(manifest.datasets.map((dataset) => dataset.provenance.attribution))];
      controller.setAttribution(this.#attributions);
      await Promise.all(layerDefinitions.map(async (layer) => {
        const entry = manifest.datasets.find((dataset) => dataset.id === layer.id);
        try {
          if (!entry) throw new Error(`${layer.title.en}: no dataset in the manifest`);
          const collection = await loadDataset(entry, layer, dataUrl);
          controller.setData(layer.id, collection);
          this.#collections.set(layer.id, collection);
          this.#counts = { ...this.#counts, [layer.id]: collection.features.length };
          if (layer.properties) {
            for (const feature of collection.features) {
              this.#features.set(featureKey({ layer: layer.id, id: String(feature.properties?.['id']) }), feature);
            }
            this.#searchEntries = [...this.#searchEntries, ...indexEntries(layer.id, collection)];
          }
        } catch (error) {
          this.#failed = { ...this.#failed, [layer.id]: (error as Error).message };
          this.#report(layer.id, `${layer.title[this.store.state.lang]}: ${(error as Error).message}`);
        }
      }));
    }
    this.store.update((state) => ({ ...state, view: controller.view() }));
    this.#dataVersion = manifest?.version;
    this.#loaded = true;
    await this.screening.update();
    this.#history = new HistorySync(this.store, this.defaults,
      () => ({ dataVersion: this.#dataVersion, verdict: this.screening.report?.verdict }),
      (notices, decoded) => this.#linkNotices(notices, decoded));
    this.#history.start();
    await this.#loadSharedFile();
    await this.screening.update();
    await controller.idle();
  }

  /** `?load=<same-origin url>` opens a share file, the way long links travel. */
  async #loadSharedFile(): Promise<void> {
    const load = new URLSearchParams(location.search).get('load');
    if (!load) return;
    const url = sameOriginUrl(load, location.href);
    try {
      if (!url) throw new Error(`?load= must name a file on ${location.origin}`);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      this.#history?.open(readShareFile(await response.text()).hash);
    } catch (error) {
      this.#report('share-file', (error as Error).message);
    }
  }

  async #drop(event: DragEvent): Promise<void> {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    try {
      this.#history?.open(readShareFile(await file.text()).hash);
    } catch (error) {
      this.#report('share-file', `${file.name}: ${(error as Error).message}`);
    }
  }

  async #share(action: ShareAction): Promise<void> {
    const lang = this.store.state.lang;
    if (action === 'copy-link') return this.#copyLink();
    if (action === 'present') return this.#present(true);
    if (action === 'embed') {
      const url = new URL(this.#history?.shareUrl() ?? location.href);
      url.searchParams.set('embed', '1');
      this.embedSnippet = `<iframe src="${url.href}" width="800" height="600" style="border:0" title="${t('appTitle', lang)}"></iframe>`;
      return;
    }
    const canvas = await this.#exportCanvas(action === 'export-2x' ? 2 : 1);
    download(canvas.toDataURL('image/png'), `nm-carbon-atlas-${new Date().toISOString().slice(0, 10)}.png`);
  }

  async #exportReport({ format, capacity }: { format: ReportFormat; capacity: string }): Promise<void> {
    const { site } = this.store.state;
    const report = this.screening.report;
    if (!site || !report) return;
    const extra = capacity ? { capacityMw: Number(capacity) } : {};
    if (format === 'print') {
      printReport(report, await (await this.#exportCanvas(1)).toDataURL('image/png'), this.store.state.lang, capacity,
        layerDefinitions.filter((layer) => layer.properties && this.store.state.layers[layer.id]?.visible));
      return;
    }
    const { reportCollection, reportCsv } = await import('../screening/report-format.ts');
    const blob = format === 'geojson'
      ? new Blob([JSON.stringify(reportCollection(site, report, extra), null, 2)], { type: 'application/geo+json' })
      : new Blob([reportCsv(report)], { type: 'text/csv;charset=utf-8' });
    download(URL.createObjectURL(blob), `screening-${report.projectType}-${report.verdict}.${format}`);
  }

  async #downloadCsv(rows: LedgerRow[]): Promise<void> {
    const { ledgerToCsv } = await import('../stats/ledger-csv.ts');
    const blob = new Blob([ledgerToCsv(rows)], { type: 'text/csv;charset=utf-8' });
    download(URL.createObjectURL(blob), 'nm-carbon-atlas-ledger.csv');
  }

  async #exportCanvas(scale: number): Promise<HTMLCanvasElement> {
    const state = this.store.state;
    const canvas = await this.#controller!.capture(scale);
    return decorate(canvas, scale, {
      title: t('appTitle', state.lang), state, date: new Date().toISOString().slice(0, 10),
      attribution: this.#attributions.join(' | '),
      layers: layerDefinitions.filter((layer) => layer.properties && state.layers[layer.id]?.visible),
    });
  }

  async #present(on: boolean): Promise<void> {
    this.presenting = on;
    if (on) await document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    await this.updateComplete;
    this.#controller?.map.resize();
  }

  /** What a link could not restore, and whether the data changed since it was made. */
  #linkNotices(notices: string[], decoded: DecodedHash): void {
    const lang = this.store.state.lang;
    if (notices.length > 0) this.#report('link', `${t('linkNotice', lang)} ${notices.join('; ')}`);
    if (decoded.dataVersion && this.#dataVersion && decoded.dataVersion !== this.#dataVersion) {
      const changed = t('dataChanged', lang).replace('{then}', decoded.dataVersion).replace('{now}', this.#dataVersion);
      void this.screening.update().then((report) => {
        const verdict = !decoded.verdict || !report ? ''
          : ` ${t(decoded.verdict === report.verdict ? 'verdictSame' : 'verdictChanged', lang)
            .replace('{then}', decoded.verdict).replace('{now}', report.verdict)}`;
        this.#report('data-version', changed + verdict);
      });
    }
  }

  async #copyLink(): Promise<void> {
    const url = this.#history?.shareUrl() ?? location.href;
    if (url.length > maxLinkLength) {
      const file = new Blob([JSON.stringify(shareFile(this.#history!.hash()), null, 2)], { type: 'application/json' });
      download(URL.createObjectURL(file), 'nm-carbon-atlas-share.json');
      this.#report('copied', t('shareFileOffer', this.store.state.lang));
      return;
    }
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    this.#report('copied', `${t('linkCopied', this.store.state.lang)} ${url}`);
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

  #panelBody() {
    const { lang, layers, panel, site, projectType } = this.store.state;
    if (panel === 'screening') {
      return html`<screening-panel .report=${this.screening.report} projectType=${projectType ?? ''} ?hasSite=${site !== null}
        drawing=${this.screening.drawing} problem=${this.screening.problem} .notes=${this.screening.notes} locale=${lang}></screening-panel>`;
    }
    if (panel === 'ledger') {
      void this.ledger();
      return html`<ledger-panel .rows=${this.#ledgerRows} locale=${lang} selected=${this.#ledgerSelected}
        failed=${this.#ledgerError}></ledger-panel>`;
    }
    return html`<search-box .entries=${this.#searchEntries} .layers=${layerDefinitions} locale=${lang}></search-box>
      <layer-panel .layers=${layerDefinitions} .states=${layers} .counts=${this.#counts} .failed=${this.#failed}
        locale=${lang}></layer-panel>
      <basemap-settings .current=${this.#basemap} locale=${lang}></basemap-settings>`;
  }

  #openPanel(panel: Panel): void {
    this.store.update((state) => ({ ...state, panel }));
  }

  /** The ledger rows, computed once in a Web Worker from the loaded datasets. */
  ledger(): Promise<LedgerRow[]> {
    this.#ledger ??= (async () => {
      await window.atlas.ready;
      const { computeLedgerInWorker } = await import('../stats/ledger-client.ts');
      return computeLedgerInWorker(this.#collections, this.#dataVersion ?? 'unknown');
    })().then((rows) => {
      this.#ledgerRows = rows;
      this.requestUpdate();
      return rows;
    }, (error: Error) => {
      this.#ledgerError = error.message;
      this.requestUpdate();
      throw error;
    });
    return this.#ledger;
  }

  /** A ledger row: highlight the features behind its number and show them. */
  #selectLedgerRow(row: LedgerRow): void {
    this.#ledgerSelected = row.id;
    const ids = new Set(row.featureIds);
    const features = [...this.#collections.values()].flatMap((collection) =>
      collection.features.filter((feature) => ids.has(String(feature.properties?.['id']))));
    this.#controller?.setOverlayLayer('highlight', features.length === 0 ? undefined : new GeoJsonLayer({
      id: 'highlight', data: { type: 'FeatureCollection', features } as FeatureCollection,
      stroked: true, filled: true, getFillColor: [255, 235, 59, 60], getLineColor: [255, 193, 7, 255],
      lineWidthUnits: 'pixels', getLineWidth: 3, pointRadiusUnits: 'pixels', getPointRadius: 9,
    }));
    if (features.length > 0) {
      void this.#controller?.flyToBounds(bbox({ type: 'FeatureCollection', features }) as [number, number, number, number]);
    }
    this.requestUpdate();
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
const tabLabel = { layers: 'tabLayers', ledger: 'tabLedger', screening: 'tabScreening' } as const;

function download(href: string, name: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
}

customElements.define('atlas-app', AtlasApp);

declare global {
  interface HTMLElementTagNameMap { 'atlas-app': AtlasApp }
}
