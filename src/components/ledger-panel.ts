import { LitElement, css, html, nothing } from 'lit';
import { emit, type AtlasEvents } from '../app/events.ts';
import { documents, type DocumentId } from '../schema/citation.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';
import type { LedgerRow, LedgerStatus } from '../stats/ledger.ts';

const statusKey: Record<LedgerStatus, StringKey> = {
  met: 'statusMet', 'not met': 'statusNotMet', 'not measurable from map data': 'statusNotMeasurable',
  'measured on illustrative data': 'statusIllustrative', reported: 'statusReported',
};
const regions = ['inner-mongolia', 'ordos', 'hinggan'] as const;

export interface LedgerFilter { document: string; region: string; theme: string; measuredOnly: boolean }

/** Every target of the five documents, filterable, with bars of measured against target for the rows the map measures. */
export class LedgerPanel extends LitElement {
  static override properties = {
    rows: { attribute: false }, locale: {}, selected: {}, failed: {},
    filter: { state: true },
  };
  rows: LedgerRow[] | undefined;
  locale: Lang = 'zh';
  selected = '';
  failed = '';
  filter: LedgerFilter = { document: '', region: '', theme: '', measuredOnly: false };

  static override styles = css`
    :host { display: block; font-size: 13px; padding: 8px 12px; }
    .filters { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 6px; }
    label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: #5b5346; }
    label.check { flex-direction: row; align-items: center; grid-column: span 2; }
    select { font-size: 13px; padding: 3px; width: 100%; }
    .summary { margin: 8px 0; color: #3b3226; display: flex; justify-content: space-between; align-items: center; gap: 6px; }
    button { cursor: pointer; font-size: 12px; padding: 3px 8px; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { border: 1px solid #e2ddd2; border-radius: 4px; margin: 4px 0; padding: 6px 8px; cursor: pointer; background: #fff; }
    li[aria-selected=true] { border-color: #f2a900; box-shadow: 0 0 0 2px #f2a900 inset; }
    li:focus-visible { outline: 3px solid #f2a900; }
    .head { display: flex; gap: 6px; justify-content: space-between; }
    .indicator { font-weight: 600; }
    .badge { font-size: 11px; border-radius: 10px; padding: 1px 7px; white-space: nowrap; height: fit-content; }
    .met { background: #dff3e0; color: #1b5e20; }
    .not-met { background: #fde2e1; color: #8e1b17; }
    .not-measurable-from-map-data { background: #eee; color: #444; }
    .measured-on-illustrative-data { background: #fff1cc; color: #6a4b00; }
    .reported { background: #e3eefb; color: #0d3c74; }
    .figures { color: #4a4036; margin-top: 2px; }
    .bars { margin-top: 4px; }
    .bar { display: flex; align-items: center; gap: 4px; font-size: 11px; }
    .bar span.fill { height: 8px; border-radius: 2px; }
    .measured { background: #2f6fb0; }
    .target { background: #b08d57; }
    .note { color: #6b6356; font-size: 12px; margin-top: 4px; }
    .cite { color: #6a3d00; font-size: 12px; }
  `;

  override render() {
    const lang = this.locale;
    if (this.failed) return html`<p role="alert">${this.failed}</p>`;
    if (!this.rows) return html`<p role="status">${t('ledgerComputing', lang)}</p>`;
    const rows = this.visibleRows();
    const themes = [...new Set(this.rows.map((row) => row.theme))].sort();
    return html`
      <div class="filters" role="group" aria-label=${t('filters', lang)}>
        <label>${t('document', lang)}
          <select name="document" @change=${(event: Event) => this.#set('document', (event.target as HTMLSelectElement).value)}>
            <option value="">${t('all', lang)}</option>
            ${(Object.keys(documents) as DocumentId[]).map((id) => html`<option value=${id} ?selected=${this.filter.document === id}>${documents[id][lang]}</option>`)}
          </select></label>
        <label>${t('region', lang)}
          <select name="region" @change=${(event: Event) => this.#set('region', (event.target as HTMLSelectElement).value)}>
            <option value="">${t('all', lang)}</option>
            ${regions.map((id) => html`<option value=${id} ?selected=${this.filter.region === id}>${t(regionKey[id], lang)}</option>`)}
            <option value="other" ?selected=${this.filter.region === 'other'}>${t('otherPlaces', lang)}</option>
          </select></label>
        <label>${t('theme', lang)}
          <select name="theme" @change=${(event: Event) => this.#set('theme', (event.target as HTMLSelectElement).value)}>
            <option value="">${t('all', lang)}</option>
            ${themes.map((theme) => html`<option value=${theme} ?selected=${this.filter.theme === theme}>${theme}</option>`)}
          </select></label>
        <label class="check"><input type="checkbox" name="measured" .checked=${this.filter.measuredOnly}
          @change=${(event: Event) => this.#set('measuredOnly', (event.target as HTMLInputElement).checked)} />
          ${t('measuredOnly', lang)}</label>
      </div>
      <div class="summary">
        <span role="status">${rows.length} / ${this.rows.length} ${t('targets', lang)}</span>
        <button class="csv" @click=${() => this.#emit('atlas-ledger-csv', rows)}>${t('exportCsv', lang)}</button>
      </div>
      <ol role="listbox" aria-label=${t('ledger', lang)}>
        ${rows.map((row) => this.#row(row))}
      </ol>`;
  }

  /** Rows that pass the filters: a document, a region (scope), a theme, measured rows only. */
  visibleRows(): LedgerRow[] {
    const { document, region, theme, measuredOnly } = this.filter;
    return (this.rows ?? []).filter((row) =>
      (!document || row.documentId === document) &&
      (!region || (region === 'other' ? !(regions as readonly string[]).includes(row.scope.id) : row.scope.id === region)) &&
      (!theme || row.theme === theme) &&
      (!measuredOnly || row.measured !== null));
  }

  #row(row: LedgerRow) {
    const lang = this.locale;
    const figure = (label: StringKey, value: { value: number | string; year: number | string } | null) =>
      value ? `${t(label, lang)} ${value.value === 'unknown' ? t('unknownShort', lang) : value.value} ${row.unit}${value.year === 'unknown' ? '' : ` (${value.year})`}` : '';
    const select = () => this.#emit('atlas-ledger-select', row);
    return html`<li role="option" tabindex="0" data-row=${row.id} aria-selected=${this.selected === row.id}
      @click=${select} @keydown=${(event: KeyboardEvent) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(); } }}>
      <div class="head">
        <span class="indicator">${row.indicator[lang]}</span>
        <span class="badge ${row.status.replace(/ /g, '-')}">${t(statusKey[row.status], lang)}</span>
      </div>
      <div class="figures">${row.scope.zh} · ${[figure('baseline', row.baseline), figure('target', row.target)].filter(Boolean).join(' → ')}</div>
      ${row.measured ? this.#bars(row) : nothing}
      ${this.selected === row.id ? html`<div class="note">${lang === 'zh' ? row.noteZh : row.note}</div>
        <div class="cite">${documents[row.documentId as DocumentId]?.[lang] ?? row.file}, ${t('line', lang).replace('{n}', String(row.citation.line))}: “${row.citation.quote}”</div>
        ${row.conflictsWith.length > 0 ? html`<div class="note">${t('conflicts', lang)} ${row.conflictsWith.join(', ')}</div>` : nothing}` : nothing}
    </li>`;
  }

  /** Measured against target on one scale, in the map's unit. */
  #bars(row: LedgerRow) {
    const measured = row.measured!;
    const reference = row.reference?.value;
    const max = Math.max(measured.value, reference ?? 0) || 1;
    const bar = (kind: string, label: string, value: number) => html`<div class="bar"><span class="fill ${kind}"
      style="width:${Math.max(2, (value / max) * 70)}%"></span>${label} ${format(value)} ${measured.unit}</div>`;
    return html`<div class="bars" role="img" aria-label="${t('measured', this.locale)} ${format(measured.value)} ${measured.unit}">
      ${bar('measured', t('measured', this.locale), measured.value)}
      ${reference !== undefined ? bar('target', t('target', this.locale), reference) : nothing}
    </div>`;
  }

  #set<K extends keyof LedgerFilter>(key: K, value: LedgerFilter[K]): void {
    this.filter = { ...this.filter, [key]: value };
  }

  #emit<K extends keyof AtlasEvents>(name: K, detail: AtlasEvents[K]): void {
    emit(this, name, detail);
  }
}

const regionKey = { 'inner-mongolia': 'innerMongolia', ordos: 'ordos', hinggan: 'hinggan' } as const;
const format = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

customElements.define('ledger-panel', LedgerPanel);

declare global {
  interface HTMLElementTagNameMap { 'ledger-panel': LedgerPanel }
}
