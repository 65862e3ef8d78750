import type { FeatureCollection } from 'geojson';
import { layerDefinitions } from '../../layers/registry.ts';
import { creditLine } from '../i18n/credits.ts';
import type { Verdict } from '../screening/verdict.ts';
import { t } from '../i18n/strings.ts';
import { legendGroups, type LegendGroup } from '../map/legend-entries.ts';
import type { ExportLayout } from '../map/export-png.ts';
import type { MissingData } from './incomplete-data.ts';
import { checkedExportScale } from '../map/export-scale.ts';
import { maxLinkLength, readShareFile, sameOriginUrl, shareFile } from '../state/share-file.ts';
import type { Store } from '../state/store.ts';
import type { AtlasMap } from './atlas-map.ts';
import type { ShareAction } from './events.ts';
import { pngFile, today, type Save } from './files.ts';
import type { Links, Page } from './page.ts';

export interface PresentingHost {
  readonly store: Store;
  readonly page: Page;
  readonly save: Save;
  map(): AtlasMap | undefined;
  links(): Links | undefined;
  /** The open sources under the map, for the export's one-line credit. */
  credits(): string[];
  /** The legend groups of the user's own (official) layers on the map. */
  userLegend(): LegendGroup[];
  /** The layers that loaded: a layer whose file failed is not on the map, so not in the exported legend. */
  collections(): ReadonlyMap<string, FeatureCollection>;
  /** The screened site's verdict, when one is screened. */
  verdict(): Verdict | undefined;
  /** Data the screening of the site lacks (it then has no verdict): named where the verdict would stand. */
  incomplete(): readonly MissingData[];
  /** This browser's storage; it throws where the browser blocks it (a third-party frame in a privacy browser). */
  storage(): Pick<Storage, 'getItem' | 'setItem'>;
  report(id: string, text: string): void;
  /** Renders again; resolves once the new layout is on the page. */
  changed(): Promise<unknown>;
}

/** Sharing and presenting: links and share files, the PNG export, the embed snippet and the presentation mode. */
export class Presenting {
  /** ?embed=1: the map with legend and verdict only, for iframes. */
  readonly embedded: boolean;
  presenting = false;
  embedSnippet = '';
  /** The exported image's title and subtitle as the presenter edited them; empty: the atlas's title, no subtitle. */
  exportTitle = '';
  exportSubtitle = '';
  /** The scale of the export under way (a 2x export takes seconds in software WebGL), 0 when none. */
  exporting = 0;
  /** The About panel (关于本图): open on a first visit, and from the header at any time. */
  aboutOpen = false;
  /** Where the last export drew its title, legend, scale bar, north arrow and credit (image pixels). */
  lastLayout: ExportLayout | undefined;

  constructor(private readonly host: PresentingHost) {
    this.embedded = new URL(host.page.href()).searchParams.get('embed') === '1';
    this.aboutOpen = !this.embedded && firstVisit(host.storage);
    host.page.onLeave(() => {
      if (this.presenting) void this.present(false);
    });
  }

  async act(action: ShareAction): Promise<void> {
    if (action === 'copy-link') return this.copyLink();
    if (action === 'present') return this.present(true);
    if (action === 'embed') return this.#offerEmbed();
    const scale = action === 'export-2x' ? 2 : 1;
    this.exporting = scale;
    await this.host.changed();
    try {
      await this.host.save(pngFile(await this.exportPng(scale)), `nm-carbon-atlas-${today()}.png`);
    } finally {
      this.exporting = 0;
      void this.host.changed();
    }
  }

  /** Opens or closes the About panel; closing it is remembered, so it does not open by itself again. */
  about(open: boolean): void {
    this.aboutOpen = open;
    if (!open) {
      try {
        this.host.storage().setItem(aboutSeenKey, '1');
      } catch {
        // Storage is blocked: the panel stays closed for this page and the header still opens it.
      }
    }
    void this.host.changed();
  }

  /** The title and subtitle the presenter typed for the exported image. */
  setExportText(title: string, subtitle: string): void {
    this.exportTitle = title.trim();
    this.exportSubtitle = subtitle.trim();
  }

  /**
   * The map as a PNG data URL with title, legend, scale bar, north arrow, attribution and date drawn in; framed on
   * `frame` (west, south, east, north) when given, whatever the live view shows.
   */
  async exportPng(scale: number, frame?: [number, number, number, number]): Promise<string> {
    // Checked before the map is touched: a bad scale rejects at once instead of leaving the capture waiting.
    checkedExportScale(scale);
    const state = this.host.store.state;
    const map = this.host.map();
    if (!map) throw new Error('the map has not started');
    const lang = state.lang;
    const verdict = this.host.verdict();
    const missing = this.host.incomplete();
    const { exportVerdict } = await import('./export-verdict.ts');
    return map.exportPng(
      scale,
      {
        title: this.exportTitle || t('appTitle', lang),
        subtitle: this.exportSubtitle || undefined,
        state,
        date: today(),
        credit: creditLine(this.host.credits(), lang),
        legend: (bounds) => legendGroups(layerDefinitions, state, this.host.userLegend(), this.host.collections(), bounds),
        verdict: exportVerdict(verdict, missing, state),
        onLayout: (layout) => {
          this.lastLayout = layout;
        },
      },
      frame,
    );
  }

  /** Copies the link, or saves a share file when the link would be too long for mail and chat tools. */
  async copyLink(): Promise<void> {
    const links = this.host.links();
    const url = links?.shareUrl() ?? this.host.page.href();
    const lang = this.host.store.state.lang;
    if (links && url.length > maxLinkLength) {
      const file = new Blob([JSON.stringify(shareFile(links.hash()), null, 2)], { type: 'application/json' });
      await this.host.save(file, 'nm-carbon-atlas-share.json');
      this.host.report('copied', t('shareFileOffer', lang));
      return;
    }
    await this.host.page.copy(url).catch(() => undefined);
    this.host.report('copied', `${t('linkCopied', lang)} ${url}`);
  }

  async present(on: boolean): Promise<void> {
    this.presenting = on;
    await this.host.page.fullscreen(on).catch(() => undefined);
    await this.host.changed();
    this.host.map()?.resize();
  }

  /** `?load=<same-origin url>` opens a share file, the way long links travel. */
  async loadSharedFile(): Promise<void> {
    const href = this.host.page.href();
    const load = new URL(href).searchParams.get('load');
    if (!load) return;
    const url = sameOriginUrl(load, href);
    try {
      if (!url) throw new Error(`?load= must name a file on ${new URL(href).origin}`);
      this.host.links()?.open(readShareFile(await this.host.page.fetchText(url)).hash);
    } catch (error) {
      this.host.report('share-file', (error as Error).message);
    }
  }

  /** A share file dropped on the atlas. */
  async drop(file: { name: string; text(): Promise<string> }): Promise<void> {
    try {
      this.host.links()?.open(readShareFile(await file.text()).hash);
    } catch (error) {
      this.host.report('share-file', `${file.name}: ${(error as Error).message}`);
    }
  }

  /** Copies the embed snippet and says so. */
  async copySnippet(): Promise<void> {
    await this.host.page.copy(this.embedSnippet).catch(() => undefined);
    this.host.report('copied', `${t('snippetCopied', this.host.store.state.lang)}: ${this.embedSnippet}`);
  }

  #offerEmbed(): void {
    const url = new URL(this.host.links()?.shareUrl() ?? this.host.page.href());
    url.searchParams.set('embed', '1');
    const title = t('appTitle', this.host.store.state.lang);
    this.embedSnippet = `<iframe src="${url.href}" width="800" height="600" style="border:0" title="${title}"></iframe>`;
    void this.host.changed();
  }
}

/** Set in this browser's storage once the About panel is dismissed. */
export const aboutSeenKey = 'nm-carbon-atlas:about-seen';

/**
 * Whether the About panel opens by itself: on a first visit only. Where storage is blocked the atlas cannot remember
 * a dismissal, so it does not open it at all rather than on every visit (the header's button still does).
 */
function firstVisit(storage: () => Pick<Storage, 'getItem'>): boolean {
  try {
    return storage().getItem(aboutSeenKey) === null;
  } catch {
    return false;
  }
}
