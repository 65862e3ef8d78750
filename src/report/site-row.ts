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
 * One row of a screening report: one site, whatever path screened it. The batch path for points fills it from
 * verdicts and zone indexes; a full report fills it through rowOfReport; both give the same row for the same point.
 * What only a full report knows (hits' rules, doubts, the conclusion) is in the JSON Lines and GeoJSON reports.
 */
export interface SiteRow {
  id: string;
  verdict: Verdict;
  projectType: ProjectType;
  site: Pick<Report['site'], 'kind' | 'areaHa' | 'lengthKm'>;
  /** Every zone the site is in or near, once each, in id order. */
  zones: ZoneName[];
  dataVersion: string;
  engineVersion: string;
}

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
    projectType: report.projectType,
    site: { kind, ...(areaHa !== undefined ? { areaHa } : {}), ...(lengthKm !== undefined ? { lengthKm } : {}) },
    zones: distinctZones(report.hits),
    dataVersion: report.dataVersion,
    engineVersion: report.engineVersion,
  };
}

/** The row of a point screened by the batch path, which gives its verdict and the zones it is in or near. */
export function rowOfPoint(
  id: string,
  verdict: Verdict,
  projectType: ProjectType,
  zones: Iterable<ZoneName>,
  versions: Pick<SiteRow, 'dataVersion' | 'engineVersion'>,
): SiteRow {
  return { id, verdict, projectType, site: { kind: 'point' }, zones: distinctZones(zones), ...versions };
}
