import { LitElement, css, html, nothing } from 'lit';
import { emit, type LayerChange } from '../app/events.ts';
import type { LayerDefinition, Theme } from '../../layers/layer-definition.ts';
import { themes } from '../../layers/registry.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import { hatchCss } from '../map/hatch.ts';
import type { Lang, LayerState } from '../state/state.ts';

const themeTitle: Record<Theme, StringKey> = {
  energy: 'themeEnergy',
  ecology: 'themeEcology',
  water: 'themeWater',
  restriction: 'themeRestriction',
  administrative: 'themeAdministrative',
  base: 'themeBase',
};

/** The hidden list after a legend check box changed: checked shows the value, unchecked hides it. */
const toggled = (hidden: string[], value: string, shown: boolean) => (shown ? hidden.filter((item) => item !== value) : [...hidden, value]);

/** Layers grouped by theme: visibility, opacity, feature count and a legend drawn from each layer's palette. */
export class LayerPanel extends LitElement {
  static override properties = {
    layers: { attribute: false },
    states: { attribute: false },
    counts: { attribute: false },
    failed: { attribute: false },
    locale: {},
  };

  layers: LayerDefinition[] = [];
  states: Record<string, LayerState> = {};
  counts: Record<string, number> = {};
  failed: Record<string, string> = {};
  locale: Lang = 'zh';

  static override styles = css`
    :host { display: block; font-size: 14px; color: #2b2b2b; }
    section { border-bottom: 1px solid #e2ddd2; padding: 6px 0 10px; }
    h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #5b5346; margin: 8px 12px 4px; }
    .layer { padding: 6px 12px; }
    .row { display: flex; align-items: center; gap: 8px; }
    label.toggle { flex: 1; display: flex; align-items: center; gap: 8px; cursor: pointer; min-height: 28px; }
    input[type=checkbox] { width: 18px; height: 18px; margin: 0; }
    .count { color: #6b6356; font-size: 12px; white-space: nowrap; }
    .opacity { display: flex; align-items: center; gap: 6px; font-size: 12px; color: #5b5346; margin: 2px 0 0 26px; }
    .opacity input { flex: 1; min-width: 60px; }
    ul { list-style: none; margin: 4px 0 0 26px; padding: 0; }
    li, li label { display: flex; align-items: center; gap: 6px; font-size: 12px; line-height: 18px; }
    input.filter { width: 14px; height: 14px; margin: 0; }
    .swatch { width: 16px; height: 12px; border-radius: 2px; flex: none; box-sizing: border-box; }
    .swatch.line { height: 4px; border-radius: 2px; }
    .swatch.circle { width: 12px; border-radius: 50%; border: 1.5px solid #fff; box-shadow: 0 0 0 1px #999; }
    .swatch.dashed { background: none; border: 2px dashed #6b6356; height: 12px; }
    .error { color: #b00020; font-size: 12px; margin: 2px 0 0 26px; }
  `;

  override render() {
    return themes.map((theme) => {
      const members = this.layers.filter((layer) => layer.theme === theme);
      if (members.length === 0) return nothing;
      return html`<section aria-labelledby="theme-${theme}">
        <h2 id="theme-${theme}">${t(themeTitle[theme], this.locale)}</h2>
        ${members.map((layer) => this.#layer(layer))}
      </section>`;
    });
  }

  #layer(layer: LayerDefinition) {
    const state = this.states[layer.id] ?? { visible: false, opacity: 1, hiddenCategories: [], hiddenStatuses: [] };
    const title = layer.title[this.locale];
    const count = this.counts[layer.id];
    const error = this.failed[layer.id];
    return html`<div class="layer" data-layer=${layer.id}>
      <div class="row">
        <label class="toggle">
          <input type="checkbox" .checked=${state.visible} @change=${(event: Event) =>
            this.#change({ id: layer.id, visible: (event.target as HTMLInputElement).checked })} />
          <span>${title}</span>
        </label>
        <span class="count">${count === undefined ? '' : `${count} ${t('features', this.locale)}`}</span>
      </div>
      ${error ? html`<div class="error" role="alert">${t('layerFailed', this.locale)}: ${error}</div>` : nothing}
      <label class="opacity">${t('opacity', this.locale)}
        <input type="range" min="0" max="1" step="0.05" .value=${String(state.opacity)}
          aria-label="${t('opacity', this.locale)}: ${title}"
          @input=${(event: Event) => this.#change({ id: layer.id, opacity: Number((event.target as HTMLInputElement).value) })} />
      </label>
      <ul aria-label="${title}: ${t('category', this.locale)}">
        ${Object.entries(layer.palette).map(([id, swatch]) => {
          // The colour as a style property, not a style attribute, which the Content-Security-Policy refuses.
          const body = html`<span class="swatch ${layer.renderer}" .style=${`background: ${swatch.color}`}></span>${swatch.label[this.locale]}`;
          return html`<li data-category=${id}>${
            layer.categoryProperty
              ? html`<label>
            <input type="checkbox" class="filter" .checked=${!state.hiddenCategories.includes(id)}
              @change=${(event: Event) =>
                this.#change({
                  id: layer.id,
                  hiddenCategories: toggled(state.hiddenCategories, id, (event.target as HTMLInputElement).checked),
                })} />${body}</label>`
              : body
          }</li>`;
        })}
        ${layer.properties ? html`<li><span class="swatch dashed" .style=${unsurveyedSwatch(layer)}></span>${t('unsurveyed', this.locale)}</li>` : nothing}
      </ul>
      ${
        layer.statuses
          ? html`<ul aria-label="${title}: ${t('status', this.locale)}">
        ${Object.entries(layer.statuses).map(
          ([id, label]) => html`<li data-status=${id}><label>
          <input type="checkbox" class="filter" .checked=${!state.hiddenStatuses.includes(id)}
            @change=${(event: Event) =>
              this.#change({
                id: layer.id,
                hiddenStatuses: toggled(state.hiddenStatuses, id, (event.target as HTMLInputElement).checked),
              })} />
          ${t('status', this.locale)}: ${label[this.locale]}</label></li>`,
        )}
      </ul>`
          : nothing
      }
    </div>`;
  }

  #change(detail: LayerChange): void {
    emit(this, 'atlas-layer-change', detail);
  }
}
customElements.define('layer-panel', LayerPanel);

/** The note's swatch: a dashed edge and, for a fill layer, the stripes its unsurveyed polygons are drawn with. */
const unsurveyedSwatch = (layer: LayerDefinition) =>
  layer.renderer === 'fill' ? `background: ${hatchCss(Object.values(layer.palette)[0]!.color, layer.hatch ?? 'rising')}` : '';

declare global {
  interface HTMLElementTagNameMap {
    'layer-panel': LayerPanel;
  }
}
