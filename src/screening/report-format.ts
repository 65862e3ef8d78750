import type { Feature, FeatureCollection } from 'geojson';
import type { SiteGeometry } from '../schema/geometry.ts';
import type { Report } from './report.ts';

/** The report as GeoJSON: the site as a feature whose properties carry the verdict, the hits and their citations. */
export function reportFeature(site: SiteGeometry, report: Report, extra: Record<string, unknown> = {}): Feature {
  return { type: 'Feature', geometry: site, properties: { ...extra, ...report } };
}

export function reportCollection(site: SiteGeometry, report: Report, extra: Record<string, unknown> = {}): FeatureCollection {
  return { type: 'FeatureCollection', features: [reportFeature(site, report, extra)] };
}

const columns = [
  'input', 'verdict', 'project_type', 'site_kind', 'site_area_ha', 'site_length_km', 'zone_id', 'layer', 'zone_zh', 'zone_en',
  'hit_verdict', 'rule_id', 'rule_zh', 'rule_en', 'overlap_ha', 'share_of_site_pct', 'share_of_zone_pct', 'inside_length_km',
  'distance_km', 'uncertain', 'cite_file', 'cite_line', 'cite_quote', 'data_version', 'engine_version',
] as const;

const field = (value: unknown): string => {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One CSV row per hit (one row with empty hit columns when nothing is hit), RFC 4180. */
export function reportCsvRows(report: Report, input: string | number = ''): string[] {
  const common = [input, report.verdict, report.projectType, report.site.kind, report.site.areaHa, report.site.lengthKm];
  const tail = [report.dataVersion, report.engineVersion];
  const hits = report.hits.length === 0 ? [undefined] : report.hits;
  return hits.map((hit) => [...common,
    hit?.zoneId, hit?.layer, hit?.name.zh, hit?.name.en, hit?.verdict, hit?.ruleId, hit?.summary?.zh, hit?.summary?.en,
    hit?.overlapHa, hit?.shareOfSitePct, hit?.shareOfZonePct, hit?.insideLengthKm, hit?.distanceKm, hit?.uncertain,
    hit?.cite?.doc, hit?.cite?.line, hit?.cite?.quote, ...tail].map(field).join(','));
}

/** A UTF-8 byte-order mark so spreadsheet programs read the Chinese columns correctly. */
export const csvHeader = `\uFEFF${columns.join(',')}`;

export function reportCsv(report: Report, input: string | number = ''): string {
  return [csvHeader, ...reportCsvRows(report, input)].join('\r\n') + '\r\n';
}
