import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { MapController } from '../map/map-controller.ts';
import { outlineLayer } from '../map/outline-layer.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import { download } from './download.ts';

interface Host {
  ready(): Promise<void>;
  controller(): MapController | undefined;
  collections(): ReadonlyMap<string, FeatureCollection>;
  dataVersion(): string;
  requestUpdate(): void;
}

/** The ledger side of the atlas: rows computed once in a Web Worker, the selected row and its highlighted features. */
export class LedgerSession {
  rows: LedgerRow[] | undefined;
  error = '';
  selected = '';
  #rows: Promise<LedgerRow[]> | undefined;

  constructor(private readonly host: Host) {}

  ledger(): Promise<LedgerRow[]> {
    this.#rows ??= (async () => {
      await this.host.ready();
      const { computeLedgerInWorker } = await import('../stats/ledger-client.ts');
      return computeLedgerInWorker(this.host.collections(), this.host.dataVersion());
    })().then((rows) => {
      this.rows = rows;
      this.host.requestUpdate();
      return rows;
    }, (error: Error) => {
      this.error = error.message;
      this.host.requestUpdate();
      throw error;
    });
    return this.#rows;
  }

  /** Highlights the features behind a row's number and brings them into view. */
  select(row: LedgerRow): void {
    this.selected = row.id;
    const ids = new Set(row.featureIds);
    const features = [...this.host.collections().values()].flatMap((collection) =>
      collection.features.filter((feature) => ids.has(String(feature.properties?.['id']))));
    const controller = this.host.controller();
    controller?.setOverlayLayer('highlight', outlineLayer('highlight', features, [255, 193, 7, 255], [255, 235, 59, 60]));
    if (features.length > 0) {
      void controller?.flyToBounds(bbox({ type: 'FeatureCollection', features }) as [number, number, number, number]);
    }
    this.host.requestUpdate();
  }

  async downloadCsv(rows: LedgerRow[]): Promise<void> {
    const { ledgerToCsv } = await import('../stats/ledger-csv.ts');
    download(URL.createObjectURL(new Blob([ledgerToCsv(rows)], { type: 'text/csv;charset=utf-8' })), 'nm-carbon-atlas-ledger.csv');
  }
}
