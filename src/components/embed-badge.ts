import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { incompleteVerdict, type MissingData } from '../app/incomplete-data.ts';
import { verdictBackgroundCss } from '../app/verdict-colours.ts';
import { t, verdictKey } from '../i18n/strings.ts';
import type { Verdict } from '../screening/verdict.ts';
import type { Lang } from '../state/state.ts';

/**
 * The screened site's verdict as one small badge over an embedded map (the full card needs the side panel); while
 * data the screening needs is missing, "incomplete" and the missing data instead.
 */
export class EmbedBadge extends LitElement {
  static override properties = { verdict: {}, projectType: {}, locale: {}, missing: { attribute: false } };
  verdict: Verdict | undefined;
  /** Data the screening lacks; the badge then gives no verdict. */
  missing: readonly MissingData[] = [];
  /** The project type in words. */
  projectType = '';
  locale: Lang = 'zh';

  static override styles = css`
    :host { display: inline-block; }
    small { font-weight: 400; }
    p { margin: 0; padding: 4px 10px; border-radius: 14px; color: #fff; font-size: 13px; font-weight: 600;
      box-shadow: 0 1px 4px rgba(0, 0, 0, .3); }
    ${unsafeCSS(verdictBackgroundCss)}
  `;

  override render() {
    const lang = this.locale;
    const type = this.projectType ? ` · ${this.projectType}` : '';
    if (this.verdict) {
      return html`<p class=${this.verdict} role="status">${t('verdict', lang)}${lang === 'zh' ? '：' : ': '}${t(verdictKey[this.verdict], lang)}${type}</p>`;
    }
    if (this.missing.length === 0) return nothing;
    const incomplete = incompleteVerdict(this.missing, lang);
    return html`<p class="incomplete" role="status">${incomplete.verdict}${type}<br><small>${incomplete.missing}</small></p>`;
  }
}
customElements.define('embed-badge', EmbedBadge);

declare global {
  interface HTMLElementTagNameMap {
    'embed-badge': EmbedBadge;
  }
}
