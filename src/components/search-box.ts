import { LitElement, css, html, nothing } from 'lit';
import { emit } from '../app/events.ts';
import { t } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';
import { search, type SearchEntry } from '../search/search.ts';
import type { LayerDefinition } from '../../layers/layer-definition.ts';

/** A combobox over every named feature: type, move with the arrow keys, Enter or click to fly there and select. */
export class SearchBox extends LitElement {
  static override properties = {
    entries: { attribute: false },
    layers: { attribute: false },
    locale: {},
    query: { state: true },
    active: { state: true },
  };
  entries: SearchEntry[] = [];
  layers: LayerDefinition[] = [];
  locale: Lang = 'zh';
  query = '';
  active = 0;

  static override styles = css`
    :host { display: block; padding: 8px 12px; border-bottom: 1px solid #e2ddd2; position: relative; }
    label { font-size: 12px; color: #5b5346; display: block; margin-bottom: 4px; }
    input { width: 100%; box-sizing: border-box; font-size: 14px; padding: 6px 8px; border: 1px solid #a79f90; border-radius: 4px; }
    ul { list-style: none; margin: 4px 0 0; padding: 0; max-height: 260px; overflow-y: auto; border: 1px solid #ddd5c4; background: #fff; }
    li { padding: 6px 8px; cursor: pointer; font-size: 13px; }
    li[aria-selected=true], li:hover { background: #fdf1cf; }
    small { color: #6b6356; display: block; }
    .none { padding: 6px 8px; font-size: 13px; color: #6b6356; }
  `;

  override render() {
    const lang = this.locale;
    const results = search(this.entries, this.query);
    return html`
      <label for="search">${t('search', lang)}</label>
      <input id="search" type="search" role="combobox" autocomplete="off" placeholder=${t('searchPlaceholder', lang)}
        aria-expanded=${results.length > 0} aria-controls="results"
        aria-activedescendant=${results.length > 0 ? `result-${this.active}` : nothing}
        .value=${this.query}
        @input=${(event: Event) => {
          this.query = (event.target as HTMLInputElement).value;
          this.active = 0;
        }}
        @keydown=${(event: KeyboardEvent) => this.#key(event, results)} />
      ${this.query.trim() && results.length === 0 ? html`<div class="none" role="status">${t('noResults', lang)}</div>` : nothing}
      ${
        results.length > 0
          ? html`<ul id="results" role="listbox" aria-label="${results.length} ${t('results', lang)}">
        ${results.map(
          (entry, index) => html`<li id="result-${index}" role="option" aria-selected=${index === this.active}
          @click=${() => this.#pick(entry)}>${entry[lang]}
          <small>${this.layers.find((layer) => layer.id === entry.layer)?.title[lang] ?? entry.layer}</small></li>`,
        )}
      </ul>`
          : nothing
      }`;
  }

  #key(event: KeyboardEvent, results: SearchEntry[]): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + results.length) % Math.max(results.length, 1);
    } else if (event.key === 'Enter' && results[this.active]) {
      this.#pick(results[this.active]!);
    } else if (event.key === 'Escape') {
      this.query = '';
    }
  }

  #pick(entry: SearchEntry): void {
    this.query = '';
    emit(this, 'atlas-pick', entry);
  }
}
customElements.define('search-box', SearchBox);

declare global {
  interface HTMLElementTagNameMap {
    'search-box': SearchBox;
  }
}
