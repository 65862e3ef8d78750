import { distanceDecimals } from '../geodesy/distance-step.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import type { Rule } from '../schema/seed.ts';
import { basisText, sketchBases } from './basis.ts';
import type { Contact } from './contact.ts';
import { round, roundedFigure, shareRange } from './figures.ts';
import { parkEffect, parkOfHit, type ParkContact } from './parks.ts';
import type { Doubt, Hit } from './report.ts';
import { exemptionOf } from './rules.ts';
import type { Site } from './site.ts';
import { verdictLabels, verdictOfRule, type Verdict } from './verdict.ts';
import type { ZoneStore } from './zone-store.ts';
import type { ZoneInfo } from './zones.ts';

/** A zone or area the site meets, and how. */
export interface Met {
  info: ZoneInfo;
  contact: Contact;
}

/** A rule that counts for the site, with the area whose document makes it when that is a league's or city's, and
 * for a rule on enterprises outside parks the park the site is in or near. */
export interface ApplicableRule {
  rule: Rule;
  jurisdiction: Met | undefined;
  park?: ParkContact | undefined;
}

/** Kilometres as precise as an accuracy of accuracyKm allows (the step the data build densifies edges for). */
export const kmFigure = (km: number, accuracyKm: number): number => round(km, distanceDecimals(accuracyKm));

/**
 * How a doubt writes the distance from the site to a zone's drawn edge: its kmFigure, or, in a report made to serve
 * as a template for many points (Screener.shapeTemplate), a mark that each point's own figure then replaces.
 */
export type EdgeFigure = (met: Met) => number | string;

export const edgeFigure: EdgeFigure = ({ contact }) => kmFigure(contact.edgeKm, contact.accuracyKm);

/** Within the accuracy of the drawn edge where the site is: the official boundary decides which side the site is on. */
const onEdge = ({ contact }: Met): boolean => contact.accuracyKm > 0 && contact.edgeKm <= contact.accuracyKm;

/** The drawn edge the site is near, naming its stretch where the zone's accuracy varies along the edge. */
function drawnEdge({ info, contact }: Met): Bilingual {
  const stretch = contact.stretch >= 0 ? info.edgeAccuracy?.stretches[contact.stretch]?.edge : undefined;
  return stretch
    ? { zh: `${info.name.zh}所绘边界“${stretch.zh}”一段`, en: `the drawn edge of ${info.name.en} (the stretch “${stretch.en}”)` }
    : { zh: `${info.name.zh}所绘边界`, en: `the drawn edge of ${info.name.en}` };
}

/** What makes any rule of the zone less certain than it reads: the zone is a sketch, or the site is on its edge. */
export function zoneDoubts(met: Met, figure: EdgeFigure = edgeFigure): Doubt[] {
  const { info, contact } = met;
  const { name } = info;
  const doubts: Doubt[] = [];
  if (info.basis === 'undefined-extent') {
    doubts.push({
      code: 'undefined-extent',
      zoneId: info.id,
      text: {
        zh: `${name.zh}的范围没有任何文件界定，所绘图形只是推测`,
        en: `no document defines where ${name.en} ends; the outline drawn is a guess`,
      },
    });
  } else if (info.basis === 'illustrative') {
    doubts.push({
      code: 'illustrative-zone',
      zoneId: info.id,
      text: {
        zh: `${name.zh}为示意图形（约 ${info.accuracyKm} 公里），不是官方划定范围；请以官方范围核实`,
        en: `${name.en} is drawn for illustration (about ${info.accuracyKm} km), not the official extent; verify against the official map`,
      },
    });
  }
  if (onEdge(met)) {
    const km = figure(met);
    const edge = drawnEdge(met);
    doubts.push({
      code: 'zone-edge',
      zoneId: info.id,
      text: {
        zh: `选址距${edge.zh} ${km} 公里，在其 ${contact.accuracyKm} 公里精度范围内（${basisText[info.basis].zh}）；请以官方边界核实`,
        en: `the site is ${km} km from ${edge.en}, within its ${contact.accuracyKm} km accuracy (${basisText[info.basis].en}); verify against the official boundary`,
      },
    });
  }
  return doubts;
}

function jurisdictionDoubt(jurisdiction: Met, figure: EdgeFigure): Doubt | undefined {
  if (!onEdge(jurisdiction)) return undefined;
  const { info, contact } = jurisdiction;
  const km = figure(jurisdiction);
  const edge = drawnEdge(jurisdiction);
  return {
    code: 'jurisdiction-edge',
    zoneId: info.id,
    text: {
      zh: `选址距${edge.zh} ${km} 公里，在其 ${contact.accuracyKm} 公里精度范围内（${basisText[info.basis].zh}）：是否在${info.name.zh}境内决定此规定是否适用`,
      en: `the site is ${km} km from ${edge.en}, within its ${contact.accuracyKm} km accuracy (${basisText[info.basis].en}): which side it lies on decides whether this rule applies`,
    },
  };
}

/** The figures of a hit: overlap and shares for a polygon, length inside for a line, rounded to their range. */
function figures(met: Met, site: Site, store: ZoneStore, zoneAreaM2: number): Partial<Hit> {
  const { info, contact } = met;
  if (site.kind === 'point') return {};
  const [low, high] = onEdge(met) ? shareRange(site, store, info.index, contact.accuracyKm, contact) : [NaN, NaN];
  const figure = (value: number, scale: number, max: number, digits: number) =>
    roundedFigure(value, low * scale, high * scale, max, digits);
  if (site.kind === 'line') {
    const inside = figure(contact.insideKm, site.lengthKm, site.lengthKm, 3);
    return { insideLengthKm: inside.value, ...(inside.range ? { insideLengthKmRange: inside.range } : {}) };
  }
  const siteHa = site.areaM2 / 1e4;
  const overlap = figure(contact.overlapM2 / 1e4, siteHa, siteHa, 4);
  const ofSite = figure(Math.min(100, (100 * contact.overlapM2) / site.areaM2), 100, 100, 4);
  const ofZone = figure(Math.min(100, (100 * contact.overlapM2) / zoneAreaM2), (100 * site.areaM2) / zoneAreaM2, 100, 4);
  return {
    overlapHa: overlap.value,
    ...(overlap.range ? { overlapHaRange: overlap.range } : {}),
    shareOfSitePct: ofSite.value,
    ...(ofSite.range ? { shareOfSiteRange: ofSite.range } : {}),
    shareOfZonePct: ofZone.value,
  };
}

/** A hit's `jurisdiction` member: the area whose document makes the rule, and where the site lies against it. */
function jurisdictionOf({ info, contact }: Met): NonNullable<Hit['jurisdiction']> {
  const jurisdiction: NonNullable<Hit['jurisdiction']> = {
    id: info.id,
    name: info.name,
    basis: info.basis,
    accuracyKm: contact.accuracyKm,
    standing: contact.position === 'near' ? 'near' : 'inside',
  };
  if (Number.isFinite(contact.edgeKm)) jurisdiction.edgeKm = kmFigure(contact.edgeKm, contact.accuracyKm);
  return jurisdiction;
}

const would = (rule: Rule): Bilingual => ({ zh: `“${verdictLabels[verdictOfRule(rule)].zh}”`, en: verdictLabels[verdictOfRule(rule)].en });

/**
 * One hit per rule the zone carries for the project type. Inside the zone the rule's verdict stands, with every
 * doubt that weakens it listed; near it (outside the drawn edge but within its accuracy) the site may be inside the
 * official boundary, so the hit reads `review`, as it does when the site is only near the area whose document makes
 * the rule. A rule the document lifts for the project type is listed as an exemption, citing the rule. A zone
 * entered with no rule for the type is listed once as `clear`: no boundary position would change that answer.
 */
export function hitsOfZone(
  met: Met,
  rules: readonly ApplicableRule[],
  exempting: readonly ApplicableRule[],
  site: Site,
  store: ZoneStore,
  zoneAreaM2: number,
  type: ProjectType,
  figure: EdgeFigure = edgeFigure,
): Hit[] {
  const { info, contact } = met;
  const near = contact.position === 'near';
  if (near && rules.length === 0) return [];
  const doubts = zoneDoubts(met, figure);
  const zoneFigures = figures(met, site, store, zoneAreaM2);
  const distanceKm = Number.isFinite(contact.edgeKm) ? kmFigure(contact.edgeKm, contact.accuracyKm) : undefined;
  /**
   * A hit's members up to its verdict, the zone's, in the order reports list them. Each hit is built member by
   * member: spreading one shared object into each (and the optional members after it) took V8 some microseconds a
   * hit, most of a report template's time.
   */
  const zoneHit = (verdict: Verdict): Hit => {
    const hit = {
      zoneId: info.id,
      layer: info.layer,
      name: info.name,
      zoneKind: info.zoneKind,
      basis: info.basis,
      accuracyKm: contact.accuracyKm,
      position: contact.position as Hit['position'],
    } as Hit;
    Object.assign(hit, zoneFigures);
    if (distanceKm !== undefined) hit.distanceKm = distanceKm;
    hit.verdict = verdict;
    return hit;
  };
  /** A hit of a rule: the zone's members, the rule's, then the optional ones in report order. */
  const ruleHit = (
    rule: Rule,
    verdict: Verdict,
    reason: Bilingual | undefined,
    doubts: Doubt[],
    jurisdiction: Met | undefined,
    park?: Hit['park'],
    exemption?: Hit['exemption'],
  ): Hit => {
    const hit = zoneHit(verdict);
    hit.ruleId = rule.id;
    hit.ruleVerdict = verdictOfRule(rule);
    hit.summary = rule.summary;
    hit.cite = rule.citation;
    if (exemption) hit.exemption = exemption;
    if (reason) hit.reason = reason;
    hit.doubts = doubts;
    hit.uncertain = doubts.length > 0;
    if (jurisdiction) hit.jurisdiction = jurisdictionOf(jurisdiction);
    if (park) hit.park = park;
    return hit;
  };
  const typeName = projectTypes[type];
  const exemptions: Hit[] = near
    ? []
    : exempting.map(({ rule, jurisdiction }) => {
        const note = exemptionOf(rule, type) as string;
        // "Expressly" only where the quoted words say so (不含光伏玻璃); otherwise the seed's note says why the rule stops short.
        const express = rule.citation.quote.includes(`不含${typeName.zh}`);
        const reason = express
          ? { zh: `文件明确不含${typeName.zh}`, en: `the document expressly excludes ${typeName.en}` }
          : { zh: `此规定不涉及${typeName.zh}：${note}`, en: `this rule does not cover ${typeName.en}: ${note}` };
        return ruleHit(rule, 'clear', reason, [], jurisdiction, undefined, { note });
      });
  if (rules.length === 0) {
    if (exemptions.length > 0) return exemptions;
    const hit = zoneHit('clear');
    hit.ruleId = null;
    hit.ruleVerdict = null;
    hit.summary = null;
    hit.cite = null;
    hit.doubts = [];
    hit.uncertain = false;
    hit.reason = {
      zh: `五份文件中没有适用于该区域内${typeName.zh}项目的规定`,
      en: `no rule of the five documents applies to ${typeName.en} in this zone`,
    };
    return [hit];
  }
  return [
    ...rules.map(({ rule, jurisdiction, park }): Hit => {
      const outside = jurisdiction?.contact.position === 'near' ? jurisdiction : undefined;
      const doubt = jurisdiction ? jurisdictionDoubt(jurisdiction, figure) : undefined;
      // On the area's own zone (a league's region-wide rule) its edge is one doubt, said as the jurisdiction's.
      const all = !doubt ? doubts : [...doubts.filter((other) => other.code !== 'zone-edge' || other.zoneId !== doubt.zoneId), doubt];
      const verdict = near || outside ? 'review' : verdictOfRule(rule);
      const reason: Bilingual | undefined = near
        ? {
            zh: `位于所绘边界之外，但在其精度范围内：若在区内，此规定将使项目为${would(rule).zh}`,
            en: `outside the drawn edge but within its accuracy: inside, this rule would make the project ${would(rule).en}`,
          }
        : outside
          ? {
              zh: `位于制定此规定的${drawnEdge(outside).zh}之外，但在其 ${outside.contact.accuracyKm} 公里精度范围内：若在${outside.info.name.zh}境内，此规定将使项目为${would(rule).zh}`,
              en: `outside ${drawnEdge(outside).en}, whose document makes this rule, but within its ${outside.contact.accuracyKm} km accuracy: inside, this rule would make the project ${would(rule).en}`,
            }
          : sketchBases.has(info.basis)
            ? {
                zh: `若选址在文件所指的${info.name.zh}内，此规定使项目为${would(rule).zh}；所绘范围不能证明这一点`,
                en: `if the site is in the ${info.name.en} the document means, this rule makes the project ${would(rule).en}; the outline drawn cannot show that it is`,
              }
            : undefined;
      const hit = (verdictHere: Verdict, why: Bilingual | undefined, doubted: Doubt[], inPark?: Hit['park']): Hit =>
        ruleHit(rule, verdictHere, why, doubted, jurisdiction, inPark);
      if (!park) return hit(verdict, reason, all);
      // A rule on enterprises outside parks: wholly inside a park it does not apply; near the park's edge, which side decides.
      const effect = parkEffect(park, would(rule), figure);
      const inPark = parkOfHit(park, kmFigure);
      if (effect.lifted) return hit('clear', effect.reason, [], inPark);
      // On the park's own zone its edge is one doubt, said as the park's.
      const doubted = effect.doubt
        ? [...all.filter((other) => other.code !== 'zone-edge' || other.zoneId !== park.info.id), effect.doubt]
        : all;
      return hit(effect.review ? 'review' : verdict, reason ?? effect.reason, doubted, inPark);
    }),
    ...exemptions,
  ];
}
