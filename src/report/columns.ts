import { t } from '../i18n/screening-strings.ts';
import { verdictKey } from '../i18n/strings.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { projectTypes } from '../schema/project-type.ts';
import type { SiteRow } from './site-row.ts';

/** The words of a report: a language, or undefined for machine codes (verdict "prohibited", not "禁止"). */
export type ReportLang = keyof Bilingual | undefined;

type Cell = string | number | undefined;

/**
 * A CSV column: its stable machine name (the header without a language), its label in each language (the header
 * with one) and its value in a row. A new report field is a new entry here and nowhere else.
 */
export interface ReportColumn {
  name: string;
  label: Bilingual;
  value: (row: SiteRow, lang: ReportLang) => Cell;
}

const siteKinds: Record<SiteRow['site']['kind'], Bilingual> = {
  point: { zh: '点', en: 'point' },
  line: { zh: '线', en: 'line' },
  polygon: { zh: '面', en: 'polygon' },
};

const certainties: Record<NonNullable<SiteRow['certainty']>, Bilingual> = {
  firm: { zh: '确定', en: 'firm' },
  uncertain: { zh: '不确定', en: 'not certain' },
};

/** The first column, the site's id: the only one that reads anything but the site's report. */
export const idColumn: ReportColumn = { name: 'id', label: { zh: '编号', en: 'ID' }, value: (row) => row.id };

/** Every column after the id: each reads the site's report alone (rowOfReport), never the id. */
export const reportColumnsAfterId: readonly ReportColumn[] = [
  { name: 'verdict', label: { zh: '结论', en: 'Verdict' }, value: (row, lang) => (lang ? t(verdictKey[row.verdict], lang) : row.verdict) },
  {
    name: 'project_type',
    label: { zh: '项目类型', en: 'Project type' },
    value: (row, lang) => (lang ? projectTypes[row.projectType][lang] : row.projectType),
  },
  {
    name: 'site_kind',
    label: { zh: '场址类型', en: 'Site kind' },
    value: (row, lang) => (lang ? siteKinds[row.site.kind][lang] : row.site.kind),
  },
  { name: 'site_area_ha', label: { zh: '场址面积（公顷）', en: 'Site area (ha)' }, value: (row) => row.site.areaHa },
  { name: 'site_length_km', label: { zh: '场址长度（千米）', en: 'Site length (km)' }, value: (row) => row.site.lengthKm },
  { name: 'zone_ids', label: { zh: '区域编号', en: 'Zone IDs' }, value: (row) => row.zones.map((zone) => zone.zoneId).join(';') },
  {
    name: 'zones',
    label: { zh: '涉及区域', en: 'Zones' },
    value: (row, lang) => row.zones.map((zone) => zone.name[lang ?? 'zh']).join(';'),
  },
  {
    name: 'certainty',
    label: { zh: '确定性', en: 'Certainty' },
    value: (row, lang) => (row.certainty && lang ? certainties[row.certainty][lang] : row.certainty),
  },
  {
    name: 'worst_case',
    label: { zh: '最严可能结论', en: 'Worst case' },
    value: (row, lang) => (row.worstCase && lang ? t(verdictKey[row.worstCase], lang) : row.worstCase),
  },
  { name: 'conclusion', label: { zh: '结论说明', en: 'Conclusion' }, value: (row, lang) => row.conclusion?.[lang ?? 'zh'] },
  {
    name: 'reasons',
    label: { zh: '各项理由与存疑', en: 'Reasons and doubts' },
    value: (row, lang) => row.reasons?.map((reason) => reason[lang ?? 'zh']).join(' | '),
  },
  {
    name: 'untestable',
    label: { zh: '地图无法检验的规定', en: 'Rules the map cannot test' },
    value: (row, lang) => row.untestable?.map((entry) => entry[lang ?? 'zh']).join(' | '),
  },
  { name: 'data_version', label: { zh: '数据版本', en: 'Data version' }, value: (row) => row.dataVersion },
  { name: 'engine_version', label: { zh: '引擎版本', en: 'Engine version' }, value: (row) => row.engineVersion },
];

export const reportColumns: readonly ReportColumn[] = [idColumn, ...reportColumnsAfterId];
