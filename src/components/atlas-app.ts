import { LitElement, html, nothing } from 'lit';
import { layerDefinitions } from '../../layers/registry.ts';
import { automation } from '../api/automation.ts';
import { Atlas } from '../app/atlas.ts';
import { browserPlatform } from '../app/browser-platform.ts';
import '../app/events.ts';
import { mapPort } from '../app/map-port.ts';
import type { PrintPage } from '../app/report-export.ts';
import { t } from '../i18n/strings.ts';
import { MapController } from '../map/map-controller.ts';
import './basemap-settings.ts';
import './layer-panel.ts';
import { defaultLedgerView } from '../schema/ledger-view.ts';
import './map-legend.ts';
import './message-bar.ts';
import './search-box.ts';
import './export-options.ts';
import { legendGroups } from '../map/legend-entries.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import './share-tools.ts';

const tabLabel = { layers: 'tabLayers', ledger: 'tabLedger', screening: 'tabScreening' } as const;

/**
 * Elements the first view does not show, and the official layers' import below the layer panel, defined the first
 * time they are rendered, so the start chunk holds only the map and the layer panel. Lit keeps the properties set on
 * an element before its definition arrives.
 */
const onDemand = {
  'screening-panel': () => import('./screening-panel.ts'),
  'ledger-panel': () => import('./ledger-panel.ts'),
  'document-reader': () => import('./document-reader.ts'),
  'print-report': () => import('./print-report.ts'),
  'feature-panel': () => import('./feature-panel.ts'),
  'verdict-sheet': () => import('./verdict-sheet.ts'),
  'about-panel': () => import('./about-panel.ts'),
  'embed-badge': () => import('./embed-badge.ts'),
  'official-layers': () => import('./official-layers.ts'),
};

const defining = new Map<keyof typeof onDemand, Promise<boolean>>();

/**
 * Defines the element once; resolves with whether it is defined. A definition that could not be loaded is handed to
 * `failed` once and stays failed, so that rendering again neither asks again nor reports again.
 */
function define(tag: keyof typeof onDemand, failed: (error: unknown) => void): Promise<boolean> {
  if (customElements.get(tag)) return Promise.resolve(true);
  let definition = defining.get(tag);
  if (!definition) {
    definition = onDemand[tag]().then(
      () => true,
      (error: unknown) => {
        failed(error);
        return false;
      },
    );
    defining.set(tag, definition);
  }
  return definition;
}

/** The root element: lays out the panels and the map, and hands what they emit to the application layer (src/app). */
export class AtlasApp extends LitElement {
  static override properties = { panelOpen: { state: true } };
  panelOpen = window.matchMedia('(min-width: 720px)').matches;

  readonly atlas = new Atlas(
    browserPlatform({
      changed: () => {
        this.requestUpdate();
        return this.updateComplete;
      },
      print: (page) => printPage(page, (error) => this.atlas.notLoaded(error)),
    }),
  );

  /** The first render waits for a task of its own: evaluating the page's scripts, rendering and making the map were one long task. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await new Promise((resolve) => setTimeout(resolve));
    super.scheduleUpdate();
  }

  // Light DOM: MapLibre's stylesheet and controls must reach the map container.
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { atlas } = this;
    window.atlas = automation(atlas);
    atlas.store.subscribe((state) => {
      document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    });
    this.addEventListener('atlas-layer-change', ({ detail: change }) => atlas.changeLayer(change));
    this.addEventListener('atlas-select', ({ detail: selection }) => atlas.selection.select(selection));
    this.addEventListener('atlas-pick', ({ detail: entry }) => void atlas.selection.pick(entry));
    this.addEventListener('atlas-basemap', ({ detail: basemap }) => {
      atlas.basemap.set(basemap, atlas.map());
      this.requestUpdate();
    });
    this.addEventListener('atlas-draw', ({ detail: kind }) => {
      // On a phone the panel is a sheet over the map: it goes while the site is drawn (the verdict sheet follows).
      if (!window.matchMedia('(min-width: 720px)').matches) this.panelOpen = false;
      atlas.screening.use((screening) => screening.draw(kind));
    });
    this.addEventListener('atlas-site-file', ({ detail: file }) => atlas.screening.use((screening) => screening.upload(file)));
    this.addEventListener('atlas-site-text', ({ detail: pasted }) => atlas.screening.use((screening) => screening.paste(pasted)));
    this.addEventListener('atlas-clear-site', () => atlas.screening.use((screening) => screening.setSite(null, [])));
    this.addEventListener('atlas-cancel-site-read', () => atlas.screening.current?.cancelRead());
    this.addEventListener('atlas-show-verdict', () => {
      this.panelOpen = true;
      atlas.openPanel('screening');
    });
    this.addEventListener('atlas-project-type', ({ detail: value }) => atlas.setProjectType(value));
    this.addEventListener('atlas-export-report', ({ detail: request }) => void atlas.exportReport(request));
    this.addEventListener('atlas-ledger', ({ detail: action }) => atlas.ledger.use((ledger) => ledger.act(action)));
    this.addEventListener('atlas-share', ({ detail: action }) => void atlas.presenting.act(action));
    this.addEventListener('atlas-export-text', ({ detail: { title, subtitle } }) => atlas.presenting.setExportText(title, subtitle));
    this.addEventListener('atlas-about', ({ detail: open }) => atlas.presenting.about(open));
    this.addEventListener('atlas-open-hash', ({ detail: hash }) => atlas.links?.open(hash));
    this.addEventListener('atlas-dismiss', ({ detail: id }) => atlas.messages.dismiss(id));
    this.addEventListener('atlas-reader', ({ detail: action }) => atlas.reader.use((reader) => reader.act(action)));
    this.addEventListener('dragover', (event) => event.preventDefault());
    this.addEventListener('drop', (event) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void atlas.presenting.drop(file);
    });
  }

  override render() {
    const { atlas } = this;
    const { lang, selection } = atlas.store.state;
    const { embedded, presenting, embedSnippet } = atlas.presenting;
    document.title = t('appTitle', lang);
    const selected = selection ? atlas.selection.feature(selection) : undefined;
    const chrome = !embedded && !presenting;
    this.classList.toggle('embedded', embedded);
    this.classList.toggle('presenting', presenting);
    const screening = atlas.screening.current;
    const showSheet = chrome && !this.panelOpen && screening?.report !== undefined;
    const showBadge = embedded && (screening?.report !== undefined || (screening?.incomplete.length ?? 0) > 0);
    const shown = {
      'document-reader': !!atlas.store.state.reader,
      'verdict-sheet': showSheet,
      'embed-badge': showBadge,
      'about-panel': atlas.presenting.aboutOpen,
      'feature-panel': !!(selected && selection),
    };
    for (const [tag, show] of Object.entries(shown)) if (show) this.#define(tag as keyof typeof onDemand);
    return html`
      ${
        presenting
          ? html`<div class="presentation-title"><h1>${t('appTitle', lang)}</h1>
        <p>${t('leavePresentation', lang)}</p></div>`
          : nothing
      }
      ${
        chrome
          ? html`<header class="bar">
        <button class="panel-toggle" aria-expanded=${this.panelOpen} aria-controls="side-panel"
          aria-label=${t(this.panelOpen ? 'hideLayers' : 'showLayers', lang)}
          @click=${() => {
            this.panelOpen = !this.panelOpen;
          }}>☰</button>
        <h1>${t('appTitle', lang)}</h1>
        <button class="about" @click=${() => atlas.presenting.about(true)}>${t('about', lang)}</button>
        <button class="copy-link" @click=${() => void atlas.presenting.copyLink()}>${t('copyLink', lang)}</button>
        <button class="lang" lang=${lang === 'zh' ? 'en' : 'zh-CN'} aria-label=${t('switchLanguageLabel', lang)}
          @click=${() => atlas.switchLanguage()}>
          ${t('switchLanguage', lang)}</button>
      </header>`
          : nothing
      }
      <main class="body">
        <aside id="side-panel" class="panel" ?hidden=${!this.panelOpen || !chrome} aria-label=${t('layers', lang)}>
          ${this.hasUpdated ? this.#sidePanel() : nothing}
        </aside>
        <div class="map-wrap">
          <div id="map" role="region" aria-label=${t('map', lang)}></div>
          <message-bar .messages=${atlas.messages.list} locale=${lang}></message-bar>
          ${
            showSheet
              ? html`<verdict-sheet .report=${screening?.report}
            .source=${screening?.source} locale=${lang}></verdict-sheet>`
              : nothing
          }
          ${
            atlas.store.state.reader
              ? html`<document-reader .place=${atlas.store.state.reader} .entries=${atlas.reader.current?.entries ?? []}
            locale=${lang}></document-reader>`
              : nothing
          }
          ${
            chrome
              ? nothing
              : html`<map-legend class="overlay-legend" .groups=${legendGroups(layerDefinitions, atlas.store.state, atlas.userLegend(), atlas.data?.collections ?? new Map())}
            locale=${lang} ?large=${presenting} ?open=${presenting}></map-legend>`
          }
          ${
            showBadge
              ? html`<embed-badge class="embed-badge"
            .verdict=${screening?.report?.verdict} .missing=${screening?.incomplete}
            projectType=${projectTypes[atlas.store.state.projectType as ProjectType]?.[lang] ?? ''} locale=${lang}></embed-badge>`
              : nothing
          }
          ${
            atlas.presenting.aboutOpen
              ? html`<about-panel locale=${lang} .datasets=${atlas.data?.manifest?.datasets ?? []}></about-panel>`
              : nothing
          }
          ${
            embedSnippet
              ? html`<dialog open class="embed-dialog" aria-labelledby="embed-title">
            <p id="embed-title">${t('embedSnippet', lang)}</p>
            <textarea readonly rows="4" aria-labelledby="embed-title">${embedSnippet}</textarea>
            <button class="copy-snippet" @click=${() => void atlas.presenting.copySnippet()}>${t('copySnippet', lang)}</button>
            <button @click=${() => {
              atlas.presenting.embedSnippet = '';
              this.requestUpdate();
            }}>${t('close', lang)}</button>
          </dialog>`
              : nothing
          }
          ${
            selected && selection
              ? html`<section class="feature-card" aria-labelledby="feature-title">
            <feature-panel .layer=${layerDefinitions.find((layer) => layer.id === selection.layer)}
              .feature=${selected.properties} locale=${lang}></feature-panel>
            ${
              atlas.selection.alsoHere.length > 0
                ? html`<nav class="also-here" aria-label=${t('alsoHere', lang)}>
              <h3>${t('alsoHere', lang)}</h3>
              ${atlas.selection.alsoHere.map(
                (hit) => html`<button data-id=${hit.id} @click=${() => atlas.selection.switchTo(hit)}>
                ${String(atlas.selection.feature(hit)?.properties?.[`name_${lang}`] ?? hit.id)}</button>`,
              )}
            </nav>`
                : nothing
            }</section>`
              : nothing
          }
        </div>
      </main>`;
  }

  /** The side panel's contents: left out of the first render, which makes the map before the panels are laid out. */
  #sidePanel() {
    const { atlas } = this;
    const { lang } = atlas.store.state;
    return html`<share-tools locale=${lang} .currentHash=${atlas.links?.hash() ?? ''}></share-tools>
          <export-options locale=${lang} titleText=${atlas.presenting.exportTitle} subtitle=${atlas.presenting.exportSubtitle}
            exporting=${atlas.presenting.exporting}></export-options>
          <div class="tabs" role="tablist">
            ${(['layers', 'ledger', 'screening'] as const).map(
              (panel) => html`<button role="tab" id="tab-${panel}"
              aria-selected=${atlas.store.state.panel === panel} aria-controls="tab-panel"
              @click=${() => atlas.openPanel(panel)}>${t(tabLabel[panel], lang)}</button>`,
            )}
          </div>
          <div id="tab-panel" role="tabpanel" aria-labelledby="tab-${atlas.store.state.panel}">
            ${this.#panelBody()}
          </div>`;
  }

  #panelBody() {
    const { atlas } = this;
    const { lang, layers, panel, site, projectType } = atlas.store.state;
    if (panel === 'screening') {
      this.#define('screening-panel');
      // The session loads with the panel, so that it is in by the time the reviewer draws or picks a file.
      atlas.screening.use(() => undefined);
      const screening = atlas.screening.current;
      return html`<screening-panel .report=${screening?.report} projectType=${projectType ?? ''} ?hasSite=${site !== null}
        drawing=${screening?.drawing ?? ''} problem=${screening?.problem ?? ''} .notes=${screening?.notes ?? []}
        .source=${screening?.source} .incomplete=${screening?.incomplete ?? []} .reading=${screening?.reading}
        locale=${lang}></screening-panel>`;
    }
    if (panel === 'ledger') {
      this.#define('ledger-panel');
      void atlas.ledger
        .get()
        .then((session) => session.ledger())
        .catch(() => undefined);
      const ledger = atlas.ledger.current;
      return html`<ledger-panel .rows=${ledger?.rows} .view=${atlas.store.state.ledger ?? defaultLedgerView} locale=${lang}
        failed=${ledger?.error ?? ''} storage=${ledger?.storage ?? 'kept'} problem=${ledger?.problem ?? ''}
        actualCount=${ledger?.actuals.length ?? 0}></ledger-panel>`;
    }
    this.#define('official-layers');
    return html`<search-box .entries=${atlas.selection.searchEntries} .layers=${layerDefinitions} locale=${lang}></search-box>
      <layer-panel .layers=${layerDefinitions} .states=${layers} .counts=${atlas.counts} .failed=${atlas.failed}
        locale=${lang}></layer-panel>
      <official-layers .session=${atlas.official} .layers=${atlas.official.layers} .importing=${atlas.official.importing}
        storage=${atlas.official.storage} locale=${lang}></official-layers>
      <basemap-settings .current=${atlas.basemap.current} locale=${lang}></basemap-settings>`;
  }

  #define(tag: keyof typeof onDemand): void {
    void define(tag, (error) => this.atlas.notLoaded(error));
  }

  override firstUpdated(): void {
    const controller = new MapController(this.querySelector<HTMLElement>('#map')!, layerDefinitions, this.atlas.store.state);
    void this.atlas.start(mapPort(controller));
    // The panels in a task of their own: rendering them and making the map were one long task.
    setTimeout(() => this.requestUpdate());
  }
}
customElements.define('atlas-app', AtlasApp);

/** Shows the printed report (directly in <body>, where the print stylesheet looks) and opens the print dialog. */
async function printPage(page: PrintPage, failed: (error: unknown) => void): Promise<void> {
  if (!(await define('print-report', failed))) return;
  const section = document.querySelector('print-report') ?? document.body.appendChild(document.createElement('print-report'));
  section.id = 'print-report';
  section.page = page;
  await section.updateComplete;
  window.print();
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-app': AtlasApp;
  }
}
