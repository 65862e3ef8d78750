import { LitElement, css, html, nothing } from 'lit';
import { t } from '../i18n/ledger-strings.ts';
import type { Lang } from '../state/state.ts';
import type { Actual, LedgerRow } from '../stats/ledger.ts';
import { bindingWords } from '../stats/ledger-words.ts';
import { reportedText } from '../app/ledger-cells.ts';
import { emit } from '../app/events.ts';
import './document-citation.ts';
import './ledger-chart.ts';

/**
 * The selected row opened up: the plan as written (the whole cited sentence with the quoted words marked, where it
 * sits in its document, a button that opens the reader there; the reading of words written as words, 约束性/预期性), the
 * chart of baseline -> reported values -> target, the reported values with their sources, and a form to record one.
 */
export class LedgerRowDetails extends LitElement {
  static override properties = { row: { attribute: false }, locale: {}, problem: {} };
  row!: LedgerRow;
  locale: Lang = 'zh';
  problem = '';

  static override styles = css`
    :host { display: block; margin-top: 6px; font-size: 12px; color: #3b3226; cursor: default; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 4px 0; }
    dt { color: #6b6356; } dd { margin: 0; }
    q { font-family: "Noto Serif CJK SC", serif; }
    h4 { font-size: 12px; margin: 8px 0 2px; }
    ul { margin: 0; padding-left: 16px; }
    form { display: grid; grid-template-columns: 1fr 1fr; gap: 4px; margin-top: 4px; }
    form label { display: flex; flex-direction: column; font-size: 11px; color: #5b5346; }
    form label.wide { grid-column: span 2; }
    input, select { font-size: 13px; padding: 2px 4px; min-width: 0; width: 100%; box-sizing: border-box; }
    button { font-size: 12px; padding: 3px 8px; cursor: pointer; }
    [role=alert] { color: #8e1b17; grid-column: span 2; }
  `;

  override render() {
    const { row, locale: lang } = this;
    const number = row.document.number === 'unknown' ? '' : ` ${row.document.number}`;
    return html`<h4>${t('ledgerAsWritten', lang)}</h4>
      <document-citation .citation=${row.citation} locale=${lang}></document-citation>
      <dl>
        ${row.written ? html`<dt>${t('ledgerReading', lang)}</dt><dd class="reading"><q>${row.written.zh}</q>: ${row.written.reading[lang]}</dd>` : nothing}
        <dt>${t('document', lang)}</dt><dd class="cite">${row.document.title[lang]}${number}</dd>
        <dt>${t('ledgerBinding', lang)}</dt><dd>${bindingWords[row.binding][lang]}</dd>
        ${row.conflictsWith.length > 0 ? html`<dt>${t('conflicts', lang)}</dt><dd>${row.conflictsWith.join(', ')}</dd>` : nothing}
      </dl>
      <ledger-chart .row=${row} locale=${lang}></ledger-chart>
      ${
        row.actuals.length > 0
          ? html`<h4>${t('ledgerReported', lang)}</h4><ul class="actuals">
        ${row.actuals.map(
          (actual) => html`<li>${reportedText({ ...row, actuals: [actual] }, lang)}
          <button class="remove" aria-label="${t('delete', lang)} ${actual.year}" @click=${() => emit(this, 'atlas-ledger', { kind: 'remove', actual })}>×</button></li>`,
        )}
      </ul>`
          : nothing
      }
      <h4>${t('ledgerRecord', lang)}</h4>
      <form @submit=${(event: SubmitEvent) => this.#record(event)}>
        ${
          row.qualitative
            ? html`<label>${t('ledgerValue', lang)}<select name="value"><option value="achieved">${t('ledgerAchieved', lang)}</option>
              <option value="not achieved">${t('ledgerNotAchieved', lang)}</option></select></label>`
            : html`<label>${t('ledgerValue', lang)}<input name="value" inputmode="decimal" required /></label>
            <label>${t('ledgerUnit', lang)}<input name="unit" .value=${row.unit} required /></label>`
        }
        <label>${t('ledgerYear', lang)}<input name="year" type="number" min="1949" max="2100" required
          .value=${String(typeof row.target?.year === 'number' ? row.target.year : new Date().getFullYear())} /></label>
        <label class="wide">${t('ledgerSource', lang)}<input name="source" required minlength="2" /></label>
        ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}
        <button type="submit">${t('save', lang)}</button>
      </form>`;
  }

  #record(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = String(form.get('value') ?? '').trim();
    const words = text === 'achieved' || text === 'not achieved';
    const actual: Actual = {
      targetId: this.row.id,
      value: words ? null : text === '' ? Number.NaN : Number(text),
      achieved: words ? text === 'achieved' : null,
      unit: String(form.get('unit') ?? this.row.unit).trim(),
      year: Number(form.get('year')),
      source: String(form.get('source') ?? '').trim(),
    };
    emit(this, 'atlas-ledger', { kind: 'record', actual });
  }
}

customElements.define('ledger-row-details', LedgerRowDetails);

declare global {
  interface HTMLElementTagNameMap {
    'ledger-row-details': LedgerRowDetails;
  }
}
