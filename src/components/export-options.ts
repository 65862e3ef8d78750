import { LitElement, css, html, nothing } from 'lit';
import { emit } from '../app/events.ts';
import { t } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';

/** The exported image's title and subtitle, editable, and the progress of an export under way. */
export class ExportOptions extends LitElement {
  static override properties = { locale: {}, titleText: {}, subtitle: {}, exporting: { type: Number } };
  locale: Lang = 'zh';
  titleText = '';
  subtitle = '';
  /** The scale of the export under way, 0 when none. */
  exporting = 0;

  static override styles = css`
    :host { display: block; padding: 4px 12px 8px; font-size: 13px; border-bottom: 1px solid #e2ddd2; }
    fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 4px; }
    legend { font-weight: 600; color: #3b3226; padding: 0; margin-bottom: 2px; }
    input { font-size: 13px; padding: 3px 6px; }
    .progress { display: flex; align-items: center; gap: 6px; margin-top: 6px; color: #4b4336; }
    progress { flex: 1; }
  `;

  override render() {
    const lang = this.locale;
    return html`<fieldset>
      <legend>${t('exportOptions', lang)}</legend>
      <input class="title" aria-label=${t('exportTitle', lang)} placeholder=${t('appTitle', lang)} .value=${this.titleText}
        @change=${() => this.#send()} />
      <input class="subtitle" aria-label=${t('exportSubtitle', lang)} placeholder=${t('exportSubtitle', lang)} .value=${this.subtitle}
        @change=${() => this.#send()} />
    </fieldset>
    <div class="progress" role="status" aria-live="polite">${
      this.exporting
        ? html`
      <span>${t('exporting', lang).replace('{scale}', String(this.exporting))}</span><progress></progress>`
        : nothing
    }</div>`;
  }

  #send(): void {
    const value = (selector: string) => this.renderRoot.querySelector<HTMLInputElement>(selector)?.value ?? '';
    emit(this, 'atlas-export-text', { title: value('input.title'), subtitle: value('input.subtitle') });
  }
}
customElements.define('export-options', ExportOptions);

declare global {
  interface HTMLElementTagNameMap {
    'export-options': ExportOptions;
  }
}
