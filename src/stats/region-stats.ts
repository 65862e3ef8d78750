/**
 * Per administrative region and zone layer: union area, share of the region, feature count, and for energy bases
 * the planned capacity. Computed lazily and memoised, so the ledger pays only for the figures it uses.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { propertiesSchema as adminProperties } from '../../layers/admin-regions/properties.ts';
import { propertiesSchema as energyBaseProperties, type EnergyBaseKind } from '../../layers/energy-bases/properties.ts';
import { polygonArea } from '../geodesy/ellipsoidal-area.ts';
import { distanceToOutline, geometryPerimeter, prepareRegion, unionAreaInRegion, type PreparedRegion } from './union.ts';

export const zoneLayerIds = ['energy-bases', 'wetlands', 'red-line-areas', 'restricted-zones', 'river-buffers', 'deserts'] as const;
export type ZoneLayerId = (typeof zoneLayerIds)[number];

export interface RegionInfo {
  id: string;
  name: { zh: string; en: string };
  /** Ellipsoidal (WGS-84) area of the outline as drawn, km². */
  areaKm2: number;
  /** Length of the outline as drawn, km. */
  perimeterKm: number;
  /** From the feature's `official_area_km2`; never replaced by the computed one. */
  officialAreaKm2: number | 'unknown';
  /** (computed - official) / official, in %; null without an official figure. */
  differencePct: number | null;
  method: 'open-data' | 'derived' | 'hand-drawn';
  accuracyKm: number;
  /** How the outline was made and how its area compares with the official one. */
  note: { zh: string; en: string };
}

export interface CapacitySum {
  /** Sum of the stated capacities, MW: a lower bound whenever unknownIds is not empty. */
  statedMw: number;
  statedIds: string[];
  /** Bases whose documents state no capacity: counted, never guessed. */
  unknownIds: string[];
}

export interface LayerInRegion {
  /** A zone layer, or any dataset of points (water-sections): those get an area of 0 and a count. */
  layerId: string;
  regionId: string;
  /** Union of the layer's polygons inside the region, km², overlaps counted once; points add nothing. */
  unionAreaKm2: number;
  /** Length of that union's edges, km: what moves when its edges (or the region's outline) move. */
  unionPerimeterKm: number;
  /** unionAreaKm2 as a share of the region's computed area, %. */
  sharePct: number;
  /** Features intersecting the region: polygons overlapping it and points inside it. */
  featureIds: string[];
  pointCount: number;
  /** See isIllustrative. */
  illustrative: boolean;
  /** Energy bases only: planned capacity, and its density per km² of the region and of the polygonal bases
   * whose capacity is stated (null when none is: stated capacities sit mostly on point features). */
  capacity?: CapacitySum & { mwPerKm2OfRegion: number; mwPerKm2OfBases: number | null };
}

export interface RegionStatistics {
  /** The datasets measured on: public/data's, and any official layer standing in (src/official). */
  layerIds(): string[];
  regions(): RegionInfo[];
  region(id: string): RegionInfo;
  layer(regionId: string, layerId: string): LayerInRegion;
  /** A dataset's features by id (zone layers, water-sections...). */
  features(layerId: string): Feature[];
  /** A layer's features within reach(feature) km of the region's outline: inside, those counted in the region;
   * outside, the others. Which side they are on hangs on the errors of the outline and of the features. */
  nearOutline(regionId: string, layerId: string, reach: (feature: Feature) => number): { inside: Feature[]; outside: Feature[] };
}

/** An official layer the user loaded (`official-user`) is the bureau's surveyed boundary, as open data is. */
const surveyedMethods = new Set(['open-data', 'derived', 'official-user']);

/** Whether figures from these features in this region are illustrative: the region's outline is hand-drawn, or a
 * feature is illustrative, hand-drawn or an approximate point rather than open or derived data. */
export function isIllustrative(features: readonly Feature[], region: RegionInfo): boolean {
  return region.method === 'hand-drawn' || features.some((feature) => !surveyedMethods.has(String(feature.properties?.['method'])));
}
const isPolygonal = (feature: Feature) => feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon';
const formatKm2 = (km2: number) => Math.round(km2).toLocaleString('en-US');

/** Stated capacity of energy-base features, optionally of some kinds only. */
export function capacityOf(features: readonly Feature[], kinds?: readonly EnergyBaseKind[]): CapacitySum {
  const sum: CapacitySum = { statedMw: 0, statedIds: [], unknownIds: [] };
  for (const feature of features) {
    const properties = energyBaseProperties.parse(feature.properties);
    if (kinds && !kinds.includes(properties.kind)) continue;
    if (properties.capacity_mw === 'unknown') sum.unknownIds.push(properties.id);
    else {
      sum.statedMw += properties.capacity_mw;
      sum.statedIds.push(properties.id);
    }
  }
  return sum;
}

function regionInfo(feature: Feature): RegionInfo {
  const properties = adminProperties.parse(feature.properties);
  const geometry = feature.geometry as Polygon | MultiPolygon;
  const areaKm2 = polygonArea(geometry) / 1e6;
  const official = properties.official_area_km2;
  const differencePct = official === 'unknown' ? null : ((areaKm2 - official) / official) * 100;
  const comparison =
    differencePct === null
      ? { en: 'no official figure', zh: '无官方面积' }
      : {
          en: `${Math.abs(differencePct).toFixed(2)} % ${differencePct < 0 ? 'below' : 'above'} the official ${formatKm2(official as number)} km²`,
          zh: `比官方面积 ${formatKm2(official as number)} 平方公里${differencePct < 0 ? '少' : '多'} ${Math.abs(differencePct).toFixed(2)}%`,
        };
  return {
    id: properties.id,
    name: { zh: properties.name_zh, en: properties.name_en },
    areaKm2,
    perimeterKm: geometryPerimeter(geometry),
    officialAreaKm2: official,
    differencePct,
    method: properties.method,
    accuracyKm: properties.accuracy_km,
    note: {
      en:
        `Ellipsoidal (WGS-84) area of the outline as drawn: ${formatKm2(areaKm2)} km², ${comparison.en}. ` +
        `Shares are of this computed area. The outline's own note (its area figure is spherical, turf.area): ${properties.area_note_en}`,
      zh:
        `按 WGS-84 椭球计算的轮廓面积 ${formatKm2(areaKm2)} 平方公里，${comparison.zh}。占比均以此计算面积为分母。` +
        `轮廓说明（其中面积为球面计算值）：${properties.area_note_zh}`,
    },
  };
}

/** Lazy, memoised statistics over the datasets of public/data (admin-regions and the zone layers). */
export function regionStatistics(collections: ReadonlyMap<string, FeatureCollection>): RegionStatistics {
  const featuresOf = (id: string) => {
    const collection = collections.get(id);
    if (!collection) throw new Error(`dataset ${id} is missing`);
    return collection.features;
  };
  const regionFeatures = new Map(featuresOf('admin-regions').map((feature) => [String(feature.properties?.['id']), feature]));
  const infos = new Map<string, RegionInfo>();
  const prepared = new Map<string, PreparedRegion>();
  const layers = new Map<string, LayerInRegion>();

  const regionFeature = (id: string) => {
    const feature = regionFeatures.get(id);
    if (!feature) throw new Error(`no region ${id} in admin-regions`);
    return feature;
  };
  const region = (id: string) => {
    let info = infos.get(id);
    if (!info) {
      info = regionInfo(regionFeature(id));
      infos.set(id, info);
    }
    return info;
  };
  const preparedRegion = (id: string) => {
    let outline = prepared.get(id);
    if (!outline) {
      outline = prepareRegion(regionFeature(id).geometry as Polygon | MultiPolygon);
      prepared.set(id, outline);
    }
    return outline;
  };

  const computeLayer = (regionId: string, layerId: string): LayerInRegion => {
    const info = region(regionId);
    const outline = preparedRegion(regionId);
    const features = featuresOf(layerId);
    const union = unionAreaInRegion(features, outline);
    const counted = new Set(union.featureIds);
    const inRegion = features.filter((feature) => counted.has(String(feature.properties?.['id'])));
    const unionAreaKm2 = union.areaM2 / 1e6;
    const stats: LayerInRegion = {
      layerId,
      regionId,
      unionAreaKm2,
      unionPerimeterKm: union.perimeterKm,
      sharePct: (unionAreaKm2 / info.areaKm2) * 100,
      featureIds: union.featureIds,
      pointCount: union.pointCount,
      illustrative: isIllustrative(inRegion, info),
    };
    if (layerId === 'energy-bases') {
      const sum = capacityOf(inRegion);
      const statedPolygons = inRegion.filter(
        (feature) => isPolygonal(feature) && sum.statedIds.includes(String(feature.properties?.['id'])),
      );
      const statedPolygonMw = capacityOf(statedPolygons).statedMw;
      const statedPolygonKm2 = unionAreaInRegion(statedPolygons, outline).areaM2 / 1e6;
      stats.capacity = {
        ...sum,
        mwPerKm2OfRegion: sum.statedMw / info.areaKm2,
        mwPerKm2OfBases: statedPolygonKm2 > 0 ? statedPolygonMw / statedPolygonKm2 : null,
      };
    }
    return stats;
  };

  const layer = (regionId: string, layerId: string): LayerInRegion => {
    const key = `${regionId}/${layerId}`;
    let stats = layers.get(key);
    if (!stats) {
      stats = computeLayer(regionId, layerId);
      layers.set(key, stats);
    }
    return stats;
  };

  return {
    layerIds: () => [...collections.keys()],
    regions: () => [...regionFeatures.keys()].map(region),
    region,
    features: featuresOf,
    nearOutline(regionId, layerId, reach) {
      const counted = new Set(layer(regionId, layerId).featureIds);
      const near = { inside: [] as Feature[], outside: [] as Feature[] };
      for (const feature of featuresOf(layerId)) {
        if (feature.properties?.['aggregate'] === true) continue;
        if (distanceToOutline(feature.geometry, preparedRegion(regionId), reach(feature)) === Infinity) continue;
        near[counted.has(String(feature.properties?.['id'])) ? 'inside' : 'outside'].push(feature);
      }
      return near;
    },
    layer,
  };
}

/** Every region of admin-regions against every zone layer. */
export function computeRegionStats(collections: ReadonlyMap<string, FeatureCollection>): { region: RegionInfo; layers: LayerInRegion[] }[] {
  const statistics = regionStatistics(collections);
  return statistics.regions().map((region) => ({
    region,
    layers: zoneLayerIds.map((layerId) => statistics.layer(region.id, layerId)),
  }));
}
