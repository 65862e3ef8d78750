import { LitElement, css, html, unsafeCSS, nothing } from 'lit';
import { t } from '../i18n/ledger-strings.ts';
import type { Lang } from '../state/state.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import { defaultLedgerView, type LedgerView } from '../schema/ledger-view.ts';
import { filterRows } from '../stats/ledger-view.ts';
import { ledgerStatuses, statusWords, themeWords } from '../stats/ledger-words.ts';
import { figureText, mapText, statusClass } from '../app/ledger-cells.ts';
import statusCss from '../styles/ledger-status.css?inline';
import { emit } from '../app/events.ts';
import './ledger-row-details.ts';
import './ledger-summary.ts';
import './ledger-table.ts';

/** Options of a filter: each value once, with its label, most rows first. */
function options(rows: readonly LedgerRow[], value: (row: LedgerRow) => string, label: (row: LedgerRow) => string) {
  const counts = new Map<string, { label: string; count: number }>();
  for (const row of rows) {
    const entry = counts.get(value(row)) ?? { label: label(row), count: 0 };
    counts.set(value(row), { ...entry, count: entry.count + 1 });
  }
  return [...counts].sort((a, b) => b[1].count - a[1].count);
}

/**
 * The ledger in the side panel: the summary at a glance, filters, the narrow list (each row with its status and
 * one-line reason; the selected row opens up), reported values in and out, and the wide table beside it on demand.
 * All it shows follows the `view` in the atlas state, so a link reopens it; every change is sent up as an action.
 */
export class LedgerPanel extends LitElement {
  static override properties = {
    rows: { attribute: false },
    view: { attribute: false },
    locale: {},
    failed: {},
    storage: {},
    problem: {},
    actualCount: { type: Number },
  };
  rows: LedgerRow[] | undefined;
  view: LedgerView = defaultLedgerView;
  locale: Lang = 'zh';
  failed = '';
  storage: 'kept' | 'unavailable' = 'kept';
  problem = '';
  actualCount = 0;

  static override styles = [
    unsafeCSS(statusCss),
    css`
    :host { display: block; font-size: 13px; padding: 8px 12px; }
    .filters { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 6px; }
    label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: #5b5346; }
    label.check { flex-direction: row; align-items: center; grid-column: span 2; }
    select { font-size: 13px; padding: 3px; width: 100%; }
    .bar { margin: 8px 0; color: #3b3226; display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 6px; }
    .modes button[aria-pressed=true] { background: #3b3226; color: #fff; }
    button { cursor: pointer; font-size: 12px; padding: 3px 8px; }
    .io { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 12px; }
    .io label.file { display: inline-block; border: 1px solid #8a806f; border-radius: 3px; padding: 2px 8px; cursor: pointer; color: #000; background: #f0f0f0; }
    .io input[type=file] { position: absolute; width: 1px; height: 1px; opacity: 0; }
    .storage { font-size: 11px; color: #5b5346; margin: 2px 0; }
    .storage.unavailable, [role=alert] { color: #8e1b17; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { border: 1px solid #e2ddd2; border-radius: 4px; margin: 4px 0; padding: 6px 8px; cursor: pointer; background: #fff; }
    li[aria-selected=true] { border-color: #f2a900; box-shadow: 0 0 0 2px #f2a900 inset; }
    li:focus-visible { outline: 3px solid #f2a900; }
    .head { display: flex; gap: 6px; justify-content: space-between; }
    .indicator { font-weight: 600; }
    .badge { font-size: 11px; border-radius: 10px; padding: 1px 7px; white-space: nowrap; height: fit-content; }
    .figures, .map { color: #4a4036; margin-top: 2px; }
    .reason { color: #6b6356; font-size: 12px; margin-top: 3px; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
    li[aria-selected=true] .reason { display: block; }
  `,
  ];

  override render() {
    const lang = this.locale;
    if (this.failed) return html`<p role="alert">${this.failed}</p>`;
    if (!this.rows) return html`<p role="status">${t('ledgerComputing', lang)}</p>`;
    const view = this.view;
    const rows = filterRows(this.rows, view);
    const select = (name: keyof LedgerView, label: string, choices: [string, { label: string }][]) => html`<label>${label}
      <select name=${name} @change=${(event: Event) => this.#change({ [name]: (event.target as HTMLSelectElement).value })}>
        <option value="">${t('all', lang)}</option>
        ${choices.map(([value, choice]) => html`<option value=${value} ?selected=${view[name] === value}>${choice.label}</option>`)}
      </select></label>`;
    return html`
      <ledger-summary .rows=${filterRows(this.rows, view, true)} locale=${lang} status=${view.status}
        @ledger-status=${(event: CustomEvent<string>) => this.#change({ status: event.detail as LedgerView['status'] })}></ledger-summary>
      <div class="filters" role="group" aria-label=${t('filters', lang)}>
        ${select(
          'document',
          t('document', lang),
          options(
            this.rows,
            (row) => row.documentId,
            (row) => row.document.shortTitle[lang],
          ),
        )}
        ${select(
          'place',
          t('region', lang),
          options(
            this.rows,
            (row) => row.scope.id,
            (row) => row.scopeName[lang],
          ),
        )}
        ${select(
          'theme',
          t('theme', lang),
          options(
            this.rows,
            (row) => row.theme,
            (row) => themeWords[row.theme][lang],
          ),
        )}
        ${select(
          'status',
          t('ledgerStatus', lang),
          ledgerStatuses.map((status) => [status, { label: statusWords[status][lang] }]),
        )}
        <label class="check"><input type="checkbox" name="measured" .checked=${view.mapOnly}
          @change=${(event: Event) => this.#change({ mapOnly: (event.target as HTMLInputElement).checked })} />
          ${t('measuredOnly', lang)}</label>
      </div>
      <div class="bar">
        <span role="status">${rows.length} / ${this.rows.length} ${t('targets', lang)}</span>
        <span class="modes" role="group">
          ${(['list', 'table'] as const).map(
            (mode) => html`<button name=${mode} aria-pressed=${view.mode === mode}
            @click=${() => this.#change({ mode })}>${t(mode === 'list' ? 'ledgerList' : 'ledgerTable', lang)}</button>`,
          )}
        </span>
      </div>
      <div class="io">
        <button class="csv" @click=${() => emit(this, 'atlas-ledger', { kind: 'export', rows, lang })}>${t('exportCsv', lang)}</button>
        <label class="file">${t('ledgerImport', lang)}<input type="file" name="actuals" accept=".csv,text/csv"
          @change=${(event: Event) => void this.#import(event.target as HTMLInputElement)} /></label>
        <button class="export-actuals" ?disabled=${this.actualCount === 0}
          @click=${() => emit(this, 'atlas-ledger', { kind: 'export-actuals' })}>${t('ledgerExportActuals', lang)}</button>
      </div>
      <p class="storage ${this.storage}">${t(this.storage === 'kept' ? 'ledgerKept' : 'ledgerUnavailable', lang).replace('{n}', String(this.actualCount))}</p>
      ${this.problem && !view.row ? html`<p role="alert">${this.problem}</p>` : nothing}
      ${
        view.mode === 'table'
          ? html`<ledger-table .rows=${rows} .view=${view} locale=${lang}
        @ledger-view=${(event: CustomEvent<LedgerView>) => this.#change(event.detail)}
        @ledger-select=${(event: CustomEvent<LedgerRow>) => emit(this, 'atlas-ledger', { kind: 'select', row: event.detail })}></ledger-table>`
          : nothing
      }
      <ol role="listbox" aria-label=${t('ledger', lang)}>
        ${rows.map((row) => this.#row(row))}
      </ol>`;
  }

  #row(row: LedgerRow) {
    const lang = this.locale;
    const selected = this.view.row === row.id;
    const select = () => emit(this, 'atlas-ledger', { kind: 'select', row });
    const figures = [figureText(row, 'baseline', lang), figureText(row, 'target', lang)].filter(Boolean).join(' → ');
    return html`<li role="option" tabindex="0" data-row=${row.id} data-status=${row.status} aria-selected=${selected}
      @click=${(event: Event) => {
        if (!(event.target as HTMLElement).closest('ledger-row-details')) select();
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          select();
        }
      }}>
      <div class="head">
        <span class="indicator">${row.indicator[lang]}</span>
        <span class="badge ${statusClass(row.status)}">${statusWords[row.status][lang]}</span>
      </div>
      <div class="figures">${row.scopeName[lang]} · ${figures}</div>
      ${row.measured ? html`<div class="map">${t('measured', lang)}: ${mapText(row, lang)}</div>` : nothing}
      <div class="reason">${row.reason[lang]}</div>
      ${selected ? html`<ledger-row-details .row=${row} locale=${lang} problem=${this.problem}></ledger-row-details>` : nothing}
    </li>`;
  }

  async #import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    emit(this, 'atlas-ledger', { kind: 'import', text: await file.text() });
    input.value = '';
  }

  #change(part: Partial<LedgerView>): void {
    emit(this, 'atlas-ledger', { kind: 'view', view: { ...this.view, ...part } });
  }
}

customElements.define('ledger-panel', LedgerPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ledger-panel': LedgerPanel;
  }
}
