import type { Bilingual } from '../schema/bilingual.ts';
import type { Rule } from '../schema/seed.ts';
import { basisText } from './basis.ts';
import type { Doubt, Hit } from './report.ts';
import type { ZoneInfo } from './zones.ts';
import type { Contact } from './contact.ts';

/** The zone kind of the industrial and chemical parks of the data. */
export const parkKind = 'industrial-park';

/**
 * Words by which a rule addresses enterprises outside parks: 园区外 (those laid out outside parks) and 入园 (bring
 * them, or new projects, into parks). 退城入园 is about leaving a city's main urban district, which a park there does
 * not answer, so it is left out.
 */
const outsideParkWords = /园区外|(?<!退城)入园/;

/** Whether the rule concerns only enterprises outside parks, so that it does not bite on a site inside one. */
export const concernsOutsideParks = (rule: Rule): boolean =>
  outsideParkWords.test(rule.summary.zh) || outsideParkWords.test(rule.citation.quote);

/** A park the site is in or near, and how. */
export interface ParkContact {
  info: ZoneInfo;
  contact: Contact;
}

/** Within the accuracy of the park's drawn edge where the site is. */
const onEdge = ({ contact }: ParkContact): boolean => contact.accuracyKm > 0 && contact.edgeKm <= contact.accuracyKm;

/** How far a park's position takes an outside-parks rule off the site: wholly inside beyond the edge's accuracy
 * first, then wholly inside within it, then partly inside, then near. */
const rank = (park: ParkContact): number =>
  park.contact.position === 'inside' ? (onEdge(park) ? 2 : 3) : park.contact.position === 'near' ? 0 : 1;

/** Of the parks the site meets, the one that says most about whether the site is in a park. */
export const decidingPark = (parks: readonly ParkContact[]): ParkContact | undefined =>
  parks.reduce<ParkContact | undefined>((best, park) => (!best || rank(park) > rank(best) ? park : best), undefined);

/** Whether the site lies wholly inside the park, deeper than its accuracy: an outside-parks rule does not apply. */
const liftsRule = (park: ParkContact): boolean => rank(park) === 3;

/** A hit whose rule a park lifts: the site wholly inside it, farther in than its accuracy (no edge distance given). */
export const liftedByPark = (hit: Hit): boolean => hit.park?.position === 'inside' && hit.park.edgeKm === undefined;

/** The hit's `park` member: the park, its basis and accuracy, and where the site lies against its drawn edge. */
export function parkOfHit(park: ParkContact, kmFigure: (km: number, accuracyKm: number) => number): NonNullable<Hit['park']> {
  const { info, contact } = park;
  const member: NonNullable<Hit['park']> = {
    id: info.id,
    name: info.name,
    basis: info.basis,
    accuracyKm: contact.accuracyKm,
    position: contact.position as NonNullable<Hit['park']>['position'],
  };
  if (onEdge(park)) member.edgeKm = kmFigure(contact.edgeKm, contact.accuracyKm);
  return member;
}

/** What the park changes in an outside-parks rule's hit: the verdict where it lifts or weakens the rule, the reason,
 * and the doubt when the site is within the accuracy of the park's edge. */
export function parkEffect(
  park: ParkContact,
  would: Bilingual,
  figure: (park: ParkContact) => number | string,
): { lifted: boolean; review: boolean; reason: Bilingual; doubt?: Doubt } {
  const { info, contact } = park;
  const name = info.name;
  const accuracy = contact.accuracyKm;
  if (liftsRule(park)) {
    return {
      lifted: true,
      review: false,
      reason: {
        zh: `选址在${name.zh}内，距其所绘边界超过 ${accuracy} 公里精度：此规定针对园区外的企业，不适用`,
        en: `the site is inside ${name.en}, farther in than its ${accuracy} km accuracy: this rule concerns enterprises outside parks and does not apply`,
      },
    };
  }
  const km = figure(park);
  const doubt: Doubt = {
    code: 'park-edge',
    zoneId: info.id,
    text:
      contact.position === 'inside' || contact.position === 'near'
        ? {
            zh: `选址距${name.zh}所绘边界 ${km} 公里，在其 ${accuracy} 公里精度范围内（${basisText[info.basis].zh}）：是否在园区内决定此规定是否适用`,
            en: `the site is ${km} km from the drawn edge of ${name.en}, within its ${accuracy} km accuracy (${basisText[info.basis].en}): whether it is in the park decides whether this rule applies`,
          }
        : {
            zh: `选址有一部分在${name.zh}所绘边界之外（其精度 ${accuracy} 公里，${basisText[info.basis].zh}）：此规定适用于园区外的部分`,
            en: `part of the site lies outside the drawn edge of ${name.en} (good to ${accuracy} km, ${basisText[info.basis].en}): this rule applies to the part outside the park`,
          },
  };
  if (contact.position === 'inside') {
    return {
      lifted: false,
      review: true,
      doubt,
      reason: {
        zh: `选址在${name.zh}所绘边界之内，但在其 ${accuracy} 公里精度范围内：若在园区外，此规定将使项目为${would.zh}`,
        en: `inside the drawn edge of ${name.en} but within its ${accuracy} km accuracy: outside the park, this rule would make the project ${would.en}`,
      },
    };
  }
  return {
    lifted: false,
    review: false,
    doubt,
    reason:
      contact.position === 'near'
        ? {
            zh: `选址在${name.zh}所绘边界之外，但在其 ${accuracy} 公里精度范围内：若在园区内，此规定不适用`,
            en: `outside the drawn edge of ${name.en} but within its ${accuracy} km accuracy: inside the park, this rule would not apply`,
          }
        : {
            zh: `选址部分在${name.zh}之外：此规定针对园区外的企业，适用于园区外的部分`,
            en: `the site lies partly outside ${name.en}: this rule concerns enterprises outside parks and applies to that part`,
          },
  };
}
