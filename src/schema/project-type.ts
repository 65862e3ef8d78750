import { z } from './zod-mini.ts';

/** Units a project's capacity is asked in: 万吨/年 (10,000 t a year of product) for plants, MW for power. */
const tonnes = { zh: '万吨/年', en: '10⁴ t/yr' } as const;
const megawatts = { zh: 'MW', en: 'MW' } as const;

/**
 * Project types a site reviewer can screen, with the labels the atlas shows and the unit their capacity is given in
 * (none where a capacity has no one usual unit: a chemical park, a tailings pond, an industrial site). Rules in seeds/
 * list these ids.
 */
export const projectTypes = {
  steel: { zh: '钢铁', en: 'Steel', capacityUnit: tonnes },
  'electrolytic-aluminium': { zh: '电解铝', en: 'Electrolytic aluminium', capacityUnit: tonnes },
  cement: { zh: '水泥（熟料）', en: 'Cement (clinker)', capacityUnit: tonnes },
  'flat-glass': { zh: '平板玻璃', en: 'Flat glass', capacityUnit: tonnes },
  'pv-glass': { zh: '光伏玻璃', en: 'PV glass', capacityUnit: tonnes },
  ferroalloy: { zh: '铁合金', en: 'Ferroalloy', capacityUnit: tonnes },
  'calcium-carbide': { zh: '电石', en: 'Calcium carbide', capacityUnit: tonnes },
  coking: { zh: '焦化', en: 'Coking', capacityUnit: tonnes },
  'coal-chemical': { zh: '煤化工', en: 'Coal chemical', capacityUnit: tonnes },
  petrochemical: { zh: '石化', en: 'Petrochemical', capacityUnit: tonnes },
  'heavy-chemical': { zh: '重化工', en: 'Heavy chemical', capacityUnit: tonnes },
  'chemical-park': { zh: '化工园区', en: 'Chemical park', capacityUnit: null },
  'coal-power': { zh: '煤电', en: 'Coal power', capacityUnit: megawatts },
  'coal-mine': { zh: '煤矿', en: 'Coal mine', capacityUnit: tonnes },
  'tailings-pond': { zh: '尾矿库', en: 'Tailings pond', capacityUnit: null },
  'industrial-site': { zh: '工业企业（场地）', en: 'Industrial site', capacityUnit: null },
  wind: { zh: '风电', en: 'Wind power', capacityUnit: megawatts },
  'solar-pv': { zh: '光伏发电', en: 'Solar PV', capacityUnit: megawatts },
  other: { zh: '其他', en: 'Other', capacityUnit: null },
} as const;
export type ProjectType = keyof typeof projectTypes;
export const projectTypeSchema = z.enum(Object.keys(projectTypes) as [ProjectType, ...ProjectType[]]);
