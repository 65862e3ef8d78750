import { LitElement, css, html, nothing } from 'lit';
import { emit } from '../app/events.ts';
import { documentCatalogue } from '../documents/catalogue.ts';
import { t } from '../i18n/about-strings.ts';
import type { DatasetEntry } from '../schema/manifest.ts';
import type { Lang } from '../state/state.ts';

/**
 * 关于本图 / About: the five documents with their titles and 文号, what the layers are and are not, the accuracy
 * classes in plain words, and every dataset's source and licence (the full list behind the map's one-line credit).
 */
export class AboutPanel extends LitElement {
  static override properties = { locale: {}, datasets: { attribute: false } };
  locale: Lang = 'zh';
  datasets: readonly DatasetEntry[] = [];

  static override styles = css`
    :host { position: absolute; inset: 0; z-index: 20; display: flex; align-items: center; justify-content: center;
      background: rgba(40, 34, 28, .35); }
    section { background: #fffdf8; border-radius: 8px; max-width: 720px; width: calc(100% - 24px); max-height: calc(100% - 24px);
      overflow-y: auto; padding: 16px 20px; box-shadow: 0 6px 24px rgba(0, 0, 0, .25); font-size: 14px; line-height: 1.5; color: #2b2b2b; }
    h2 { font-size: 18px; margin: 0 0 8px; }
    h3 { font-size: 15px; margin: 14px 0 4px; }
    ol, ul { margin: 0; padding-left: 20px; }
    li { margin: 3px 0; }
    .number { color: #5b5346; }
    .sources li { font-size: 12px; }
    .sources q { quotes: none; color: #4b4336; }
    button { margin-top: 14px; padding: 6px 14px; font-size: 14px; cursor: pointer; }
  `;

  override render() {
    const lang = this.locale;
    return html`<section role="dialog" aria-modal="true" aria-labelledby="about-title">
      <h2 id="about-title">${t('about', lang)} · ${t('appTitle', lang)}</h2>
      <p>${t('aboutIntro', lang)}</p>
      <h3>${t('aboutDocuments', lang)}</h3>
      <ol class="documents">${documentCatalogue().map(
        (document) => html`<li>
        ${document.title[lang]}
        <span class="number">${lang === 'zh' ? '（' : ' ('}${document.number === 'unknown' ? t('aboutNumberUnknown', lang) : document.number}${lang === 'zh' ? '）' : ')'}</span>
      </li>`,
      )}</ol>
      <h3>${t('aboutLayersTitle', lang)}</h3>
      <ul>
        <li>${t('aboutOfficial', lang)}</li>
        <li>${t('aboutSchematic', lang)}</li>
        <li>${t('aboutIllustrative', lang)}</li>
      </ul>
      <h3>${t('aboutAccuracyTitle', lang)}</h3>
      <ul>
        <li>${t('aboutClassA', lang)}</li>
        <li>${t('aboutClassB', lang)}</li>
        <li>${t('aboutClassC', lang)}</li>
      </ul>
      <h3>${t('aboutSourcesTitle', lang)}</h3>
      <p>${t('aboutSourcesNote', lang)}</p>
      <ul class="sources">${this.datasets.map(
        (dataset) => html`<li>
        <strong>${dataset.provenance.title[lang]}</strong>:
        <q lang="en" class="source-text">${dataset.provenance.attribution}</q>${lang === 'en' ? html` · ${dataset.provenance.licence}` : nothing}
      </li>`,
      )}</ul>
      <button class="dismiss" @click=${() => emit(this, 'atlas-about', false)}>${t('aboutDismiss', lang)}</button>
    </section>`;
  }
}
customElements.define('about-panel', AboutPanel);

declare global {
  interface HTMLElementTagNameMap {
    'about-panel': AboutPanel;
  }
}
