import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { verdictCard } from '../app/verdict-card.ts';
import { verdictBackgroundCss } from '../app/verdict-colours.ts';
import { emit } from '../app/events.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { t } from '../i18n/screening-strings.ts';
import type { Report } from '../screening/report.ts';
import type { Lang } from '../state/state.ts';

/**
 * The verdict headline in a sheet at the foot of the map, for when the side panel is closed (a phone): the verdict,
 * its doubt and the one-sentence conclusion, with a button that opens the whole card.
 */
export class VerdictSheet extends LitElement {
  static override properties = { report: { attribute: false }, source: { attribute: false }, locale: {} };
  report: Report | undefined;
  source: Bilingual | undefined;
  locale: Lang = 'zh';

  static override styles = css`
    :host { display: block; position: absolute; z-index: 5; left: 0; right: 0; bottom: 0; max-height: 45%; overflow-y: auto;
      background: #fffdf8; border-top: 1px solid #c9bfa9; border-radius: 10px 10px 0 0; box-shadow: 0 -2px 10px rgba(0,0,0,.2);
      font-size: 13px; }
    .head { color: #fff; padding: 8px 12px; border-radius: 10px 10px 0 0; }
    ${unsafeCSS(verdictBackgroundCss)}
    .source { font-size: 12px; opacity: 0.9; }
    strong { font-size: 18px; margin-right: 8px; }
    p { margin: 6px 12px; line-height: 1.5; }
    button { margin: 0 12px 10px; padding: 6px 12px; font-size: 14px; cursor: pointer; }
  `;

  override render() {
    if (!this.report) return nothing;
    const lang = this.locale;
    const card = verdictCard(this.report, lang);
    return html`<section role="status" aria-live="polite" aria-label=${t('verdict', lang)}>
      <div class="head ${this.report.verdict}">
        ${this.source ? html`<div class="source">${this.source[lang]}</div>` : nothing}
        <strong>${card.headline}</strong>${card.range ? html`<span class="range">${card.range}</span>` : nothing}
      </div>
      <p class="conclusion">${card.conclusion}</p>
      <button @click=${() => emit(this, 'atlas-show-verdict', null)}>${t('verdictDetails', lang)}</button>
    </section>`;
  }
}
customElements.define('verdict-sheet', VerdictSheet);

declare global {
  interface HTMLElementTagNameMap {
    'verdict-sheet': VerdictSheet;
  }
}
