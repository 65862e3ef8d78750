import { LitElement, css, html, unsafeCSS } from 'lit';
import { t } from '../i18n/ledger-strings.ts';
import type { Lang } from '../state/state.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import { defaultColumns, tableColumns, type LedgerView, type TableColumn } from '../schema/ledger-view.ts';
import { cell, columnTitle, statusClass } from '../app/ledger-cells.ts';
import statusCss from '../styles/ledger-status.css?inline';
import './document-citation.ts';

/** Whether an event comes from a button inside the row (the citation's "read in the document"), not the row itself. */
const fromButton = (event: Event) => event.composedPath().some((target) => target instanceof HTMLButtonElement);

/**
 * The ledger as a wide table for desks, over the map beside the side panel: sortable columns (click a header), each
 * target's cited sentence with its place in the document (opening the reader), a header that stays while the rows
 * scroll, and a choice of columns. Sort and columns are part of the link.
 */
export class LedgerTable extends LitElement {
  static override properties = { rows: { attribute: false }, view: { attribute: false }, locale: {} };
  rows: LedgerRow[] = [];
  view: LedgerView | undefined;
  locale: Lang = 'zh';

  static override styles = [
    unsafeCSS(statusCss),
    css`
    :host { position: fixed; z-index: 5; top: 48px; left: 321px; right: 0; bottom: 0; display: flex; flex-direction: column;
      background: #fffdf8; border-left: 1px solid #ddd5c4; font-size: 13px; }
    @media (max-width: 719px) { :host { left: 0; } }
    @media (min-width: 2000px) { :host { left: 421px; } }
    @media print { :host { position: static; } .scroll { overflow: visible; } }
    .tools { padding: 6px 10px; border-bottom: 1px solid #e2ddd2; }
    .tools fieldset { display: flex; flex-wrap: wrap; gap: 4px 10px; border: 0; margin: 4px 0 0; padding: 0; font-size: 12px; }
    .scroll { overflow: auto; flex: 1; }
    table { border-collapse: collapse; width: 100%; }
    th { position: sticky; top: 0; background: #efe9dc; text-align: left; z-index: 1; }
    th button { all: unset; cursor: pointer; display: block; padding: 6px 8px; font-weight: 600; }
    th button:focus-visible { outline: 3px solid #f2a900; }
    td { border-top: 1px solid #eee7da; padding: 4px 8px; vertical-align: top; }
    tr[aria-selected=true] td { background: #fff3c4; }
    tbody tr { cursor: pointer; }
    tbody tr:focus-visible { outline: 3px solid #f2a900; }
    .badge { border-radius: 10px; padding: 1px 7px; white-space: nowrap; font-size: 11px; }
    td.reason { min-width: 260px; color: #4a4036; }
    td.citation { min-width: 300px; max-width: 480px; }
    td.scope, td.binding, td.document, td.theme, td.status { white-space: nowrap; }
  `,
  ];

  override render() {
    const lang = this.locale;
    const view = this.view!;
    const columns = view.columns.length > 0 ? view.columns : defaultColumns;
    const [descending, sortColumn] = view.sort.startsWith('-')
      ? [true, view.sort.slice(1) as TableColumn]
      : [false, view.sort as TableColumn | ''];
    const rows = sortColumn
      ? [...this.rows].sort((a, b) => {
          const [x, y] = [cell(a, sortColumn, lang).key, cell(b, sortColumn, lang).key];
          const order =
            typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), lang === 'zh' ? 'zh-CN' : 'en');
          return descending ? -order : order;
        })
      : this.rows;
    return html`<div class="tools"><fieldset><legend>${t('ledgerColumns', lang)}</legend>
        ${tableColumns.map(
          (column) => html`<label><input type="checkbox" name="column" value=${column} .checked=${columns.includes(column)}
          @change=${() => this.#toggle(columns, column)} /> ${columnTitle(column, lang)}</label>`,
        )}
      </fieldset></div>
      <div class="scroll"><table>
        <thead><tr>${columns.map(
          (column) => html`<th scope="col" data-column=${column}
          aria-sort=${sortColumn === column ? (descending ? 'descending' : 'ascending') : 'none'}>
          <button @click=${() => this.#sort(column, sortColumn === column && !descending)}>${columnTitle(column, lang)}${sortColumn === column ? (descending ? ' ▼' : ' ▲') : ''}</button></th>`,
        )}</tr></thead>
        <tbody>${rows.map(
          (row) => html`<tr tabindex="0" data-row=${row.id} aria-selected=${view.row === row.id}
          @click=${(event: Event) => {
            if (!fromButton(event)) this.#select(row);
          }}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter' && !fromButton(event)) this.#select(row);
          }}>
          ${columns.map((column) => html`<td class=${column}>${this.#cell(row, column)}</td>`)}</tr>`,
        )}</tbody>
      </table></div>`;
  }

  /** A cell: the status as a coloured badge, the citation as its whole sentence opening the reader, else text. */
  #cell(row: LedgerRow, column: TableColumn) {
    const lang = this.locale;
    if (column === 'status') return html`<span class="badge ${statusClass(row.status)}">${cell(row, column, lang).text}</span>`;
    if (column === 'citation') return html`<document-citation .citation=${row.citation} locale=${lang}></document-citation>`;
    return cell(row, column, lang).text;
  }

  #toggle(columns: readonly TableColumn[], column: TableColumn): void {
    const next = columns.includes(column)
      ? columns.filter((shown) => shown !== column)
      : tableColumns.filter((known) => known === column || columns.includes(known));
    this.#change({ columns: next.length > 0 ? next : [...defaultColumns] });
  }

  #sort(column: TableColumn, descending: boolean): void {
    this.#change({ sort: descending ? `-${column}` : column });
  }

  #select(row: LedgerRow): void {
    this.dispatchEvent(new CustomEvent('ledger-select', { detail: row }));
  }

  #change(part: Partial<LedgerView>): void {
    this.dispatchEvent(new CustomEvent('ledger-view', { detail: { ...this.view!, ...part } }));
  }
}

customElements.define('ledger-table', LedgerTable);

declare global {
  interface HTMLElementTagNameMap {
    'ledger-table': LedgerTable;
  }
}
