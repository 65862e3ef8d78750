import { z } from 'zod';

/** Project types a site reviewer can screen, with the labels the atlas shows. Rules in seeds/ list these ids. */
export const projectTypes = {
  steel: { zh: '钢铁', en: 'Steel' },
  'electrolytic-aluminium': { zh: '电解铝', en: 'Electrolytic aluminium' },
  cement: { zh: '水泥（熟料）', en: 'Cement (clinker)' },
  'flat-glass': { zh: '平板玻璃', en: 'Flat glass' },
  'pv-glass': { zh: '光伏玻璃', en: 'PV glass' },
  ferroalloy: { zh: '铁合金', en: 'Ferroalloy' },
  'calcium-carbide': { zh: '电石', en: 'Calcium carbide' },
  coking: { zh: '焦化', en: 'Coking' },
  'coal-chemical': { zh: '煤化工', en: 'Coal chemical' },
  petrochemical: { zh: '石化', en: 'Petrochemical' },
  'heavy-chemical': { zh: '重化工', en: 'Heavy chemical' },
  'chemical-park': { zh: '化工园区', en: 'Chemical park' },
  'coal-power': { zh: '煤电', en: 'Coal power' },
  'coal-mine': { zh: '煤矿', en: 'Coal mine' },
  'tailings-pond': { zh: '尾矿库', en: 'Tailings pond' },
  'industrial-site': { zh: '工业企业（场地）', en: 'Industrial site' },
  wind: { zh: '风电', en: 'Wind power' },
  'solar-pv': { zh: '光伏发电', en: 'Solar PV' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type ProjectType = keyof typeof projectTypes;
export const projectTypeSchema = z.enum(Object.keys(projectTypes) as [ProjectType, ...ProjectType[]]);
