import { LitElement, css, html, nothing } from 'lit';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import { t } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';

/** A compact legend of the visible thematic layers, over the map in embed and presentation modes. */
export class MapLegend extends LitElement {
  static override properties = { layers: { attribute: false }, locale: {}, large: { type: Boolean } };
  layers: LayerDefinition[] = [];
  locale: Lang = 'zh';
  large = false;

  static override styles = css`
    :host { display: block; background: rgba(255, 253, 248, .94); border: 1px solid #c9bfa9; border-radius: 6px;
      padding: 8px 10px; font-size: 12px; max-height: 60vh; overflow-y: auto; }
    :host([large]) { font-size: 18px; padding: 14px 18px; }
    h3 { font-size: 1em; margin: 6px 0 2px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 6px; }
    span { width: 1.2em; height: .8em; border-radius: 2px; flex: none; }
    .note { margin-top: 6px; color: #5b5346; }
  `;

  override render() {
    if (this.layers.length === 0) return nothing;
    return html`${this.layers.map((layer) => html`<h3>${layer.title[this.locale]}</h3>
      <ul>${Object.values(layer.palette).map((swatch) => html`<li><span .style=${`background: ${swatch.color}`}></span>${swatch.label[this.locale]}</li>`)}</ul>`)}
      <div class="note">${t('unsurveyed', this.locale)}</div>`;
  }
}
customElements.define('map-legend', MapLegend);

declare global {
  interface HTMLElementTagNameMap { 'map-legend': MapLegend }
}
