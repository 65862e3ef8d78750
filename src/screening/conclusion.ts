import type { Bilingual } from '../schema/bilingual.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import type { ScreeningSeed } from '../schema/seed.ts';
import { bases, basisText } from './basis.ts';
import { liftedByPark } from './parks.ts';
import type { Doubt, Hit, Report } from './report.ts';
import { verdictCode, verdictLabels, worstVerdict, type Verdict } from './verdict.ts';

type Verdicts = Pick<Report, 'verdict' | 'certainty' | 'worstCase' | 'decisive' | 'weakest' | 'conclusion'>;

/** Weakest first: a zone no document bounds, a sketch, an area edge that decides the rule, a zone edge. */
const doubtRank: Record<Doubt['code'], number> = {
  'undefined-extent': 5,
  'illustrative-zone': 4,
  'jurisdiction-edge': 3,
  'park-edge': 2,
  'zone-edge': 1,
};

/** Hits of a rule that bites here: not a zone without rules, not lifted by the document or by a park the site is in. */
const ruled = (hit: Hit) => hit.ruleVerdict !== null && hit.exemption === undefined && !liftedByPark(hit);

/** Where the doubt's zone is described: the hit's zone, the area whose document makes the rule, or the park. */
function weakestOfDoubt(hit: Hit, doubt: Doubt): NonNullable<Report['weakest']> {
  const area =
    doubt.code === 'jurisdiction-edge' && hit.jurisdiction
      ? hit.jurisdiction
      : doubt.code === 'park-edge' && hit.park
        ? hit.park
        : { basis: hit.basis, accuracyKm: hit.accuracyKm };
  return { zoneId: doubt.zoneId, basis: area.basis, accuracyKm: area.accuracyKm, doubt: doubt.code, text: doubt.text };
}

/**
 * The headline: the worst verdict of the hits; whether it is firm (a hit free of doubt gives it and no doubtful hit
 * would make it worse); the verdict if every doubt fell against the site; the hit that decides it; and the weakest
 * thing it rests on (for a firm verdict the least firm zone among its doubt-free hits; otherwise the worst doubt among
 * the hits that give or could worsen it), said in one sentence.
 */
export function conclude(
  hits: readonly Hit[],
  untestableCount: number,
  type: ProjectType,
  documentOf: (ruleId: string) => ScreeningSeed['document'] | undefined,
): Verdicts {
  const verdict = hits.reduce<Verdict>((worst, hit) => worstVerdict(worst, hit.verdict), 'clear');
  const rules = hits.filter(ruled);
  const worstCase = rules.reduce<Verdict>((worst, hit) => worstVerdict(worst, hit.ruleVerdict as Verdict), verdict);
  const giving = rules.filter((hit) => hit.verdict === verdict);
  const decisiveHit = giving.find((hit) => hit.doubts.length === 0) ?? giving[0];
  const firm = worstCase === verdict && (decisiveHit === undefined || decisiveHit.doubts.length === 0);
  // A firm verdict rests on its doubt-free hits; an uncertain one on every hit that gives it or could make it worse.
  const restingOn = firm
    ? []
    : rules.filter((hit) => hit.verdict === verdict || verdictCode(hit.ruleVerdict as Verdict) > verdictCode(verdict));
  const doubts = restingOn
    .flatMap((hit) => hit.doubts.map((doubt) => ({ hit, doubt })))
    .sort((a, b) => doubtRank[b.doubt.code] - doubtRank[a.doubt.code] || b.hit.accuracyKm - a.hit.accuracyKm);
  const leastFirm = giving
    .filter((hit) => hit.doubts.length === 0)
    .sort((a, b) => bases.indexOf(b.basis) - bases.indexOf(a.basis) || b.accuracyKm - a.accuracyKm)[0];
  const weakest = doubts[0]
    ? weakestOfDoubt(doubts[0].hit, doubts[0].doubt)
    : leastFirm
      ? {
          zoneId: leastFirm.zoneId,
          basis: leastFirm.basis,
          accuracyKm: leastFirm.accuracyKm,
          text: {
            zh: `${leastFirm.name.zh}（${basisText[leastFirm.basis].zh}，精度约 ${leastFirm.accuracyKm} 公里），选址在其内超过这一距离`,
            en: `${leastFirm.name.en} (${basisText[leastFirm.basis].en}, good to about ${leastFirm.accuracyKm} km); the site lies farther inside than that`,
          },
        }
      : null;
  const certainty = firm ? 'firm' : 'uncertain';
  return {
    verdict,
    certainty,
    worstCase,
    weakest,
    decisive: decisiveHit ? { zoneId: decisiveHit.zoneId, ruleId: decisiveHit.ruleId as string } : null,
    conclusion:
      decisiveHit && weakest
        ? sentence(verdict, certainty, worstCase, decisiveHit, weakest.text, documentOf)
        : clearSentence(type, untestableCount),
  };
}

function sentence(
  verdict: Verdict,
  certainty: Verdicts['certainty'],
  worstCase: Verdict,
  hit: Hit,
  weakest: Bilingual,
  documentOf: (ruleId: string) => ScreeningSeed['document'] | undefined,
): Bilingual {
  const label = verdictLabels[verdict];
  const worse = worstCase === verdict ? undefined : verdictLabels[worstCase];
  const title = documentOf(hit.ruleId as string)?.title ?? { zh: '', en: '' };
  const line = hit.cite?.line ?? 0;
  const summary = hit.summary ?? { zh: '', en: '' };
  const doubt: Bilingual =
    certainty === 'firm'
      ? { zh: '', en: '' }
      : { zh: `（不确定${worse ? `，可能为“${worse.zh}”` : ''}）`, en: ` (not certain${worse ? `; could be ${worse.en}` : ''})` };
  return {
    zh: `“${label.zh}”${doubt.zh}：${summary.zh}（${title.zh}第 ${line} 行，${hit.name.zh}）。最薄弱的依据：${weakest.zh}。`,
    en: `${label.en[0]?.toUpperCase()}${label.en.slice(1)}${doubt.en}: ${summary.en} (${title.en}, line ${line}, in ${hit.name.en}). Weakest link: ${weakest.en}.`,
  };
}

function clearSentence(type: ProjectType, untestableCount: number): Bilingual {
  const name = projectTypes[type];
  return {
    zh: `未涉及管控：地图上没有适用于此处${name.zh}项目的规定${untestableCount > 0 ? `；另有 ${untestableCount} 条规定地图无法检验，需另行核实` : ''}。`,
    en: `Clear: no rule the map can test applies to ${name.en} here${untestableCount > 0 ? `; ${untestableCount} rules the map cannot test must be checked separately` : ''}.`,
  };
}
