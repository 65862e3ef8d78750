/**
 * The targets the map can speak to, and how: target id -> what is measured on the map's data. Every other target
 * of the seeds goes into the ledger unmeasured. Values come back in the map's units (see units.ts).
 */
import type { Feature } from 'geojson';
import type { EnergyBaseKind } from '../../layers/energy-bases/properties.ts';
import type { Words } from './ledger-words.ts';
import { capacityOf, isIllustrative, type RegionInfo, type RegionStatistics } from './region-stats.ts';
import { areaRange, capacityRange, type Range } from './edge-range.ts';

export type { Words } from './ledger-words.ts';

export type Measurement =
  | {
      kind: 'value';
      value: number;
      unit: string;
      /** What was measured, on which features, and what the figure is not. */
      note: Words;
      featureIds: string[];
      illustrative: boolean;
      /** Some features behind the figure carry no value ("unknown") or only a class, so the figure is a lower bound. */
      lowerBound: boolean;
      /** The worst accuracy class and edge accuracy of the features and the region outline behind the figure. */
      accuracy: Accuracy;
      /** What the figure could be, the edges of the features and of the region being as far off as their accuracy
       * says, and how that range was found (see edge-range.ts). */
      range: Range;
    }
  | { kind: 'unmeasurable'; reason: Words; featureIds: string[] };

export interface Accuracy {
  accuracyClass: string;
  km: number;
}

/** The coarsest class (A <= 1 km, B 1-3 km, C schematic) and the widest edge accuracy among the features and the
 * region's outline: a figure is only as good as its worst input. */
function accuracyOf(features: readonly Feature[], region: RegionInfo): Accuracy {
  // An official layer states its accuracy in km alone: its class follows from that.
  const classes = features.map((feature) =>
    String(
      feature.properties?.['accuracy'] ??
        (feature.properties?.['method'] === 'official-user' ? classOfKm(Number(feature.properties?.['accuracy_km'])) : 'C'),
    ),
  );
  const kms = features.map((feature) => Number(feature.properties?.['accuracy_km'] ?? 0));
  const regionClass = region.method === 'hand-drawn' ? 'C' : 'A';
  return { accuracyClass: [...classes, regionClass].sort().at(-1)!, km: Math.max(region.accuracyKm, ...kms) };
}

const classOfKm = (km: number) => (km <= 1 ? 'A' : km <= 3 ? 'B' : 'C');

const byIds = (features: readonly Feature[], ids: Iterable<string>) => {
  const wanted = new Set(ids);
  return features.filter((feature) => wanted.has(String(feature.properties?.['id'])));
};

/** A base whose document gives its size as a class (百万千瓦级, "million-kilowatt class"), not a figure: its
 * stored capacity is the order of magnitude, which must never be added up as if it were stated. */
export function capacityWrittenAsClass(feature: Feature): boolean {
  const citations = (feature.properties?.['citations'] ?? []) as { quote?: string }[];
  const wording = `${String(feature.properties?.['name_zh'] ?? '')}|${citations.map((citation) => citation.quote ?? '').join('')}`;
  return /千瓦级/.test(wording.replace(/\s+/g, ''));
}

export interface Measure {
  /** What is measured, in one line. */
  note: Words;
  measure(statistics: RegionStatistics): Measurement;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The regions the measures name, as the notes spell them. */
const places = {
  'inner-mongolia': { en: 'Inner Mongolia', zh: '内蒙古自治区' },
  ordos: { en: 'Ordos', zh: '鄂尔多斯市' },
  hinggan: { en: 'Hinggan League', zh: '兴安盟' },
} as const;
const km2 = (value: number) => Math.round(value).toLocaleString('en-US');
type Place = keyof typeof places;

const redLineShare: Measure = {
  note: {
    en: 'Share of Inner Mongolia inside the union of the illustrative red-line areas (aggregate network feature left out).',
    zh: '内蒙古自治区位于示意性生态保护红线区并集内的比例（不含汇总的网络要素）。',
  },
  measure(statistics) {
    const region = statistics.region('inner-mongolia');
    const official = officialRedLine(statistics);
    if (official) return officialRedLineShare(statistics, official);
    const layer = statistics.layer('inner-mongolia', 'red-line-areas');
    return {
      kind: 'value',
      value: round(layer.sharePct, 2),
      unit: '%',
      note: {
        en:
          `Union of the ${layer.featureIds.length} illustrative red-line areas (the aggregate network feature left out), ` +
          `${km2(layer.unionAreaKm2)} km², over the ellipsoidal area of the DCW outline of Inner Mongolia, ` +
          `${km2(region.areaKm2)} km². The official red-line vectors are not public: the share is an artefact of the schematic drawing.`,
        zh:
          `${layer.featureIds.length} 个示意性红线区（不含汇总的网络要素）的并集面积 ${km2(layer.unionAreaKm2)} 平方公里，` +
          `除以 DCW 内蒙古轮廓的椭球面积 ${km2(region.areaKm2)} 平方公里。官方红线矢量未公开：此比例取决于示意绘制。`,
      },
      featureIds: layer.featureIds,
      illustrative: layer.illustrative,
      lowerBound: false,
      accuracy: accuracyOf(byIds(statistics.features('red-line-areas'), layer.featureIds), region),
      range: areaRange(statistics, 'inner-mongolia', 'red-line-areas', 'share'),
    };
  },
};

/** The official red line a user loaded, standing in for the illustrative one (src/official): the layer of surveyed
 * (official-user) red-line zones, if one is among the datasets. */
function officialRedLine(statistics: RegionStatistics): string | undefined {
  return statistics
    .layerIds()
    .find((id) =>
      statistics
        .features(id)
        .some(
          (feature) => feature.properties?.['method'] === 'official-user' && feature.properties?.['zone_kind'] === 'ecological-red-line',
        ),
    );
}

/** The share measured on the official red line: not illustrative, so it can meet the target or miss it. */
function officialRedLineShare(statistics: RegionStatistics, layerId: string): Measurement {
  const region = statistics.region('inner-mongolia');
  const layer = statistics.layer('inner-mongolia', layerId);
  const features = byIds(statistics.features(layerId), layer.featureIds);
  const files = [...new Set(features.map((feature) => String(feature.properties?.['source_file'])))].join(', ');
  return {
    kind: 'value',
    value: round(layer.sharePct, 2),
    unit: '%',
    note: {
      en:
        `Union of the ${layer.featureIds.length} red-line patches of the official layer ${files} (official, user-supplied, ` +
        `loaded in this browser), ${km2(layer.unionAreaKm2)} km², over the ellipsoidal area of the DCW outline of Inner Mongolia, ` +
        `${km2(region.areaKm2)} km².`,
      zh:
        `官方图层 ${files}（官方数据，用户提供，仅在本浏览器中载入）中 ${layer.featureIds.length} 个红线斑块的并集面积 ` +
        `${km2(layer.unionAreaKm2)} 平方公里，除以 DCW 内蒙古轮廓的椭球面积 ${km2(region.areaKm2)} 平方公里。`,
    },
    featureIds: layer.featureIds,
    illustrative: layer.illustrative,
    lowerBound: false,
    accuracy: accuracyOf(features, region),
    range: areaRange(statistics, 'inner-mongolia', layerId, 'share'),
  };
}

function wetlands(regionId: Place, figure: 'area' | 'share'): Measure {
  return {
    note:
      figure === 'area'
        ? {
            en: `Union area of the wetlands, lakes and reserves drawn in ${places[regionId].en}.`,
            zh: `${places[regionId].zh}内所绘湿地、湖泊和保护区的并集面积。`,
          }
        : {
            en: `Share of ${places[regionId].en} inside the union of the wetlands, lakes and reserves drawn there.`,
            zh: `${places[regionId].zh}位于所绘湿地、湖泊和保护区并集内的比例。`,
          },
    measure(statistics) {
      const region = statistics.region(regionId);
      const layer = statistics.layer(regionId, 'wetlands');
      const value = figure === 'area' ? round(layer.unionAreaKm2, 1) : round(layer.sharePct, 2);
      return {
        kind: 'value',
        value,
        unit: figure === 'area' ? 'km²' : '%',
        note: {
          en:
            `Union of the ${layer.featureIds.length} wetlands, lakes and reserves the map draws in ${places[regionId].en}` +
            `${figure === 'share' ? `, over the region's computed ${km2(region.areaKm2)} km²` : ''}. ` +
            'Only the ones the documents name are drawn, so this is far from all wetland.',
          zh:
            `地图在${places[regionId].zh}所绘 ${layer.featureIds.length} 处湿地、湖泊和保护区的并集` +
            `${figure === 'share' ? `，除以该区域的计算面积 ${km2(region.areaKm2)} 平方公里` : ''}。` +
            '只绘制了文件点名的湿地，远非全部湿地。',
        },
        featureIds: layer.featureIds,
        illustrative: layer.illustrative,
        lowerBound: false,
        accuracy: accuracyOf(byIds(statistics.features('wetlands'), layer.featureIds), region),
        range: areaRange(statistics, regionId, 'wetlands', figure),
      };
    },
  };
}

/** Bases that generate power; storage and hydrogen bases are not generating capacity. */
const generatingKinds: EnergyBaseKind[] = ['wind', 'solar', 'wind-solar'];
const isGenerating = (feature: Feature) => generatingKinds.includes(feature.properties?.['kind'] as EnergyBaseKind);
/** The capacity the documents state for generating bases, those written only as a class left out. */
const statedCapacity = (features: readonly Feature[]) =>
  capacityOf(
    features.filter((feature) => !capacityWrittenAsClass(feature)),
    generatingKinds,
  ).statedMw;

function plannedCapacity(regionId: Place): Measure {
  return {
    note: {
      en: `Stated capacity of the wind and solar bases placed in ${places[regionId].en} (storage and hydrogen left out).`,
      zh: `位于${places[regionId].zh}的风电、光伏基地的文件所载装机容量（不含储能和氢能）。`,
    },
    measure(statistics) {
      const region = statistics.region(regionId);
      const inRegion = byIds(statistics.features('energy-bases'), statistics.layer(regionId, 'energy-bases').featureIds);
      const classes = inRegion.filter(capacityWrittenAsClass);
      const sum = capacityOf(
        inRegion.filter((feature) => !capacityWrittenAsClass(feature)),
        generatingKinds,
      );
      const classIds = capacityOf(classes, generatingKinds);
      const classed = [...classIds.statedIds, ...classIds.unknownIds];
      const behind = new Set([...sum.statedIds, ...sum.unknownIds, ...classed]);
      const unknown = sum.unknownIds.length;
      const gaps = {
        en: [
          unknown > 0 ? `${unknown} state none` : '',
          classed.length > 0 ? `${classed.length} are written only as a class (百万千瓦级), not a figure, and are not added` : '',
        ]
          .filter(Boolean)
          .join('; '),
        zh: [
          unknown > 0 ? `其中 ${unknown} 个未给出容量` : '',
          classed.length > 0 ? `${classed.length} 个只写了量级（百万千瓦级），不是数值，未计入` : '',
        ]
          .filter(Boolean)
          .join('；'),
      };
      const bases = byIds(inRegion, behind);
      return {
        kind: 'value',
        value: sum.statedMw,
        unit: 'MW',
        note: {
          en:
            `Capacity the documents state for the ${behind.size} wind and solar bases the map places in ${places[regionId].en}` +
            `${gaps.en ? `; ${gaps.en}, so the sum is a lower bound` : ''}. Planned bases named in the ` +
            'documents, not installed capacity; storage and hydrogen bases left out.',
          zh:
            `文件为地图在${places[regionId].zh}所绘 ${behind.size} 个风电、光伏基地给出的容量` +
            `${gaps.zh ? `；${gaps.zh}，合计为下限` : ''}。为文件点名的规划基地，非已装机容量；不含储能和氢能基地。`,
        },
        featureIds: [...behind],
        illustrative: isIllustrative(bases, region),
        lowerBound: unknown > 0 || classed.length > 0,
        accuracy: accuracyOf(bases, region),
        range: capacityRange(statistics, regionId, 'energy-bases', bases, isGenerating, statedCapacity),
      };
    },
  };
}

function waterClassShare(regionId: Place): Measure {
  return {
    note: {
      en: `Share of the water sections in ${places[regionId].en} at the document's class.`,
      zh: `${places[regionId].zh}达到文件所定水质类别的断面比例。`,
    },
    measure(statistics) {
      const ids = new Set(statistics.layer(regionId, 'water-sections').featureIds);
      const sections = statistics.features('water-sections').filter((feature) => ids.has(String(feature.properties?.['id'])));
      const classified = sections.filter((feature) => feature.properties?.['measured_class'] !== 'unknown').length;
      return {
        kind: 'unmeasurable',
        reason: {
          en:
            `${classified} of the map's ${sections.length} sections in ${places[regionId].en} have a ` +
            'measured class (no document gives one), and the points are schematic stand-ins for river reaches, not the ' +
            'assessed sections the documents count the share on.',
          zh:
            `地图在${places[regionId].zh}的 ${sections.length} 个断面中有 ${classified} 个有实测类别（文件均未给出），` +
            '且这些点是河段的示意代表，并非文件据以统计比例的考核断面。',
        },
        featureIds: [...ids],
      };
    },
  };
}

/** Target id -> measure. */
export const measures: ReadonlyMap<string, Measure> = new Map([
  ['eco-t13-red-line-share', redLineShare],
  ['eco-2020-red-line-share', redLineShare],
  ['hg-wetland-area-2020', wetlands('hinggan', 'area')],
  ['hg-wetland-share-2020', wetlands('hinggan', 'share')],
  ['eco-2020-wetland-area', wetlands('inner-mongolia', 'area')],
  ['od-renewable-capacity-2025', plannedCapacity('ordos')],
  ['hg-clean-power-capacity-2025', plannedCapacity('hinggan')],
  ['hg-wind-pv-biomass-hydro-capacity-2025', plannedCapacity('hinggan')],
  ['cp-new-energy-capacity-2030', plannedCapacity('inner-mongolia')],
  ['eco-2025-new-renewable-capacity', plannedCapacity('inner-mongolia')],
  ['eco-t03-surface-water-class-iii-share', waterClassShare('inner-mongolia')],
  ['eco-t04-surface-water-worse-than-v-share', waterClassShare('inner-mongolia')],
  ['eco-2020-surface-water-class-iii', waterClassShare('inner-mongolia')],
  ['eco-2020-surface-water-worse-than-v', waterClassShare('inner-mongolia')],
  ['hg-surface-water-good-2020', waterClassShare('hinggan')],
]);
