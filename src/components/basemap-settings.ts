import { LitElement, css, html, nothing } from 'lit';
import { emit } from '../app/events.ts';
import { t } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';
import { onlineBasemapSchema, type OnlineBasemap } from '../map/online-basemap.ts';

/** Lets a user add an online raster basemap (their own URL template, or Tianditu with their own key). */
export class BasemapSettings extends LitElement {
  static override properties = { current: { attribute: false }, locale: {}, problem: { state: true } };
  current: OnlineBasemap | undefined;
  locale: Lang = 'zh';
  problem = '';

  static override styles = css`
    :host { display: block; padding: 8px 12px 16px; font-size: 13px; }
    summary { cursor: pointer; font-weight: 600; color: #3b3226; }
    p { color: #5b5346; margin: 6px 0; }
    label { display: block; margin: 6px 0 2px; }
    input, select { width: 100%; box-sizing: border-box; font-size: 13px; padding: 4px 6px; }
    .buttons { display: flex; gap: 6px; margin-top: 8px; }
    button { padding: 4px 10px; cursor: pointer; }
    .problem { color: #b00020; }
  `;

  override render() {
    const lang = this.locale;
    return html`<details>
      <summary>${t('onlineBasemap', lang)}</summary>
      <p>${t('onlineBasemapNote', lang)}</p>
      <form @submit=${(event: Event) => this.#apply(event)}>
        <label for="kind">${t('onlineBasemapKind', lang)}</label>
        <select id="kind" name="kind">
          <option value="template" ?selected=${this.current?.kind !== 'tianditu'}>${t('onlineBasemapTemplate', lang)}</option>
          <option value="tianditu" ?selected=${this.current?.kind === 'tianditu'}>天地图 Tianditu</option>
        </select>
        <label for="value">${t('onlineBasemapValue', lang)}</label>
        <input id="value" name="value" autocomplete="off" placeholder="https://…/{z}/{x}/{y}.png"
          .value=${this.current?.kind === 'template' ? this.current.template : (this.current?.key ?? '')} />
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        <div class="buttons">
          <button type="submit">${t('apply', lang)}</button>
          <button type="button" @click=${() => this.#emit(undefined)}>${t('turnOff', lang)}</button>
        </div>
      </form>
    </details>`;
  }

  #apply(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = String(form.get('value') ?? '').trim();
    const candidate = form.get('kind') === 'tianditu' ? { kind: 'tianditu', key: value } : { kind: 'template', template: value };
    const parsed = onlineBasemapSchema.safeParse(candidate);
    this.problem = parsed.success ? '' : parsed.error.issues.map((issue) => issue.message).join('; ');
    if (parsed.success) this.#emit(parsed.data);
  }

  #emit(basemap: OnlineBasemap | undefined): void {
    emit(this, 'atlas-basemap', basemap);
  }
}
customElements.define('basemap-settings', BasemapSettings);

declare global {
  interface HTMLElementTagNameMap {
    'basemap-settings': BasemapSettings;
  }
}
