import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Store } from '../state/store.ts';
import type { Actual, LedgerRow } from '../stats/ledger.ts';
import { defaultLedgerView, type LedgerView } from '../schema/ledger-view.ts';
import type { AtlasMap } from './atlas-map.ts';
import type { Save } from './files.ts';
import { ActualsStore } from './ledger-actuals-store.ts';

export interface LedgerHost {
  /** Resolves once the data is loaded. */
  ready(): Promise<void>;
  map(): AtlasMap | undefined;
  collections(): ReadonlyMap<string, FeatureCollection>;
  dataVersion(): string;
  changed(): void;
  save: Save;
  store: Store;
  /** Where reported values are kept; may throw when the browser blocks storage. */
  storage(): Pick<Storage, 'getItem' | 'setItem'>;
  /** Computes the rows; the atlas does it in a Web Worker so the page stays responsive. */
  compute(collections: ReadonlyMap<string, FeatureCollection>, dataVersion: string): Promise<LedgerRow[]>;
}

/** What the ledger's elements ask of the session. */
export type LedgerAction =
  | { kind: 'select'; row: LedgerRow }
  | { kind: 'view'; view: LedgerView }
  | { kind: 'record'; actual: Actual }
  | { kind: 'remove'; actual: Actual }
  | { kind: 'import'; text: string }
  | { kind: 'export-actuals' }
  | { kind: 'export'; rows: LedgerRow[]; lang: 'zh' | 'en' };

/**
 * The ledger side of the atlas: rows measured once (in a Web Worker), planners' reported values applied to them on
 * every change (cheap: no geometry), the selected row and its highlighted features.
 */
export class LedgerSession {
  /** The rows with reported values applied, as the panel shows them. */
  rows: LedgerRow[] | undefined;
  error = '';
  /** Why the last import or record was refused, in the words of the check. */
  problem = '';
  actuals: Actual[];
  readonly #store: ActualsStore;
  #measured: LedgerRow[] | undefined;
  #rows: Promise<LedgerRow[]> | undefined;

  constructor(private readonly host: LedgerHost) {
    this.#store = new ActualsStore(host.storage);
    this.actuals = this.#store.load();
  }

  get storage(): 'kept' | 'unavailable' {
    return this.#store.state;
  }

  ledger(): Promise<LedgerRow[]> {
    this.#rows ??= (async () => {
      await this.host.ready();
      const measured = await this.host.compute(this.host.collections(), this.host.dataVersion());
      this.#measured = measured;
      await this.#apply();
      // A link that opened the ledger on a row shows that row's features, as a click would.
      const opened = this.rows!.find((row) => row.id === this.host.store.state.ledger?.row);
      if (opened) this.#highlight(opened);
      return this.rows!;
    })().catch((error: Error) => {
      this.error = error.message;
      this.host.changed();
      throw error;
    });
    return this.#rows.then(() => this.rows!);
  }

  /** The data measured on changed (official layers came or went): measure again if the ledger was asked for. */
  remeasure(): void {
    if (!this.#rows) return;
    this.#rows = undefined;
    void this.ledger().catch(() => undefined);
  }

  async act(action: LedgerAction): Promise<void> {
    if (action.kind === 'select') this.select(action.row);
    else if (action.kind === 'view') this.host.store.update((state) => ({ ...state, ledger: action.view }));
    else if (action.kind === 'record') await this.record([...this.actuals, action.actual]);
    else if (action.kind === 'remove') await this.record(this.actuals.filter((actual) => actual !== action.actual));
    else if (action.kind === 'import') await this.importCsv(action.text);
    else if (action.kind === 'export-actuals') await this.#exportActuals();
    else await this.downloadCsv(action.rows, action.lang);
  }

  /** Reads a CSV of reported values and adds them; nothing is added when any line is refused. */
  async importCsv(text: string): Promise<void> {
    const { readActualsCsv } = await import('../stats/ledger-actuals-csv.ts');
    try {
      await this.record([...this.actuals, ...readActualsCsv(text, this.#measured ?? [])]);
    } catch (error) {
      this.problem = (error as Error).message;
      this.host.changed();
    }
  }

  /** Checks the values against the targets, keeps them in the browser and recomputes the statuses. */
  async record(actuals: Actual[]): Promise<void> {
    const { actualsSchemaFor } = await import('../stats/ledger-actuals.ts');
    const checked = actualsSchemaFor(this.#measured ?? []).safeParse(actuals);
    if (!checked.success) {
      this.problem = checked.error.issues.map((issue) => issue.message).join('; ');
      this.host.changed();
      return;
    }
    this.problem = '';
    this.actuals = checked.data;
    this.#store.save(this.actuals);
    await this.#apply();
  }

  /** Highlights the features behind a row's number and brings them into view; the row goes into the link. */
  select(row: LedgerRow): void {
    this.host.store.update((state) => ({ ...state, ledger: { ...(state.ledger ?? defaultLedgerView), row: row.id } }));
    this.#highlight(row);
    this.host.changed();
  }

  #highlight(row: LedgerRow): void {
    const ids = new Set(row.featureIds);
    const features = [...this.host.collections().values()].flatMap((collection) =>
      collection.features.filter((feature) => ids.has(String(feature.properties?.['id']))),
    );
    const map = this.host.map();
    map?.setOutline('highlight', features.length > 0 ? { features, line: [255, 193, 7, 255], fill: [255, 235, 59, 60] } : undefined);
    if (features.length > 0) {
      void map?.flyToBounds(bbox({ type: 'FeatureCollection', features }) as [number, number, number, number]);
    }
  }

  /** The ledger as CSV, once the texts of the documents its rows cite have loaded (they give each citation's
   * sentence and headings); a text that fails to load leaves its rows with their lines only. */
  async downloadCsv(rows: LedgerRow[], lang: 'zh' | 'en'): Promise<void> {
    const [{ ledgerToCsv }, { loadDocumentText }, { passagesIn }] = await Promise.all([
      import('../stats/ledger-csv.ts'),
      import('../documents/texts.ts'),
      import('../documents/passage.ts'),
    ]);
    const ids = [...new Set(rows.map((row) => row.citation.doc))];
    const texts = await Promise.all(
      ids.map((id) =>
        loadDocumentText(id).then(
          (text) => [[id, text] as const],
          () => [],
        ),
      ),
    );
    const passageOf = passagesIn(new Map(texts.flat()));
    await this.host.save(
      new Blob([ledgerToCsv(rows, lang, passageOf)], { type: 'text/csv;charset=utf-8' }),
      `nm-carbon-atlas-ledger-${lang}.csv`,
    );
  }

  async #exportActuals(): Promise<void> {
    const { actualsToCsv } = await import('../stats/ledger-actuals-csv.ts');
    await this.host.save(new Blob([actualsToCsv(this.actuals)], { type: 'text/csv;charset=utf-8' }), 'nm-carbon-atlas-actuals.csv');
  }

  async #apply(): Promise<void> {
    if (!this.#measured) return;
    const { applyActuals } = await import('../stats/ledger-actuals.ts');
    this.rows = applyActuals(this.#measured, this.actuals);
    this.host.changed();
  }
}
