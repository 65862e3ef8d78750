import { along, length, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';

/**
 * The properties a label point carries beside its feature's own (which the legend's filters read): both names (one
 * standing in for a missing other), the zoom its name appears from, its rank among its layer's names (a town's
 * population, else 0) and whether its feature is a marker on the map (a point), which its name must stay clear of.
 */
export interface LabelProperties {
  name_zh: string;
  name_en: string;
  label_min_zoom: number;
  label_rank: number;
  marker: boolean;
}

/**
 * One point per named feature, where its name goes: inside a polygon, half-way along a line, on a point. MapLibre
 * labels a polygon or line of a GeoJSON source once per tile it crosses (and a line at its first vertex), so the
 * labels are drawn from these points instead.
 */
export function labelPoints(collection: FeatureCollection): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: collection.features.flatMap((feature): Feature<Point>[] => {
      const zh = String(feature.properties?.['name_zh'] ?? '');
      const en = String(feature.properties?.['name_en'] ?? '');
      if (!feature.geometry || (!zh && !en)) return [];
      const label: LabelProperties = {
        name_zh: zh || en,
        name_en: en || zh,
        label_min_zoom: Number(feature.properties?.['label_min_zoom'] ?? 0),
        label_rank: Number(feature.properties?.['population'] ?? 0),
        marker: feature.geometry.type === 'Point',
      };
      return [
        { type: 'Feature', geometry: { type: 'Point', coordinates: anchorOf(feature) }, properties: { ...feature.properties, ...label } },
      ];
    }),
  };
}

function anchorOf(feature: Feature): [number, number] {
  const geometry = feature.geometry;
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    const line = geometry.type === 'LineString' ? geometry : longestPart(geometry);
    const half = length({ type: 'Feature', geometry: line, properties: {} }) / 2;
    return along(line, half).geometry.coordinates as [number, number];
  }
  return pointOnFeature(feature).geometry.coordinates as [number, number];
}

function longestPart(geometry: MultiLineString): LineString {
  const parts = geometry.coordinates.map((coordinates) => ({ type: 'LineString' as const, coordinates }));
  return parts.reduce((best, part) => (part.coordinates.length > best.coordinates.length ? part : best));
}
