import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { verdictBackgroundCss } from '../app/verdict-colours.ts';
import { t, verdictKey } from '../i18n/strings.ts';
import type { Verdict } from '../screening/verdict.ts';
import type { Lang } from '../state/state.ts';

/** The screened site's verdict as one small badge over an embedded map (the full card needs the side panel). */
export class EmbedBadge extends LitElement {
  static override properties = { verdict: {}, projectType: {}, locale: {} };
  verdict: Verdict | undefined;
  /** The project type in words. */
  projectType = '';
  locale: Lang = 'zh';

  static override styles = css`
    :host { display: inline-block; }
    p { margin: 0; padding: 4px 10px; border-radius: 14px; color: #fff; font-size: 13px; font-weight: 600;
      box-shadow: 0 1px 4px rgba(0, 0, 0, .3); }
    ${unsafeCSS(verdictBackgroundCss)}
  `;

  override render() {
    if (!this.verdict) return nothing;
    const lang = this.locale;
    return html`<p class=${this.verdict} role="status">${t('verdict', lang)}${lang === 'zh' ? '：' : ': '}${t(verdictKey[this.verdict], lang)}${
      this.projectType ? ` · ${this.projectType}` : ''}</p>`;
  }
}
customElements.define('embed-badge', EmbedBadge);

declare global {
  interface HTMLElementTagNameMap { 'embed-badge': EmbedBadge }
}
