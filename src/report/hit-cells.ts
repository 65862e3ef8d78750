import { t, verdictKey } from '../i18n/strings.ts';
import type { Citation } from '../schema/citation.ts';
import type { Hit } from '../screening/report.ts';
import type { ReportLang } from './columns.ts';
import { documentLabel } from '../documents/catalogue.ts';

/** The texts of one hit as the atlas's hit table and the printed report show it, in one language. */
export interface HitCells {
  zone: string;
  verdict: string;
  uncertain: boolean;
  /** The rule's summary, or the reason the hit reads as it does. */
  rule: string;
  /** "document, line N: “quote”", the document by its short title and 文号, when the hit cites a rule. */
  citation: string | undefined;
}

export function hitCells(hit: Hit, lang: NonNullable<ReportLang>): HitCells {
  return {
    zone: hit.name[lang],
    verdict: t(verdictKey[hit.verdict], lang),
    uncertain: hit.uncertain,
    rule: hit.summary?.[lang] ?? hit.reason?.[lang] ?? '',
    citation: hit.cite ? citationText(hit.cite, lang) : undefined,
  };
}

/** "document, line N: “quote”", the document by its short title and 文号. */
export const citationText = (cite: Citation, lang: NonNullable<ReportLang>): string =>
  `${documentLabel(cite.doc, lang)}, ${t('line', lang).replace('{n}', String(cite.line))}: “${cite.quote}”`;
