import { t } from '../i18n/screening-strings.ts';
import { verdictKey } from '../i18n/strings.ts';
import { units } from '../i18n/units.ts';
import { hitCells } from '../report/hit-cells.ts';
import type { Citation } from '../schema/citation.ts';
import type { Hit, Report } from '../screening/report.ts';
import { verdicts, worstVerdict, type Verdict } from '../screening/verdict.ts';
import type { Lang } from '../state/state.ts';

/**
 * The region's own zone (the seeds' default jurisdiction): its rules are the same for every site in the region, so
 * the card folds them away unless one of them decides the verdict.
 */
const regionZoneId = 'inner-mongolia';

/** One hit as the card and the printed report show it. */
export interface CardRow {
  zoneId: string;
  zone: string;
  verdict: Verdict;
  verdictText: string;
  /** The rule's summary, or why the hit reads as it does where there is no rule. */
  rule: string;
  /** The rule's citation: the card and the print show its whole sentence, the card opens the reader at it. */
  cite: Citation | undefined;
  /** Why the row reads as it does beyond its rule: an exemption, a near-zone review, each doubt. */
  reasons: string[];
  /** Overlap, shares, length inside, distance to the edge: "40 % (20–60 %)" where the edge is uncertain. */
  figures: string;
  decisive: boolean;
  exemption: boolean;
}

export interface CardGroup {
  verdict: Verdict;
  title: string;
  rows: CardRow[];
  /** Rules made for the whole region, folded. */
  regionWide: CardRow[];
}

/** The verdict card: headline, its doubt, the one-sentence conclusion, rows grouped by verdict, what the map cannot test. */
export interface VerdictCard {
  headline: string;
  /** "Not certain: clear to restricted …", only when the verdict is uncertain. */
  range: string | undefined;
  /** What the map's accuracy bands mean, when the site lies within an edge's accuracy (the map draws a band there). */
  bandHint: string | undefined;
  conclusion: string;
  groups: CardGroup[];
  /** Zones the site meets where no rule concerns the project type, folded. */
  withoutRule: CardRow[];
  untestable: { text: string; reason: string; cite: Citation }[];
}

export function verdictCard(report: Report, lang: Lang): VerdictCard {
  const rows = report.hits.map((hit) => cardRow(hit, report, lang));
  const ruled = rows.filter((_, index) => report.hits[index]!.ruleId !== null);
  const groups = [...verdicts].reverse().flatMap((verdict): CardGroup[] => {
    const members = ruled.filter((row) => row.verdict === verdict);
    if (members.length === 0) return [];
    const folded = (row: CardRow) => row.zoneId === regionZoneId && !row.decisive;
    return [
      {
        verdict,
        title: `${t(verdictKey[verdict], lang)}${lang === 'zh' ? `（${members.length}）` : ` (${members.length})`}`,
        rows: members.filter((row) => !folded(row)),
        regionWide: members.filter(folded),
      },
    ];
  });
  return {
    headline: t(verdictKey[report.verdict], lang),
    range:
      report.certainty === 'uncertain'
        ? t('verdictRange', lang)
            .replace('{best}', t(verdictKey[bestCase(report)], lang))
            .replace('{worst}', t(verdictKey[report.worstCase], lang))
        : undefined,
    conclusion: report.conclusion[lang],
    bandHint: report.hits.some((hit) => hit.doubts.some((doubt) => doubt.code === 'zone-edge' || doubt.code === 'jurisdiction-edge'))
      ? t('accuracyBandHint', lang)
      : undefined,
    groups,
    withoutRule: rows.filter((_, index) => report.hits[index]!.ruleId === null),
    untestable: report.untestable.map((entry) => ({
      text: `${entry.where[lang]}: ${entry.summary[lang]}`,
      reason: entry.reason[lang],
      cite: entry.cite,
    })),
  };
}

/**
 * The verdict if every doubt fell for the site: only the hits free of doubt stand. With the engine's worst case it
 * spans what checking the boundaries could make of an uncertain verdict.
 */
function bestCase(report: Report): Verdict {
  return report.hits.filter((hit) => !hit.uncertain).reduce<Verdict>((worst, hit) => worstVerdict(worst, hit.verdict), 'clear');
}

function cardRow(hit: Hit, report: Report, lang: Lang): CardRow {
  const cells = hitCells(hit, lang);
  const reasons: string[] = [];
  // Where the row shows the rule's summary, its reason (an exemption, a near-zone review) is said beside it.
  if (hit.summary && hit.reason) reasons.push(hit.exemption ? `${t('exempt', lang)}: ${hit.reason[lang]}` : hit.reason[lang]);
  for (const doubt of hit.doubts) reasons.push(doubt.text[lang]);
  return {
    zoneId: hit.zoneId,
    zone: cells.zone,
    verdict: hit.verdict,
    verdictText: cells.verdict,
    rule: cells.rule,
    cite: hit.cite ?? undefined,
    reasons,
    figures: figures(hit, lang),
    decisive: report.decisive?.zoneId === hit.zoneId && report.decisive.ruleId === hit.ruleId,
    exemption: hit.exemption !== undefined,
  };
}

const number = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });
/** "40 % (20–60 %)": the figure, and the range the zone drawn ± its accuracy gives, where there is one. */
const withRange = (value: number, unit: string, range: readonly [number, number] | undefined) =>
  `${number(value)} ${unit}${range ? ` (${number(range[0])}–${number(range[1])} ${unit})` : ''}`;

function figures(hit: Hit, lang: Lang): string {
  const parts: string[] = [];
  if (hit.overlapHa !== undefined) parts.push(withRange(hit.overlapHa, units.ha[lang], hit.overlapHaRange));
  if (hit.shareOfSitePct !== undefined) parts.push(`${t('ofSite', lang)} ${withRange(hit.shareOfSitePct, '%', hit.shareOfSiteRange)}`);
  if (hit.shareOfZonePct !== undefined) parts.push(`${t('ofZone', lang)} ${number(hit.shareOfZonePct)} %`);
  if (hit.insideLengthKm !== undefined)
    parts.push(`${t('inside', lang)} ${withRange(hit.insideLengthKm, units.km[lang], hit.insideLengthKmRange)}`);
  if (hit.distanceKm !== undefined) parts.push(`${t('fromEdge', lang)} ${number(hit.distanceKm)} ${units.km[lang]}`);
  return parts.join(' · ');
}
