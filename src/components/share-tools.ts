import { LitElement, css, html, nothing } from 'lit';
import { browserStorage } from '../app/browser-platform.ts';
import { emit, type ShareAction } from '../app/events.ts';
import { t } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';
import { readSavedViews, writeSavedViews, type SavedView } from '../state/saved-views.ts';

/** Share and present: copy link, PNG export, embed snippet, presentation mode, and the saved views of this browser. */
export class ShareTools extends LitElement {
  static override properties = { locale: {}, currentHash: {}, views: { state: true }, name: { state: true } };
  locale: Lang = 'zh';
  currentHash = '';
  views: SavedView[] = readSavedViews(browserStorage);
  name = '';

  static override styles = css`
    :host { display: block; padding: 8px 12px; font-size: 13px; border-bottom: 1px solid #e2ddd2; }
    summary { cursor: pointer; font-weight: 600; color: #3b3226; }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
    button { padding: 4px 8px; cursor: pointer; font-size: 13px; }
    form { display: flex; gap: 6px; margin: 6px 0; }
    input { flex: 1; min-width: 0; font-size: 13px; padding: 3px 6px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; gap: 4px; align-items: center; margin: 2px 0; }
    li span { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    h3 { font-size: 13px; margin: 8px 0 4px; }
  `;

  override render() {
    const lang = this.locale;
    return html`<details>
      <summary>${t('shareAndPresent', lang)}</summary>
      <div class="actions">
        ${(['copy-link', 'export-1x', 'export-2x', 'embed', 'present'] as const).map(
          (action) => html`<button data-action=${action} @click=${() => this.#act(action)}>${t(actionLabels[action], lang)}</button>`,
        )}
      </div>
      <h3>${t('savedViews', lang)}</h3>
      <form @submit=${(event: Event) => this.#save(event)}>
        <input aria-label=${t('viewName', lang)} placeholder=${t('viewName', lang)} .value=${this.name}
          @input=${(event: Event) => {
            this.name = (event.target as HTMLInputElement).value;
          }} />
        <button type="submit">${t('save', lang)}</button>
      </form>
      <ul aria-label=${t('savedViews', lang)}>
        ${this.views.map(
          (view, index) => html`<li data-view=${view.name}>
          <span title=${view.savedAt}>${view.name}</span>
          <button @click=${() => this.#open(view)}>${t('open', lang)}</button>
          <button aria-label="${t('delete', lang)}: ${view.name}" @click=${() => this.#store(this.views.filter((_, i) => i !== index))}>✕</button>
        </li>`,
        )}
      </ul>
      ${this.views.length > 0 ? html`<button class="clear" @click=${() => this.#clear()}>${t('clearViews', lang)}</button>` : nothing}
    </details>`;
  }

  #act(action: ShareAction): void {
    emit(this, 'atlas-share', action);
  }

  #save(event: Event): void {
    event.preventDefault();
    const name = this.name.trim();
    if (!name) return;
    this.#store([...this.views.filter((view) => view.name !== name), { name, hash: this.currentHash, savedAt: new Date().toISOString() }]);
    this.name = '';
  }

  #open(view: SavedView): void {
    emit(this, 'atlas-open-hash', view.hash);
  }

  #clear(): void {
    if (confirm(t('clearViewsConfirm', this.locale))) this.#store([]);
  }

  #store(views: SavedView[]): void {
    this.views = views;
    try {
      writeSavedViews(browserStorage, views);
    } catch {
      // Storage is blocked or full: the views stay for this page.
    }
  }
}

const actionLabels = {
  'copy-link': 'copyLink',
  'export-1x': 'exportPng',
  'export-2x': 'exportPng2x',
  embed: 'embed',
  present: 'present',
} as const;

customElements.define('share-tools', ShareTools);

declare global {
  interface HTMLElementTagNameMap {
    'share-tools': ShareTools;
  }
}
