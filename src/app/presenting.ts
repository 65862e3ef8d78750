import { layerDefinitions } from '../../layers/registry.ts';
import { t } from '../i18n/strings.ts';
import { decorate } from '../map/export-png.ts';
import type { MapController } from '../map/map-controller.ts';
import type { HistorySync } from '../state/history-sync.ts';
import { maxLinkLength, readShareFile, sameOriginUrl, shareFile } from '../state/share-file.ts';
import type { Store } from '../state/store.ts';
import { download, today } from './download.ts';
import type { ShareAction } from '../components/share-tools.ts';

interface Host {
  readonly store: Store;
  controller(): MapController | undefined;
  history(): HistorySync | undefined;
  attributions(): string[];
  report(id: string, text: string): void;
  requestUpdate(): Promise<unknown>;
}

/** Sharing and presenting: links and share files, the PNG export, the embed snippet and the presentation mode. */
export class Presenting {
  /** ?embed=1: the map with legend and verdict only, for iframes. */
  readonly embedded = new URLSearchParams(location.search).get('embed') === '1';
  presenting = false;
  embedSnippet = '';

  constructor(private readonly host: Host) {
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.presenting) void this.present(false);
    });
    document.addEventListener('fullscreenchange', () => {
      if (!document.fullscreenElement && this.presenting) void this.present(false);
    });
  }

  async act(action: ShareAction): Promise<void> {
    if (action === 'copy-link') return this.copyLink();
    if (action === 'present') return this.present(true);
    if (action === 'embed') return this.#offerEmbed();
    const canvas = await this.exportCanvas(action === 'export-2x' ? 2 : 1);
    download(canvas.toDataURL('image/png'), `nm-carbon-atlas-${today()}.png`);
  }

  /** The map with title, legend, scale bar, north arrow, attribution and date drawn in. */
  async exportCanvas(scale: number): Promise<HTMLCanvasElement> {
    const state = this.host.store.state;
    const canvas = await this.host.controller()!.capture(scale);
    return decorate(canvas, scale, {
      title: t('appTitle', state.lang), state, date: today(), attribution: this.host.attributions().join(' | '),
      layers: layerDefinitions.filter((layer) => layer.properties && state.layers[layer.id]?.visible),
    });
  }

  /** Copies the link, or downloads a share file when the link would be too long for mail and chat tools. */
  async copyLink(): Promise<void> {
    const history = this.host.history();
    const url = history?.shareUrl() ?? location.href;
    const lang = this.host.store.state.lang;
    if (history && url.length > maxLinkLength) {
      const file = new Blob([JSON.stringify(shareFile(history.hash()), null, 2)], { type: 'application/json' });
      download(URL.createObjectURL(file), 'nm-carbon-atlas-share.json');
      this.host.report('copied', t('shareFileOffer', lang));
      return;
    }
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    this.host.report('copied', `${t('linkCopied', lang)} ${url}`);
  }

  async present(on: boolean): Promise<void> {
    this.presenting = on;
    if (on) await document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    await this.host.requestUpdate();
    this.host.controller()?.map.resize();
  }

  /** `?load=<same-origin url>` opens a share file, the way long links travel. */
  async loadSharedFile(): Promise<void> {
    const load = new URLSearchParams(location.search).get('load');
    if (!load) return;
    const url = sameOriginUrl(load, location.href);
    try {
      if (!url) throw new Error(`?load= must name a file on ${location.origin}`);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      this.host.history()?.open(readShareFile(await response.text()).hash);
    } catch (error) {
      this.host.report('share-file', (error as Error).message);
    }
  }

  /** A share file dropped on the atlas. */
  async drop(event: DragEvent): Promise<void> {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    try {
      this.host.history()?.open(readShareFile(await file.text()).hash);
    } catch (error) {
      this.host.report('share-file', `${file.name}: ${(error as Error).message}`);
    }
  }

  #offerEmbed(): void {
    const url = new URL(this.host.history()?.shareUrl() ?? location.href);
    url.searchParams.set('embed', '1');
    const title = t('appTitle', this.host.store.state.lang);
    this.embedSnippet = `<iframe src="${url.href}" width="800" height="600" style="border:0" title="${title}"></iframe>`;
    void this.host.requestUpdate();
  }
}
