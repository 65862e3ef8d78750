import { LitElement, css, html, nothing } from 'lit';
import { emit } from '../app/events.ts';
import { citedSentence } from '../app/cited-sentence.ts';
import { placeOfCitation } from '../app/reader-session.ts';
import { passageOf, type Passage } from '../documents/passage.ts';
import { loadDocumentText } from '../documents/texts.ts';
import { t } from '../i18n/document-strings.ts';
import type { Citation } from '../schema/citation.ts';
import type { Lang } from '../state/state.ts';

/**
 * One citation as the atlas shows it: the document's short title and 文号, where the sentence sits (第X章 › 一、…),
 * the whole sentence with the quoted words marked, and a button that opens the reader at it. Until the text has
 * loaded (or if the quote is not found) the quote alone is shown.
 */
export class DocumentCitation extends LitElement {
  static override properties = { citation: { attribute: false }, locale: {}, passage: { state: true } };
  citation: Citation | undefined;
  locale: Lang = 'zh';
  passage: Passage | undefined;

  static override styles = css`
    :host { display: block; }
    .source { font-size: 12px; color: #5a4a2f; }
    blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #c9a86b; line-height: 1.6; }
    mark { background: #ffe58a; color: inherit; }
    button { font: inherit; font-size: 12px; padding: 2px 8px; min-height: 32px; cursor: pointer; }
  `;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('citation')) return;
    this.passage = undefined;
    const citation = this.citation;
    if (!citation) return;
    loadDocumentText(citation.doc).then(
      (text) => {
        if (this.citation === citation) this.passage = passageOf(text, citation);
      },
      () => undefined,
    );
  }

  override render() {
    const { citation, passage, locale: lang } = this;
    if (!citation) return nothing;
    const shown = citedSentence(citation, passage, lang);
    return html`
      <div class="source"><cite>${shown.document}</cite>${shown.place ? html` · <span class="place" lang="zh-CN">${shown.place}</span>` : nothing} · ${shown.lines}</div>
      <blockquote lang="zh-CN">${shown.before}<mark>${shown.quoted}</mark>${shown.after}</blockquote>
      <button class="open" @click=${() => emit(this, 'atlas-reader', { kind: 'open', place: placeOfCitation(citation) })}>${t('openInDocument', lang)}</button>`;
  }
}
customElements.define('document-citation', DocumentCitation);

declare global {
  interface HTMLElementTagNameMap {
    'document-citation': DocumentCitation;
  }
}
