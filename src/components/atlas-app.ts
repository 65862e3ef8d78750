import { LitElement, html } from 'lit';
import { layerDefinitions } from '../../layers/registry.ts';
import { loadDataset, loadManifest } from '../data/loader.ts';
import { browserLang, t } from '../i18n/strings.ts';
import { MapController } from '../map/map-controller.ts';
import type { AtlasState } from '../state/state.ts';
import { Store } from '../state/store.ts';
import { installAutomation } from '../api/automation.ts';
import type { LayerChange } from './layer-panel.ts';
import type { Message } from './message-bar.ts';
import './layer-panel.ts';
import './message-bar.ts';

function initialState(): AtlasState {
  return {
    view: { center: [111.63, 45.4], zoom: 4, bearing: 0, pitch: 0 },
    lang: browserLang(navigator.languages ?? [navigator.language]),
    layers: Object.fromEntries(layerDefinitions.map((layer) =>
      [layer.id, { visible: layer.defaultVisible, opacity: layer.defaultOpacity }])),
  };
}

/** The root element: owns the store, starts the map controller, loads the data and wires panels to state. */
export class AtlasApp extends LitElement {
  static override properties = { panelOpen: { state: true } };
  panelOpen = window.matchMedia('(min-width: 720px)').matches;

  readonly store = new Store(initialState(), layerDefinitions.map((layer) => layer.id));
  #controller: MapController | undefined;
  #counts: Record<string, number> = {};
  #failed: Record<string, string> = {};
  #messages: Message[] = [];

  // Light DOM: MapLibre's stylesheet and controls must reach the map container.
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.subscribe((state) => {
      this.#controller?.apply(state);
      document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
      this.requestUpdate();
    });
    this.addEventListener('atlas-layer-change', (event) => this.#changeLayer((event as CustomEvent<LayerChange>).detail));
    this.addEventListener('atlas-dismiss', (event) => {
      this.#messages = this.#messages.filter((message) => message.id !== (event as CustomEvent<string>).detail);
      this.requestUpdate();
    });
  }

  override render() {
    const { lang, layers } = this.store.state;
    document.title = t('appTitle', lang);
    return html`
      <header class="bar">
        <button class="panel-toggle" aria-expanded=${this.panelOpen} aria-controls="side-panel"
          aria-label=${t(this.panelOpen ? 'hideLayers' : 'showLayers', lang)}
          @click=${() => { this.panelOpen = !this.panelOpen; }}>☰</button>
        <h1>${t('appTitle', lang)}</h1>
        <button class="lang" aria-label=${t('switchLanguageLabel', lang)}
          @click=${() => this.store.update((state) => ({ ...state, lang: state.lang === 'zh' ? 'en' : 'zh' }))}>
          ${t('switchLanguage', lang)}</button>
      </header>
      <main class="body">
        <aside id="side-panel" class="panel" ?hidden=${!this.panelOpen} aria-label=${t('layers', lang)}>
          <layer-panel .layers=${layerDefinitions} .states=${layers} .counts=${this.#counts} .failed=${this.#failed}
            locale=${lang}></layer-panel>
        </aside>
        <div class="map-wrap">
          <div id="map" role="region" aria-label=${t('map', lang)}></div>
          <message-bar .messages=${this.#messages} locale=${lang}></message-bar>
        </div>
      </main>`;
  }

  override firstUpdated(): void {
    const container = this.querySelector<HTMLElement>('#map')!;
    const controller = new MapController(container, layerDefinitions, this.store.state);
    this.#controller = controller;
    controller.onViewChange((view) => this.store.update((state) => ({ ...state, view })));
    installAutomation(this.store, controller, this.#start(controller));
  }

  /** Loads the manifest and every dataset; a dataset that fails is reported and the rest of the map keeps working. */
  async #start(controller: MapController): Promise<void> {
    const dataUrl = new URL('data/', document.baseURI);
    const manifest = await loadManifest(dataUrl).catch((error: Error) => {
      this.#report('manifest', error.message);
      return undefined;
    });
    await controller.loaded();
    if (manifest) {
      controller.setAttribution(manifest.datasets.map((dataset) => dataset.provenance.attribution));
      await Promise.all(layerDefinitions.map(async (layer) => {
        const entry = manifest.datasets.find((dataset) => dataset.id === layer.id);
        try {
          if (!entry) throw new Error(`${layer.title.en}: no dataset in the manifest`);
          const collection = await loadDataset(entry, layer, dataUrl);
          controller.setData(layer.id, collection);
          this.#counts = { ...this.#counts, [layer.id]: collection.features.length };
        } catch (error) {
          this.#failed = { ...this.#failed, [layer.id]: (error as Error).message };
          this.#report(layer.id, `${layer.title[this.store.state.lang]}: ${(error as Error).message}`);
        }
      }));
    }
    this.store.update((state) => ({ ...state, view: controller.view() }));
    await controller.idle();
  }

  #changeLayer({ id, visible, opacity }: LayerChange): void {
    this.store.update((state) => {
      const layer = state.layers[id]!;
      return { ...state, layers: { ...state.layers, [id]: { visible: visible ?? layer.visible, opacity: opacity ?? layer.opacity } } };
    });
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
