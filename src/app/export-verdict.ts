import { t, verdictKey } from '../i18n/strings.ts';
import type { ExportDecorations } from '../map/export-png.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import type { Verdict } from '../screening/verdict.ts';
import type { AtlasState } from '../state/state.ts';
import { incompleteVerdict, type MissingData } from './incomplete-data.ts';
import { incompleteColour, verdictColours } from './verdict-colours.ts';

/**
 * The site's verdict for the exported image; "incomplete" with the missing data named while the screening lacks
 * data. Loaded with the first export, not with the first view.
 */
export function exportVerdict(
  verdict: Verdict | undefined,
  missing: readonly MissingData[],
  { lang, projectType }: AtlasState,
): ExportDecorations['verdict'] {
  const type = projectType ? projectTypes[projectType as ProjectType]?.[lang] : undefined;
  if (verdict) {
    return {
      text: `${t('verdict', lang)}${lang === 'zh' ? '：' : ': '}${t(verdictKey[verdict], lang)}${type ? ` · ${type}` : ''}`,
      color: verdictColours[verdict],
    };
  }
  if (missing.length === 0) return undefined;
  const incomplete = incompleteVerdict(missing, lang);
  return { text: `${incomplete.verdict}${type ? ` · ${type}` : ''}`, color: incompleteColour, detail: incomplete.missing };
}
