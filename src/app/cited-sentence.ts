import { documentLabel } from '../documents/catalogue.ts';
import type { Passage } from '../documents/passage.ts';
import { t } from '../i18n/strings.ts';
import type { Citation } from '../schema/citation.ts';
import type { Lang } from '../state/state.ts';

/** A citation as the atlas shows and prints it: where it is, and its whole sentence cut around the quoted words. */
export interface CitedSentence {
  /** The document's short title and 文号. */
  document: string;
  /** The headings the sentence sits under ("第X章 › 一、…"), once the text is in. */
  place: string | undefined;
  /** "第N行" or "第N–M行": the sentence's lines once the text is in, the quote's first line before. */
  lines: string;
  /** The sentence before the quoted words, the words, and the rest; the quote alone until the text is in. */
  before: string;
  quoted: string;
  after: string;
}

/** One way of showing a citation for the citation element and the printed report, so that both read alike. */
export function citedSentence(citation: Citation, passage: Passage | undefined, lang: Lang): CitedSentence {
  const lines =
    passage && passage.endLine > passage.line
      ? t('lines', lang).replace('{n}', String(passage.line)).replace('{m}', String(passage.endLine))
      : t('line', lang).replace('{n}', String(passage?.line ?? citation.line));
  const place = passage?.place.map((heading) => heading.title).join(' › ');
  return {
    document: documentLabel(citation.doc, lang),
    place: place || undefined,
    lines,
    before: passage ? passage.sentence.slice(0, passage.quoteFrom) : '',
    quoted: passage ? passage.sentence.slice(passage.quoteFrom, passage.quoteTo) : citation.quote,
    after: passage ? passage.sentence.slice(passage.quoteTo) : '',
  };
}
