import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { LedgerRow } from '../stats/ledger.ts';
import type { AtlasMap } from './atlas-map.ts';
import type { Save } from './files.ts';

export interface LedgerHost {
  /** Resolves once the data is loaded. */
  ready(): Promise<void>;
  map(): AtlasMap | undefined;
  collections(): ReadonlyMap<string, FeatureCollection>;
  dataVersion(): string;
  changed(): void;
  save: Save;
  /** Computes the rows; the atlas does it in a Web Worker so the page stays responsive. */
  compute(collections: ReadonlyMap<string, FeatureCollection>, dataVersion: string): Promise<LedgerRow[]>;
}

/** The ledger side of the atlas: rows computed once, the selected row and its highlighted features. */
export class LedgerSession {
  rows: LedgerRow[] | undefined;
  error = '';
  selected = '';
  #rows: Promise<LedgerRow[]> | undefined;

  constructor(private readonly host: LedgerHost) {}

  ledger(): Promise<LedgerRow[]> {
    this.#rows ??= (async () => {
      await this.host.ready();
      return this.host.compute(this.host.collections(), this.host.dataVersion());
    })().then((rows) => {
      this.rows = rows;
      this.host.changed();
      return rows;
    }, (error: Error) => {
      this.error = error.message;
      this.host.changed();
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
    const map = this.host.map();
    map?.setOutline('highlight', features.length > 0 ? { features, line: [255, 193, 7, 255], fill: [255, 235, 59, 60] } : undefined);
    if (features.length > 0) {
      void map?.flyToBounds(bbox({ type: 'FeatureCollection', features }) as [number, number, number, number]);
    }
    this.host.changed();
  }

  async downloadCsv(rows: LedgerRow[]): Promise<void> {
    const { ledgerToCsv } = await import('../stats/ledger-csv.ts');
    await this.host.save(new Blob([ledgerToCsv(rows)], { type: 'text/csv;charset=utf-8' }), 'nm-carbon-atlas-ledger.csv');
  }
}
