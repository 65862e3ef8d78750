/**
 * The range a map figure could take if the edges behind it are as far off as their stated accuracy (accuracy_km of
 * the features and of the region's outline): what a planner should read instead of the bare figure.
 *
 * Areas: the measured union grown and shrunk by the accuracy, to first order: area ± perimeter × accuracy. This
 * leaves out the corner terms (about π × accuracy² per convex ring) and is a bound only to first order, which the
 * range's words say. The outline's accuracy counts only when some feature lies within its reach; features just
 * outside the region add their whole edge to the upper end. Counts: a feature whose distance to the outline is
 * within the outline's accuracy plus its own may belong on either side, so the figure runs from leaving out those
 * inside to adding those outside.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { formatFigure, type Words } from './ledger-words.ts';
import type { RegionStatistics } from './region-stats.ts';
import { geometryPerimeter } from './union.ts';

export interface Range {
  low: number;
  high: number;
  /** How the range was found, in one sentence. */
  how: Words;
}

const accuracyKm = (feature: Feature) => Number(feature.properties?.['accuracy_km'] ?? 0);
const isPolygonal = (feature: Feature) => feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon';
const round = (value: number) => Number(value.toPrecision(3));

/** The range of a layer's union area inside a region (km²), or of its share of the region (%). */
export function areaRange(statistics: RegionStatistics, regionId: string, layerId: string, figure: 'area' | 'share'): Range {
  const region = statistics.region(regionId);
  const layer = statistics.layer(regionId, layerId);
  const ids = new Set(layer.featureIds);
  const measured = statistics.features(layerId).filter((feature) => ids.has(String(feature.properties?.['id'])));
  const near = statistics.nearOutline(regionId, layerId, (feature) => region.accuracyKm + accuracyKm(feature));
  const nearCount = near.inside.length + near.outside.length;
  const km = Math.max(0, ...measured.map(accuracyKm), nearCount > 0 ? region.accuracyKm : 0);
  const outsideKm = near.outside
    .filter(isPolygonal)
    .reduce((sum, feature) => sum + geometryPerimeter(feature.geometry as Polygon | MultiPolygon), 0);
  const low = Math.max(0, layer.unionAreaKm2 - layer.unionPerimeterKm * km);
  const high = layer.unionAreaKm2 + (layer.unionPerimeterKm + outsideKm) * km;
  const outline =
    nearCount > 0
      ? {
          en: `; ${nearCount} of the features lie within reach of the region's outline, so its ±${region.accuracyKm} km counts`,
          zh: `；${nearCount} 个要素在区域轮廓误差范围内，故计入轮廓的 ±${region.accuracyKm} 公里`,
        }
      : { en: '', zh: '' };
  const edges = {
    en: `the measured area ± its edge length (${formatFigure(round(layer.unionPerimeterKm))} km) × ${km} km, a first-order bound${outline.en}`,
    zh: `测得面积 ± 边线长度（${formatFigure(round(layer.unionPerimeterKm))} 公里）× ${km} 公里，为一阶估计${outline.zh}`,
  };
  if (figure === 'area') {
    return { low, high, how: { en: `Range from ${edges.en}.`, zh: `范围按${edges.zh}。` } };
  }
  // The region's own area moves with its outline: the share's ends take the region at its largest and smallest.
  const regionSpread = region.perimeterKm * region.accuracyKm;
  const largest = region.areaKm2 + regionSpread;
  const smallest = region.areaKm2 - regionSpread;
  return {
    low: (low / largest) * 100,
    high: smallest > 0 ? Math.min(100, (high / smallest) * 100) : 100,
    how: {
      en: `Range from ${edges.en}, over the region's area ± its outline (${formatFigure(round(region.perimeterKm))} km) × ${region.accuracyKm} km.`,
      zh: `范围按${edges.zh}，除以区域面积 ± 轮廓长度（${formatFigure(round(region.perimeterKm))} 公里）× ${region.accuracyKm} 公里。`,
    },
  };
}

/**
 * The range of a figure summed over features in a region (the capacity of its bases): `behind` are the features
 * counted, `counts` says which features of the layer the figure counts at all, `sum` adds up their figure.
 */
export function capacityRange(
  statistics: RegionStatistics,
  regionId: string,
  layerId: string,
  behind: readonly Feature[],
  counts: (feature: Feature) => boolean,
  sum: (features: readonly Feature[]) => number,
): Range {
  const region = statistics.region(regionId);
  const near = statistics.nearOutline(regionId, layerId, (feature) => region.accuracyKm + accuracyKm(feature));
  const behindIds = new Set(behind.map((feature) => String(feature.properties?.['id'])));
  const inside = near.inside.filter((feature) => behindIds.has(String(feature.properties?.['id'])));
  const outside = near.outside.filter(counts);
  const all = sum(behind);
  const low = all - sum(inside);
  const high = all + sum(outside);
  const reach = { en: `the outline's ±${region.accuracyKm} km plus their own accuracy`, zh: `轮廓 ±${region.accuracyKm} 公里加其自身精度` };
  return {
    low,
    high,
    how: {
      en:
        `Range from the features near the edge: ${inside.length} of the ${behind.length} counted lie within reach of the region's outline ` +
        `(${reach.en}) and may lie outside; ${outside.length} outside may lie inside. The count runs from ` +
        `${behind.length - inside.length} to ${behind.length + outside.length}.`,
      zh:
        `范围按边缘附近的要素：计入的 ${behind.length} 个中有 ${inside.length} 个在区域轮廓误差范围内（${reach.zh}），可能在区外；` +
        `区外有 ${outside.length} 个可能在区内。个数在 ${behind.length - inside.length} 至 ${behind.length + outside.length} 之间。`,
    },
  };
}
