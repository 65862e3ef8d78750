/**
 * Names of a GeoNames seat in the atlas's forms. Chinese: the seat's own name (锡尼镇) and, for a banner or county
 * seat, the banner it is the seat of where GeoNames lists it ("杭锦旗（锡尼镇）"). English: the region's own
 * romanisation of Mongolian names where GeoNames gives one (Hanggin, Otog, Uxin), else the Hanyu Pinyin it gives
 * (Xianghuang), with the banner's kind in English ("Hanggin Banner (Xinli)"), as src/i18n/places.ts names leagues.
 */
import type { Feature, Point } from 'geojson';

export interface GeoNamesRow {
  geonameid: number;
  name: string;
  alternateNames: string[];
  latitude: number;
  longitude: number;
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
}

const han = /^\p{Script=Han}+$/u;
/** A county-level unit's name: a banner, county, city or district (矿区 is a district). */
const countyLevel = /(旗|县|市|区)$/u;
/** The generic words a seat's own name ends in: town, township, sumu (a Mongolian township), street office. */
const seatLevel = /(镇|乡|苏木|街道)$/u;

/** GeoNames writes a county-level unit's kind in pinyin after the name; the atlas writes it in English. */
const kinds: [RegExp, string][] = [
  [/^(.+) Youyi Qianqi$/, '$1 Right Front Banner'],
  [/^(.+) Youyi Zhongqi$/, '$1 Right Middle Banner'],
  [/^(.+) Youyi Houqi$/, '$1 Right Rear Banner'],
  [/^(.+) Zuoyi Zhongqi$/, '$1 Left Middle Banner'],
  [/^(.+) Zuoyi Houqi$/, '$1 Left Rear Banner'],
  [/^(.+) Zuoqi$/, '$1 Left Banner'],
  [/^(.+) Youqi$/, '$1 Right Banner'],
  [/^(.+) Qianqi$/, '$1 Front Banner'],
  [/^(.+) Zhongqi$/, '$1 Middle Banner'],
  [/^(.+) Houqi$/, '$1 Rear Banner'],
  [/^(.+) Zizhiqi$/, '$1 Autonomous Banner'],
  [/^(.+) Qi$/, '$1 Banner'],
  [/^(.+) Xian$/, '$1 County'],
  [/^(.+) Shi$/, '$1 City'],
  [/^(.+) Kuangqu$/, '$1 Mining District'],
  [/^(.+) Qu$/, '$1 District'],
];
const chineseKind: Record<string, RegExp> = { 旗: /qi$/i, 县: / Xian$/, 市: / Shi$/, 区: /qu$/i };

/**
 * Chinese names GeoNames writes wrongly, found on reading every seat: 林西 (Linxi) reversed as 西林, and 右 (right) in
 * 察哈尔右翼后旗 miswritten 石; and 科左中旗, a short form, written out. Keyed by the name GeoNames gives.
 */
const corrections: Record<string, string> = {
  西林: '林西',
  西林镇: '林西镇',
  察哈尔石翼后旗: '察哈尔右翼后旗',
  科左中旗: '科尔沁左翼中旗',
};

/** Units whose own English form GeoNames lists only without its kind (Xilin Hot, Arxan, Bayan Obo): the region's forms. */
const regionalEnglish: Record<string, string> = {
  'Xilinhaote City': 'Xilinhot City',
  "A'ershan City": 'Arxan City',
  'Ewenkizu Autonomous Banner': 'Evenk Autonomous Banner',
  "Baiyun'ebo Mining District": 'Bayan Obo Mining District',
};

const squeeze = (text: string) => text.toLowerCase().replace(/[\s'’-]/g, '');

/** The Chinese names of a row: its own (the seat) and the county-level unit it serves, when GeoNames gives one. */
export function chineseNames(row: GeoNamesRow): { seat: string; county?: string } | undefined {
  const names = row.alternateNames.filter((name) => han.test(name)).map((name) => corrections[name] ?? name);
  const counties = names.filter((name) => countyLevel.test(name));
  const own = names.filter((name) => !countyLevel.test(name));
  // The full official name (锡尼镇) rather than its short form (锡尼); failing both, the unit's own name (海拉尔区).
  const seat = own.find((name) => seatLevel.test(name)) ?? [...own].sort((a, b) => b.length - a.length)[0] ?? counties[0];
  if (!seat) return undefined;
  // A banner turned city keeps its old name as an alternate (布特哈旗, now 扎兰屯市): the city is today's unit.
  const county = counties
    .filter((name) => name !== seat)
    .sort((a, b) => Number(b.endsWith('市')) - Number(a.endsWith('市')) || a.length - b.length)[0];
  return county ? { seat, county } : { seat };
}

/**
 * The English name of the county-level unit `county` (Chinese) from the row's Latin alternates: one of the same kind
 * (旗 -> ...qi), the region's romanisation preferred over Hanyu Pinyin (a form equal to a pinyin alternate with its
 * spaces removed is pinyin: Wushen Qi against "wu shen qi", where Uxin Qi is the region's form), then the shortest.
 */
export function englishCounty(row: GeoNamesRow, county: string): string | undefined {
  const kind = chineseKind[county.slice(-1)];
  if (!kind) return undefined;
  const pinyin = new Set(row.alternateNames.filter((name) => /^[a-z ]+$/.test(name)).map(squeeze));
  const candidates = row.alternateNames
    .filter((name) => /^[A-Z][A-Za-z'’ ]+$/.test(name) && kind.test(name) && kinds.some(([pattern]) => pattern.test(name)))
    .sort((a, b) => Number(pinyin.has(squeeze(a))) - Number(pinyin.has(squeeze(b))) || a.length - b.length);
  const chosen = candidates[0];
  if (!chosen) return undefined;
  const [pattern, replacement] = kinds.find(([candidate]) => candidate.test(chosen))!;
  const english = chosen.replace(pattern, replacement);
  return regionalEnglish[english] ?? english;
}

/** Positions stored to whole arc-minutes are older gazetteer entries: up to about 1.3 km from rounding alone. */
export const toTheMinute = (row: GeoNamesRow) =>
  [row.latitude, row.longitude].every((value) => Math.abs(value * 60 - Math.round(value * 60)) < 0.01);

/** The seat as a feature of data/base-seats or data/base-townships; undefined when GeoNames gives no Chinese name. */
export function seatFeature(row: GeoNamesRow, banners: ReadonlySet<string> = new Set()): Feature<Point> | undefined {
  const names = chineseNames(row);
  if (!names) return undefined;
  const county = names.county !== undefined && !banners.has(names.county) ? names.county : undefined;
  const countyEnglish = county ? englishCounty(row, county) : undefined;
  const both = county !== undefined && countyEnglish !== undefined && row.featureCode === 'PPLA3';
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [row.longitude, row.latitude] },
    properties: {
      geonameid: row.geonameid,
      name_zh: both ? `${county}（${names.seat}）` : names.seat,
      name_en: both ? `${countyEnglish} (${row.name})` : row.name,
      label_min_zoom: row.featureCode === 'PPLA3' ? 6 : 8,
      accuracy_km: toTheMinute(row) ? 3 : 2,
    },
  };
}
