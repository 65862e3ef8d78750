import { LitElement, css, html, nothing } from 'lit';
import { t } from '../i18n/strings.ts';
import { hatchCss } from '../map/hatch.ts';
import type { LegendEntry, LegendGroup } from '../map/legend-entries.ts';
import type { Lang } from '../state/state.ts';

/**
 * A compact legend of what the map shows (only the categories switched on), over the map in embed and presentation
 * modes; it folds to one line ("图例") so it never hides a small frame's map.
 */
export class MapLegend extends LitElement {
  static override properties = { groups: { attribute: false }, locale: {}, large: { type: Boolean }, open: { type: Boolean } };
  groups: LegendGroup[] = [];
  locale: Lang = 'zh';
  large = false;
  /** Unfolded at first: true when presenting, false in an embed. */
  open = false;

  static override styles = css`
    :host { display: block; background: rgba(255, 253, 248, .94); border: 1px solid #c9bfa9; border-radius: 6px;
      padding: 6px 10px; font-size: 12px; max-height: 60vh; overflow-y: auto; }
    :host([large]) { font-size: 18px; padding: 14px 18px; }
    summary { cursor: pointer; font-weight: 600; }
    h3 { font-size: 1em; margin: 6px 0 2px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 6px; }
    span { width: 1.2em; height: .8em; border-radius: 2px; flex: none; }
    .note { margin-top: 6px; color: #5b5346; }
  `;

  override render() {
    if (this.groups.length === 0) return nothing;
    return html`<details ?open=${this.open}>
      <summary>${t('legend', this.locale)}</summary>
      ${this.groups.map(
        (group) => html`<h3>${group.title}</h3>
        <ul>${group.entries.map((entry) => html`<li><span class=${entry.hatch ? 'hatched' : 'solid'} .style=${swatchStyle(entry)}></span>${entry.label}</li>`)}</ul>`,
      )}
      <div class="note">${t('unsurveyed', this.locale)}</div>
    </details>`;
  }
}
customElements.define('map-legend', MapLegend);

/** The swatch as the map draws the category: solid, or hatched like its unsurveyed polygons. */
const swatchStyle = (entry: LegendEntry) =>
  entry.hatch ? `background: ${hatchCss(entry.color, entry.hatch)}; outline: 1px solid ${entry.color}` : `background: ${entry.color}`;

declare global {
  interface HTMLElementTagNameMap {
    'map-legend': MapLegend;
  }
}
