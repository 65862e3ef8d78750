import type { Atlas } from '../app/atlas.ts';
import type { ExportLayout } from '../map/export-png.ts';
import type { Report } from '../screening/report.ts';
import { snapshot, type AtlasState } from '../state/state.ts';
import type { LedgerRow } from '../stats/ledger.ts';

/** The documented hook for presenters and tests (README "Automation API"). */
export interface AtlasApi {
  ready: Promise<void>;
  getState(): AtlasState;
  setState(partial: unknown): Promise<AtlasState>;
  /** The link that reopens the current state (README "Links"). */
  shareUrl(): string;
  /** The map as a PNG data URL with title, legend, scale bar, north arrow, attribution and date. */
  exportPng(scale?: 1 | 2): Promise<string>;
  /**
   * The export with a title and subtitle of the presenter's (as typed in the export options), and where it drew each
   * element (image pixels): what a slide-maker's script or a test needs to check the image.
   */
  exportImage(options?: { scale?: 1 | 2; title?: string; subtitle?: string }): Promise<{ dataUrl: string; layout: ExportLayout }>;
  /** Every target of the five documents, measured where the map can (the ledger panel's rows). */
  ledger(): Promise<LedgerRow[]>;
  /** Screens a site for a project type: the engine's report (README "Site screening"); the state is not changed. */
  screen(geometry: unknown, projectType: string): Promise<Report>;
}

declare global {
  interface Window {
    atlas: AtlasApi;
  }
}

/** window.atlas over the application layer: every call goes through the same sessions the panels use. */
export function automation(atlas: Atlas): AtlasApi {
  return {
    ready: atlas.ready,
    getState: () => snapshot(atlas.store.state),
    async setState(partial: unknown) {
      await atlas.ready;
      atlas.store.set(partial);
      await atlas.map()?.idle();
      return snapshot(atlas.store.state);
    },
    shareUrl: () => atlas.links?.shareUrl() ?? atlas.platform.page.href(),
    async exportPng(scale = 1) {
      await atlas.ready;
      return atlas.presenting.exportPng(scale);
    },
    async exportImage({ scale = 1, title, subtitle } = {}) {
      await atlas.ready;
      if (title !== undefined || subtitle !== undefined) atlas.presenting.setExportText(title ?? '', subtitle ?? '');
      const dataUrl = await atlas.presenting.exportPng(scale);
      return { dataUrl, layout: atlas.presenting.lastLayout! };
    },
    ledger: async () => (await atlas.ledger.get()).ledger(),
    async screen(geometry, projectType) {
      // The one site reader checks and repairs the geometry first, so a refusal reads as the upload's and the CLI's.
      const { loadSiteRecordReader, SiteInputError } = await import('../site-input/index.ts');
      const read = await loadSiteRecordReader();
      const result = read({ kind: 'geometry', geometry }, { en: 'the geometry', zh: '该几何' });
      if (result.error) throw new SiteInputError(result.error);
      return (await atlas.screener()).screen(result.site.geometry, projectType);
    },
  };
}
