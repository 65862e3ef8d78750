import type { Bilingual } from '../schema/bilingual.ts';
import type { ProjectType } from '../schema/project-type.ts';
import type { Report } from '../screening/report.ts';
import type { Verdict } from '../screening/verdict.ts';

/** A zone a site is in or near, by id and name. */
export interface ZoneName {
  zoneId: string;
  name: Bilingual;
}

/**
 * One row of a screening report: one site, from its full report (the atlas's export and the CLI write the same row).
 * A full report adds its certainty, conclusion, each hit's reasons and the rules the map cannot test; the hits'
 * figures and citations in full are in the JSON Lines and GeoJSON reports.
 */
export interface SiteRow {
  id: string;
  verdict: Verdict;
  certainty?: Report['certainty'];
  worstCase?: Verdict;
  conclusion?: Bilingual;
  /** "zone: reason; doubt" for each hit that has a reason or a doubt. */
  reasons?: Bilingual[];
  /** "place: rule (why the map cannot test it)" for each rule listed as untestable. */
  untestable?: Bilingual[];
  projectType: ProjectType;
  site: Pick<Report['site'], 'kind' | 'areaHa' | 'lengthKm'>;
  /** Every zone the site is in or near, once each, in id order. */
  zones: ZoneName[];
  dataVersion: string;
  engineVersion: string;
}

const bilingual = (text: (lang: keyof Bilingual) => string): Bilingual => ({ zh: text('zh'), en: text('en') });

/** Code-point order, so that the order never depends on the machine's locale. */
const byId = (a: ZoneName, b: ZoneName) => (a.zoneId < b.zoneId ? -1 : a.zoneId > b.zoneId ? 1 : 0);

/** The zones of a list, once each by id, in id order. */
export function distinctZones(zones: Iterable<ZoneName>): ZoneName[] {
  const byZone = new Map<string, ZoneName>();
  for (const zone of zones) if (!byZone.has(zone.zoneId)) byZone.set(zone.zoneId, { zoneId: zone.zoneId, name: zone.name });
  return [...byZone.values()].sort(byId);
}

export function rowOfReport(id: string, report: Report): SiteRow {
  const { kind, areaHa, lengthKm } = report.site;
  return {
    id,
    verdict: report.verdict,
    certainty: report.certainty,
    worstCase: report.worstCase,
    conclusion: report.conclusion,
    reasons: report.hits.flatMap((hit) => {
      const texts = [...(hit.reason ? [hit.reason] : []), ...hit.doubts.map((doubt) => doubt.text)];
      return texts.length > 0 ? [bilingual((lang) => `${hit.name[lang]}: ${texts.map((text) => text[lang]).join('; ')}`)] : [];
    }),
    untestable: report.untestable.map((entry) =>
      bilingual((lang) => `${entry.where[lang]}: ${entry.summary[lang]} (${entry.reason[lang]})`),
    ),
    projectType: report.projectType,
    site: { kind, ...(areaHa !== undefined ? { areaHa } : {}), ...(lengthKm !== undefined ? { lengthKm } : {}) },
    zones: distinctZones(report.hits),
    dataVersion: report.dataVersion,
    engineVersion: report.engineVersion,
  };
}
