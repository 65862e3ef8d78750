import { LitElement, css, html, unsafeCSS } from 'lit';
import { t } from '../i18n/ledger-strings.ts';
import type { Lang } from '../state/state.ts';
import { statusClass } from '../app/ledger-cells.ts';
import type { LedgerRow } from '../stats/ledger.ts';
import { countByStatus, countsBy, type StatusCounts } from '../stats/ledger-view.ts';
import { ledgerStatuses, statusWords, themeWords } from '../stats/ledger-words.ts';
import statusCss from '../styles/ledger-status.css?inline';

const describe = (counts: StatusCounts, lang: Lang) =>
  ledgerStatuses
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${statusWords[status][lang]}`)
    .join(lang === 'zh' ? '，' : ', ');

/**
 * The ledger at a glance: counts by status for the filtered rows (each a button that filters to that status), and a
 * stacked bar per document, place and theme. Every bar carries its counts as text for screen readers and print.
 */
export class LedgerSummary extends LitElement {
  static override properties = { rows: { attribute: false }, locale: {}, status: {} };
  rows: LedgerRow[] = [];
  locale: Lang = 'zh';
  status = '';

  static override styles = [
    unsafeCSS(statusCss),
    css`
    :host { display: block; margin: 6px 0 8px; }
    h3 { font-size: 13px; margin: 8px 0 4px; color: #3b3226; }
    .counts { display: flex; flex-wrap: wrap; gap: 4px; }
    .counts button { border: 0; border-radius: 10px; padding: 2px 8px; font-size: 12px; cursor: pointer; }
    .counts button[aria-pressed=true] { outline: 3px solid #3b3226; outline-offset: 1px; }
    .counts button:disabled { opacity: .35; cursor: default; }
    details { margin-top: 4px; }
    summary { cursor: pointer; font-size: 12px; color: #5b5346; }
    .group { display: grid; grid-template-columns: minmax(0, 38%) 1fr; gap: 2px 6px; align-items: center; font-size: 11px; margin: 3px 0; }
    .group .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .stack { display: flex; height: 12px; border-radius: 2px; overflow: hidden; background: #eee; }
    .stack span { display: block; height: 100%; }
    @media print { details { display: block; } details > :not(summary) { display: block; } }
  `,
  ];

  override render() {
    const lang = this.locale;
    const counts = countByStatus(this.rows);
    const byDocument = countsBy(this.rows, (row) => row.document.shortTitle[lang]);
    const byPlace = countsBy(this.rows, (row) => row.scopeName[lang]);
    const byTheme = countsBy(this.rows, (row) => themeWords[row.theme][lang]);
    return html`<h3 id="glance">${t('ledgerGlance', lang)}</h3>
      <div class="counts" role="group" aria-labelledby="glance">
        ${ledgerStatuses.map(
          (status) => html`<button class=${statusClass(status)} data-status=${status}
          aria-pressed=${this.status === status} ?disabled=${counts[status] === 0 && this.status !== status}
          @click=${() => this.dispatchEvent(new CustomEvent('ledger-status', { detail: this.status === status ? '' : status }))}>
          ${statusWords[status][lang]} <b>${counts[status]}</b></button>`,
        )}
      </div>
      ${this.#groups(t('ledgerByDocument', lang), byDocument, true)}
      ${this.#groups(t('ledgerByPlace', lang), byPlace.slice(0, 12), false)}
      ${this.#groups(t('ledgerByTheme', lang), byTheme, false)}`;
  }

  /** Bars sized through style properties, not style attributes, which the Content-Security-Policy refuses. */
  #groups(title: string, groups: ReturnType<typeof countsBy>, open: boolean) {
    const widest = Math.max(1, ...groups.map((group) => group.total));
    return html`<details ?open=${open}><summary>${title}</summary>
      ${groups.map(
        (group) => html`<div class="group">
        <span class="name" title=${group.key}>${group.key} (${group.total})</span>
        <div class="stack" role="img" aria-label="${group.key}: ${describe(group.counts, this.locale)}"
          .style=${`width: ${Math.max(4, (group.total / widest) * 100)}%`}>
          ${ledgerStatuses
            .filter((status) => group.counts[status] > 0)
            .map(
              (status) => html`<span class=${statusClass(status)}
            .style=${`width: ${(group.counts[status] / group.total) * 100}%`} title="${statusWords[status][this.locale]}: ${group.counts[status]}"></span>`,
            )}
        </div></div>`,
      )}
    </details>`;
  }
}

customElements.define('ledger-summary', LedgerSummary);

declare global {
  interface HTMLElementTagNameMap {
    'ledger-summary': LedgerSummary;
  }
}
