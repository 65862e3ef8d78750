import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { emit } from '../app/events.ts';
import { documentBlocks, type Block, type Sentence } from '../documents/blocks.ts';
import { documentCatalogue, documentInfo, documentLabel } from '../documents/catalogue.ts';
import { citedBy, citedBySummary, type CitingEntry } from '../documents/cited-by.ts';
import type { DocumentText } from '../documents/document-text.ts';
import { passageOf, type Passage } from '../documents/passage.ts';
import { searchDocuments, type SearchHit } from '../documents/search.ts';
import { loadDocumentText } from '../documents/texts.ts';
import { t } from '../i18n/document-strings.ts';
import type { Lang, ReaderPlace } from '../state/state.ts';

const entryKey = { zone: 'citesZone', target: 'citesTarget', rule: 'citesRule' } as const;

/**
 * The document reader: one document of seeds/ at a passage, the passage's sentence highlighted and its quoted words
 * marked, the chapter outline, full-text search across every document, and for each sentence what in the atlas cites
 * it (zones, targets, rules), leading there. Over the map on a wide screen, full screen on a phone.
 */
export class DocumentReader extends LitElement {
  static override properties = {
    place: { attribute: false },
    entries: { attribute: false },
    locale: {},
    text: { state: true },
    missing: { state: true },
    query: { state: true },
    hits: { state: true },
  };
  place: ReaderPlace | undefined;
  entries: readonly CitingEntry[] = [];
  locale: Lang = 'zh';
  text: DocumentText | undefined;
  missing = false;
  query = '';
  hits: SearchHit[] | undefined;
  #blocks: Block[] = [];
  #scrolled = '';

  static override styles = css`
    :host { position: fixed; z-index: 20; inset: 0; display: flex; flex-direction: column; background: #fffdf8;
      color: #222; font-size: 15px; }
    @media (min-width: 720px) { :host { inset: 56px 0 0 auto; width: min(760px, 60vw); box-shadow: -4px 0 16px #0003; } }
    header { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #ddd; }
    header h2 { font-size: 16px; margin: 0; flex: 1 1 200px; }
    .meta { width: 100%; font-size: 12px; color: #555; }
    select, input, button { font: inherit; min-height: 36px; }
    form { display: flex; gap: 6px; padding: 8px 12px; border-bottom: 1px solid #eee; }
    form input { flex: 1; min-width: 0; }
    .hits { max-height: 40vh; overflow: auto; margin: 0; padding: 4px 12px; list-style: none; border-bottom: 1px solid #ddd; }
    .hits li button { all: unset; display: block; cursor: pointer; padding: 6px 0; border-bottom: 1px dotted #ccc; line-height: 1.5; }
    .hits .where { font-size: 12px; color: #555; }
    .body { flex: 1; display: flex; min-height: 0; }
    nav { width: 220px; overflow: auto; padding: 8px; border-right: 1px solid #eee; font-size: 13px; }
    nav ol { list-style: none; margin: 0; padding: 0; }
    nav button { all: unset; cursor: pointer; display: block; padding: 3px 0; }
    nav .rank-1 { padding-left: 10px; } nav .rank-2 { padding-left: 20px; } nav .rank-3 { padding-left: 30px; }
    details.outline { display: none; }
    @media (max-width: 719px) {
      nav { display: none; }
      details.outline { display: block; padding: 4px 12px; border-bottom: 1px solid #eee; max-height: 40vh; overflow: auto; }
      details.outline nav { display: block; width: auto; border: 0; }
    }
    article { flex: 1; overflow: auto; padding: 8px 16px 40vh; line-height: 1.8; }
    article h3 { font-size: 15px; margin: 16px 0 4px; }
    article p { margin: 0 0 8px; }
    .passage { background: #fff3bf; outline: 2px solid #e8b923; }
    mark { background: #ffd43b; color: inherit; }
    .cited { text-decoration: underline dotted #b07d00; }
    .badge { font-size: 11px; padding: 0 4px; min-height: 0; margin: 0 2px; border: 1px solid #b07d00; border-radius: 8px;
      background: #fff; color: #6a4a00; cursor: pointer; }
    .cites { margin: 4px 0 12px; padding: 6px 8px; border: 1px solid #e8b923; background: #fffaf0; font-size: 13px; }
    .cites ul { margin: 4px 0 0; padding-left: 18px; }
    .cites button { all: unset; cursor: pointer; color: #0b5394; text-decoration: underline; }
  `;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('place') && this.place && this.place.doc !== this.#loadedDoc) void this.#load(this.place.doc);
  }

  #loadedDoc = '';
  async #load(doc: string): Promise<void> {
    this.#loadedDoc = doc;
    this.text = undefined;
    this.missing = false;
    try {
      const text = await loadDocumentText(doc);
      if (this.#loadedDoc !== doc) return;
      this.#blocks = documentBlocks(text);
      this.text = text;
    } catch {
      this.missing = true;
    }
  }

  protected override updated(): void {
    const key = this.place && this.text ? `${this.place.doc}:${this.place.line}:${this.place.quote ?? ''}` : '';
    if (!key || key === this.#scrolled) return;
    this.#scrolled = key;
    this.renderRoot.querySelector('.passage')?.scrollIntoView({ block: 'center' });
  }

  override render() {
    const { place, locale: lang } = this;
    if (!place) return nothing;
    const info = documentInfo(place.doc);
    const meta = info
      ? [
          info.issuer !== 'unknown' ? `${t('issuedBy', lang)}：${info.issuer}` : '',
          info.number !== 'unknown' ? info.number : '',
          info.date !== 'unknown' ? info.date : '',
        ]
          .filter(Boolean)
          .join(' · ')
      : '';
    return html`
      <header>
        <h2 id="reader-title">${info ? info.title.zh : t('documentMissing', lang).replace('{doc}', place.doc)}</h2>
        <label>${t('documentChoice', lang)}
          <select @change=${(event: Event) => this.#open({ doc: (event.target as HTMLSelectElement).value, line: 1 })}>
            ${documentCatalogue().map((document) => html`<option value=${document.id} ?selected=${document.id === place.doc}>${document.shortTitle[lang]}</option>`)}
          </select></label>
        <button class="close" @click=${() => emit(this, 'atlas-reader', { kind: 'close' })}>${t('close', lang)}</button>
        ${meta ? html`<div class="meta">${meta}</div>` : nothing}
      </header>
      <form role="search" @submit=${(event: Event) => {
        event.preventDefault();
        void this.#search();
      }}>
        <input type="search" aria-label=${t('documentSearch', lang)} placeholder=${t('documentSearch', lang)} .value=${this.query}
          @input=${(event: Event) => {
            this.query = (event.target as HTMLInputElement).value;
          }} />
        <button type="submit">${t('documentSearchButton', lang)}</button>
      </form>
      ${this.hits ? this.#hitList() : nothing}
      ${
        this.text
          ? html`
        <details class="outline"><summary>${t('documentOutline', lang)}</summary>${this.#outline()}</details>
        <div class="body">${this.#outline()}<article aria-labelledby="reader-title" lang="zh-CN">${this.#article(this.text, place)}</article></div>`
          : html`<p role="status">${this.missing ? t('documentMissing', lang).replace('{doc}', place.doc) : t('documentLoading', lang)}</p>`
      }`;
  }

  #open(place: ReaderPlace): void {
    emit(this, 'atlas-reader', { kind: 'open', place });
  }

  async #search(): Promise<void> {
    const texts = new Map<string, DocumentText>();
    for (const { id } of documentCatalogue()) texts.set(id, await loadDocumentText(id));
    this.hits = searchDocuments(texts, this.query);
  }

  #hitList() {
    const lang = this.locale;
    const hits = this.hits ?? [];
    return html`<p class="meta" role="status">${hits.length === 0 ? t('documentSearchNone', lang) : t('documentSearchHits', lang).replace('{n}', String(hits.length))}</p>
      <ol class="hits">${hits.map(
        (hit) => html`<li><button @click=${() => this.#open({ doc: hit.doc, line: hit.line, quote: this.query.trim() })}>
        <span class="where">${documentLabel(hit.doc, lang)} · ${t('line', lang).replace('{n}', String(hit.line))}</span><br />
        <span lang="zh-CN">${hit.sentence.slice(0, hit.from)}<mark>${hit.sentence.slice(hit.from, hit.to)}</mark>${hit.sentence.slice(hit.to)}</span>
      </button></li>`,
      )}</ol>`;
  }

  #outline() {
    const headings = (this.text?.headings ?? []).filter((heading) => heading.rank <= 3);
    return html`<nav aria-label=${t('documentOutline', this.locale)}><ol>${headings.map(
      (heading) => html`<li class="rank-${heading.rank}">
      <button @click=${() => this.#open({ doc: this.place!.doc, line: heading.line })}>${heading.title}</button></li>`,
    )}</ol></nav>`;
  }

  #article(text: DocumentText, place: ReaderPlace) {
    const passage = place.quote ? passageOf(text, { line: place.line, quote: place.quote }) : undefined;
    // Without quoted words the passage is every sentence of the line.
    const from = passage?.start ?? text.lineStart[place.line - 1] ?? 0;
    const to = passage?.end ?? text.lineStart[place.line] ?? from;
    const cited = citedBy(text, place.doc, this.entries);
    return this.#blocks.map((block) => {
      const sentences = block.sentences.map((sentence) => this.#sentence(text, sentence, passage, from, to, cited));
      const open = block.sentences.find((sentence) => sentence.start < to && sentence.end > from && cited.has(sentence.start));
      const list = open ? this.#cites(cited.get(open.start)!) : nothing;
      return block.heading && block.sentences.length === 1
        ? html`<h3 data-line=${block.line}>${sentences}</h3>${list}`
        : html`<p data-line=${block.line}>${sentences}</p>${list}`;
    });
  }

  #sentence(
    text: DocumentText,
    sentence: Sentence,
    passage: Passage | undefined,
    from: number,
    to: number,
    cited: Map<number, CitingEntry[]>,
  ) {
    const words = text.text.slice(sentence.start, sentence.end);
    const inPassage = sentence.start < to && sentence.end > from && (to > from || sentence.start === from);
    const entries = cited.get(sentence.start);
    const body =
      passage && inPassage
        ? html`${words.slice(0, Math.max(0, passage.start + passage.quoteFrom - sentence.start))}<mark>${text.text.slice(
            Math.max(sentence.start, passage.start + passage.quoteFrom),
            Math.min(sentence.end, passage.start + passage.quoteTo),
          )}</mark>${words.slice(Math.min(words.length, passage.start + passage.quoteTo - sentence.start))}`
        : words;
    const badge =
      entries && !inPassage
        ? html`<button class="badge" title=${citedBySummary(entries, this.locale)}
          @click=${() => this.#open({ doc: this.place!.doc, line: sentence.line, quote: entries[0]!.citation.quote })}>→ ${entries.length}</button>`
        : nothing;
    return html`<span class=${[inPassage ? 'passage' : '', entries ? 'cited' : ''].join(' ').trim()} data-line=${sentence.line}>${body}</span>${badge}`;
  }

  #cites(entries: CitingEntry[]) {
    const lang = this.locale;
    return html`<div class="cites" role="note">${t('thisSentenceCites', lang)} ${citedBySummary(entries, lang)}
      <ul>${entries.map(
        (entry) => html`<li>${t(entryKey[entry.kind], lang)}:
        <button data-kind=${entry.kind} data-id=${entry.id} @click=${() => emit(this, 'atlas-reader', { kind: 'follow', entry })}>${entry.name[lang]}</button></li>`,
      )}</ul></div>`;
  }
}
customElements.define('document-reader', DocumentReader);

declare global {
  interface HTMLElementTagNameMap {
    'document-reader': DocumentReader;
  }
}
