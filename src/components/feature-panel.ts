import { LitElement, css, html, nothing } from 'lit';
import { emit } from '../app/events.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import './document-citation.ts';
import type { Citation } from '../schema/citation.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import { type featureStrings, t } from '../i18n/feature-strings.ts';
import { leagueName } from '../i18n/places.ts';
import type { Lang } from '../state/state.ts';

const methodLabel: Record<string, keyof typeof featureStrings> = {
  'open-data': 'methodOpenData',
  derived: 'methodDerived',
  'hand-drawn': 'methodHandDrawn',
  illustrative: 'methodIllustrative',
  'approximate-point': 'methodApproximatePoint',
};

/** The selected feature: names, category, the layer's fields, the accuracy note and every citation. */
export class FeaturePanel extends LitElement {
  static override properties = { layer: { attribute: false }, feature: { attribute: false }, locale: {} };
  layer: LayerDefinition | undefined;
  feature: Record<string, unknown> | undefined;
  locale: Lang = 'zh';

  static override styles = css`
    :host { display: block; font-size: 14px; line-height: 1.45; color: #2b2b2b; }
    header { display: flex; align-items: flex-start; gap: 8px; }
    h2 { font-size: 17px; margin: 0; flex: 1; }
    .other { color: #5b5346; font-size: 13px; margin: 2px 0 8px; }
    button { border: 1px solid #8a806f; background: #fff; border-radius: 4px; cursor: pointer; min-width: 32px; min-height: 28px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0; font-size: 13px; }
    dt { color: #5b5346; }
    dd { margin: 0; overflow-wrap: anywhere; }
    h3 { font-size: 13px; margin: 10px 0 4px; color: #3b3226; }
    ol { margin: 0; padding-left: 18px; font-size: 13px; }
    li { margin-bottom: 6px; }
    q { color: #6a3d00; }
    .accuracy { background: #fff7e0; border-left: 3px solid #f2a900; padding: 4px 8px; font-size: 13px; }
  `;

  override render() {
    const { layer, feature } = this;
    if (!layer || !feature) return nothing;
    const lang = this.locale;
    const other = lang === 'zh' ? 'en' : 'zh';
    const category = layer.palette[String(feature['category'])]?.label[lang] ?? String(feature['category']);
    const citations = (feature['citations'] ?? []) as Citation[];
    const note = feature[`note_${lang}`];
    return html`
      <header>
        <h2 id="feature-title">${String(feature[`name_${lang}`])}</h2>
        <button aria-label=${t('close', lang)} @click=${() => this.#close()}>✕</button>
      </header>
      <p class="other" lang=${other === 'zh' ? 'zh-CN' : 'en'}>${String(feature[`name_${other}`])}</p>
      <dl>
        <dt>${layer.title[lang]}</dt><dd>${category}</dd>
        ${
          layer.statuses && feature['status'] !== undefined
            ? html`<dt>${t('status', lang)}</dt>
          <dd>${layer.statuses[String(feature['status'])]?.[lang] ?? String(feature['status'])}</dd>`
            : nothing
        }
        ${(layer.popupFields ?? [])
          .filter((field) => feature[field.key] !== undefined)
          .map(
            (field) => html`
          <dt>${field.label[lang]}</dt><dd>${this.#value(field, feature)}</dd>`,
          )}
      </dl>
      <div class="accuracy">
        <strong>${t('accuracy', lang)}:</strong> ${t(methodLabel[String(feature['method'])] ?? 'methodHandDrawn', lang)},
        ${t('accuracyClass', lang).replace('{class}', String(feature['accuracy'])).replace('{km}', String(feature['accuracy_km']))}
        ${note ? html`<div>${String(note)}</div>` : nothing}
      </div>
      <h3>${t('citations', lang)}</h3>
      <ol class="citations">
        ${citations.map((citation) => html`<li><document-citation .citation=${citation} locale=${lang}></document-citation></li>`)}
      </ol>`;
  }

  /** A field's value in words: its layer's labels, a league's name, project types; a `_zh` field read in English takes its `_en` twin. */
  #value(field: { key: string; values?: Record<string, { zh: string; en: string }> }, feature: Record<string, unknown>): string {
    const twin = field.key.endsWith('_zh') && this.locale === 'en' ? feature[`${field.key.slice(0, -3)}_en`] : undefined;
    const value = twin ?? feature[field.key];
    const label = field.values?.[String(value)];
    if (label) return label[this.locale];
    if (field.key === 'league' && typeof value === 'string') return leagueName(value, this.locale);
    if (value === 'unknown') return t('unknownValue', this.locale);
    if (typeof value === 'boolean') return t(value ? 'yes' : 'no', this.locale);
    if (Array.isArray(value)) {
      return value.map((item) => projectTypes[item as ProjectType]?.[this.locale] ?? String(item)).join(this.locale === 'zh' ? '、' : ', ');
    }
    return String(value);
  }

  #close(): void {
    emit(this, 'atlas-select', null);
  }
}
customElements.define('feature-panel', FeaturePanel);

declare global {
  interface HTMLElementTagNameMap {
    'feature-panel': FeaturePanel;
  }
}
