import { LitElement, css, html } from 'lit';
import { emit, type Message } from '../app/events.ts';
import { t } from '../i18n/strings.ts';
import type { Lang } from '../state/state.ts';

/** Problems the user must know about (a layer that failed, a refused input), each dismissible. */
export class MessageBar extends LitElement {
  static override properties = { messages: { attribute: false }, locale: {} };
  messages: Message[] = [];
  locale: Lang = 'zh';

  static override styles = css`
    :host { position: absolute; left: 50%; transform: translateX(-50%); top: 8px; z-index: 5; width: min(560px, 92vw); }
    div { display: flex; gap: 8px; align-items: flex-start; background: #fff3f0; border: 1px solid #d9534f; color: #7a1410;
      border-radius: 6px; padding: 8px 10px; margin-bottom: 6px; font-size: 13px; box-shadow: 0 2px 6px rgba(0,0,0,.15); }
    p { margin: 0; flex: 1; }
    button { border: 1px solid #b33; background: #fff; color: #7a1410; border-radius: 4px; cursor: pointer; font-size: 12px; padding: 2px 8px; }
  `;

  override render() {
    return this.messages.map(
      (message) => html`<div role="alert">
      <p>${message.text}</p>
      <button @click=${() => this.#dismiss(message.id)}>${t('dismiss', this.locale)}</button>
    </div>`,
    );
  }

  #dismiss(id: string): void {
    emit(this, 'atlas-dismiss', id);
  }
}
customElements.define('message-bar', MessageBar);

declare global {
  interface HTMLElementTagNameMap {
    'message-bar': MessageBar;
  }
}
