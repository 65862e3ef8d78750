/**
 * The one place where units become other units. Two jobs: the documents' units in the map's (capacities in MW,
 * areas in km², shares in %), and a planner's reported value in the unit of the target it is recorded against.
 * 1 万千瓦 = 10⁴ kW = 10 MW; 1 亿千瓦 = 10⁸ kW = 100,000 MW; 1 万公顷 = 10⁴ ha = 100 km²;
 * 1 万亩 = 10⁴ mu = 10⁴/15 ha = 6.667 km² (1 亩 = 666.67 m²); 1 平方公里 = 1 km².
 */

/** Units of one quantity, each as a multiple of the family's base unit (kW, m², t, tce). */
const families: Record<string, Record<string, number>> = {
  power: { 千瓦: 1, kW: 1, 万千瓦: 1e4, 亿千瓦: 1e8, MW: 1e3, GW: 1e6 },
  area: { 平方米: 1, 'm²': 1, 公顷: 1e4, ha: 1e4, 万公顷: 1e8, 亩: 1e4 / 15, 万亩: 1e8 / 15, 亿亩: 1e12 / 15, 平方公里: 1e6, 'km²': 1e6 },
  mass: { 吨: 1, t: 1, 万吨: 1e4, 亿吨: 1e8 },
  coal: { 吨标准煤: 1, tce: 1, 万吨标准煤: 1e4, 万吨标煤: 1e4, 亿吨标准煤: 1e8 },
  share: { '%': 1 },
};

/** The map's unit for each family it measures. */
const mapUnits: Record<string, string> = { power: 'MW', area: 'km²', share: '%' };

function familyOf(unit: string): Record<string, number> | undefined {
  return Object.values(families).find((family) => unit in family);
}

// toPrecision drops binary noise such as 26.23 x 100 = 2623.0000000000005.
const clean = (value: number) => Number(value.toPrecision(12));

/** A value in another unit of the same quantity; the same value when the units are equal; null when they differ in kind. */
export function convert(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const family = familyOf(from);
  const target = family?.[to];
  return family && target !== undefined ? clean((value * family[from]!) / target) : null;
}

/** Whether a value in one unit can be compared with a target in another. */
export const comparable = (from: string, to: string) => convert(1, from, to) !== null;

/** A document figure in the map's unit, or null when its unit has no map counterpart. */
export function toMapUnit(value: number, unit: string): { value: number; unit: string } | null {
  const name = Object.entries(families).find(([, family]) => unit in family)?.[0];
  const mapUnit = name === undefined ? undefined : mapUnits[name];
  const converted = mapUnit === undefined ? null : convert(value, unit, mapUnit);
  return converted === null ? null : { value: converted, unit: mapUnit! };
}

/**
 * The documents' units (seeds/, always written in Chinese) in English. A unit missing here is shown as written, and
 * the language test names it.
 */
const documentUnitsEn: Record<string, string> = {
  '%': '%',
  PUE: 'PUE',
  unknown: 'unknown',
  '℃': '°C',
  万亩: '× 10⁴ mu',
  亿亩: '× 10⁸ mu',
  万人次: '× 10⁴ visits',
  万亿元: 'trillion yuan',
  亿元: '× 10⁸ yuan',
  万公顷: '× 10⁴ ha',
  万千瓦: '× 10⁴ kW',
  亿千瓦: '× 10⁸ kW',
  千瓦时: 'kWh',
  亿千瓦时: '× 10⁸ kWh',
  万吨: '× 10⁴ t',
  '万吨/年': '× 10⁴ t/yr',
  吨: 't',
  万吨标准煤: '× 10⁴ tce',
  万吨标煤: '× 10⁴ tce',
  亿吨标准煤: '× 10⁸ tce',
  吨二氧化碳: 't CO₂',
  '克/千瓦时': 'g/kWh',
  '克二氧化碳/千瓦时': 'g CO₂/kWh',
  '克标准煤/千瓦时': 'gce/kWh',
  万平方米: '× 10⁴ m²',
  平方米: 'm²',
  平方公里: 'km²',
  亿立方米: '× 10⁸ m³',
  公里: 'km',
  毫米: 'mm',
  小时: 'h',
  分钟: 'min',
  天: 'days',
  个: '',
  个百分点: 'percentage points',
  倍: 'times',
  台: 'units',
  处: 'sites',
  家: 'firms',
  座: 'facilities',
  种: 'species',
  站次: 'station checks',
  系数: '',
  起: 'incidents',
  '起/每万枚': 'incidents per 10⁴ sources',
  辆: 'vehicles',
  项: 'items',
  '次/季度': 'per quarter',
  '次/年': 'per year',
  '次/月': 'per month',
  // biome-ignore lint/style/useNamingConvention: the unit as the documents write it
  新EI: 'new EI',
};

/** A document's unit in the interface language: as written in Chinese, its English equivalent in English. */
export const unitText = (unit: string, lang: 'zh' | 'en'): string => (lang === 'zh' ? unit : (documentUnitsEn[unit] ?? unit));
