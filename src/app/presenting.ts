import { layerDefinitions } from '../../layers/registry.ts';
import { t } from '../i18n/strings.ts';
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
  attributions(): string[];
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

  constructor(private readonly host: PresentingHost) {
    this.embedded = new URL(host.page.href()).searchParams.get('embed') === '1';
    host.page.onLeave(() => {
      if (this.presenting) void this.present(false);
    });
  }

  async act(action: ShareAction): Promise<void> {
    if (action === 'copy-link') return this.copyLink();
    if (action === 'present') return this.present(true);
    if (action === 'embed') return this.#offerEmbed();
    await this.host.save(pngFile(await this.exportPng(action === 'export-2x' ? 2 : 1)), `nm-carbon-atlas-${today()}.png`);
  }

  /**
   * The map as a PNG data URL with title, legend, scale bar, north arrow, attribution and date drawn in; framed on
   * `frame` (west, south, east, north) when given, whatever the live view shows.
   */
  async exportPng(scale: number, frame?: [number, number, number, number]): Promise<string> {
    const state = this.host.store.state;
    const map = this.host.map();
    if (!map) throw new Error('the map has not started');
    return map.exportPng(scale, {
      title: t('appTitle', state.lang), state, date: today(), attribution: this.host.attributions().join(' | '),
      layers: layerDefinitions.filter((layer) => layer.properties && state.layers[layer.id]?.visible),
    }, frame);
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

  #offerEmbed(): void {
    const url = new URL(this.host.links()?.shareUrl() ?? this.host.page.href());
    url.searchParams.set('embed', '1');
    const title = t('appTitle', this.host.store.state.lang);
    this.embedSnippet = `<iframe src="${url.href}" width="800" height="600" style="border:0" title="${title}"></iframe>`;
    void this.host.changed();
  }
}
