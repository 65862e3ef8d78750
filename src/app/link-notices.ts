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
 * What changed since the link was made: the data, with whether the site's verdict changed with it; or, on the same
 * data, the site's verdict alone (the screening engine changed since: its revision moves on without the data's
 * version). Undefined when nothing the link records has changed.
 */
export function dataChangeNotice(decoded: DecodedHash, dataVersion: string, report: Report | undefined, lang: Lang): string | undefined {
  const verdict =
    decoded.verdict && report
      ? t(decoded.verdict === report.verdict ? 'verdictSame' : 'verdictChanged', lang)
          .replace('{then}', verdictText(decoded.verdict, lang))
          .replace('{now}', verdictText(report.verdict, lang))
      : undefined;
  if (!decoded.dataVersion || decoded.dataVersion === dataVersion) return decoded.verdict !== report?.verdict ? verdict : undefined;
  const changed = t('dataChanged', lang).replace('{then}', decoded.dataVersion).replace('{now}', dataVersion);
  return verdict ? `${changed} ${verdict}` : changed;
}
