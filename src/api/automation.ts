import type { MapController } from '../map/map-controller.ts';
import { snapshot, type AtlasState } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import type { Report } from '../screening/report.ts';

/** The documented hook for presenters and tests (README "Automation API"). */
export interface AtlasApi {
  ready: Promise<void>;
  getState(): AtlasState;
  setState(partial: unknown): Promise<AtlasState>;
  /** The link that reopens the current state (README "Links"). */
  shareUrl(): string;
  /** The map as a PNG data URL with title, legend, scale bar, north arrow, attribution and date. */
  exportPng(scale?: 1 | 2): Promise<string>;
  /** Every target of the five documents, measured where the map can (the ledger panel's rows). */
  ledger(): Promise<LedgerRow[]>;
  /** Screens a site for a project type: the engine's report (README "Site screening"); the state is not changed. */
  screen(geometry: unknown, projectType: string): Promise<Report>;
}

export interface AutomationHooks {
  shareUrl(): string;
  exportPng(scale: 1 | 2): Promise<string>;
  ledger(): Promise<LedgerRow[]>;
  screen(geometry: unknown, projectType: string): Promise<Report>;
}

declare global {
  interface Window { atlas: AtlasApi }
}

export function installAutomation(store: Store, controller: MapController, started: Promise<void>, hooks: AutomationHooks): void {
  window.atlas = {
    ready: started,
    getState: () => snapshot(store.state),
    async setState(partial: unknown) {
      await started;
      store.set(partial);
      await controller.idle();
      return snapshot(store.state);
    },
    shareUrl: hooks.shareUrl,
    async exportPng(scale = 1) {
      await started;
      return hooks.exportPng(scale);
    },
    ledger: hooks.ledger,
    async screen(geometry, projectType) {
      await started;
      return hooks.screen(geometry, projectType);
    },
  };
}
