import { t, verdictKey } from '../i18n/strings.ts';
import type { Report } from '../screening/report.ts';
import { verdictSchema } from '../screening/verdict.ts';
import type { Lang } from '../state/state.ts';
import type { DecodedHash } from '../state/url-codec.ts';

/** A verdict in the interface language; a link's verdict that is no known verdict is shown as written. */
const verdictText = (verdict: string, lang: Lang) => {
  const known = verdictSchema.safeParse(verdict);
  return known.success ? t(verdictKey[known.data], lang) : verdict;
};

/** What a link could not restore, or undefined when it restored everything. */
export function restoreNotice(notices: string[], lang: Lang): string | undefined {
  return notices.length > 0 ? `${t('linkNotice', lang)} ${notices.join('; ')}` : undefined;
}

/**
 * Whether the data changed since the link was made and, when the link carried a verdict, whether the site's verdict
 * changed with it; undefined when the link was made on this data (or says nothing about it).
 */
export function dataChangeNotice(decoded: DecodedHash, dataVersion: string, report: Report | undefined, lang: Lang): string | undefined {
  if (!decoded.dataVersion || decoded.dataVersion === dataVersion) return undefined;
  const changed = t('dataChanged', lang).replace('{then}', decoded.dataVersion).replace('{now}', dataVersion);
  if (!decoded.verdict || !report) return changed;
  const verdict = t(decoded.verdict === report.verdict ? 'verdictSame' : 'verdictChanged', lang)
    .replace('{then}', verdictText(decoded.verdict, lang)).replace('{now}', verdictText(report.verdict, lang));
  return `${changed} ${verdict}`;
}
