import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { unsurveyedMethods, type HatchDirection, type LayerDefinition } from '../../layers/layer-definition.ts';
import { t } from '../i18n/strings.ts';
import type { AtlasState } from '../state/state.ts';

export interface LegendEntry {
  label: string;
  color: string;
  /** Drawn hatched in this direction, as the map draws the category's unsurveyed polygons (src/map/hatch.ts). */
  hatch?: HatchDirection;
}
export interface LegendGroup {
  layerId: string;
  title: string;
  entries: LegendEntry[];
}

const unsurveyed = new Set<string>(unsurveyedMethods);

/** How a category is drawn: solid (measured polygons, points, lines), hatched (unsurveyed polygons), or both. */
function drawnAs(
  layer: LayerDefinition,
  collection: FeatureCollection,
  category: string,
): { solid: boolean; hatched: boolean; count: number } {
  const features = collection.features.filter(
    (feature) => !layer.categoryProperty || String(feature.properties?.[layer.categoryProperty]) === category,
  );
  const hatched = (feature: (typeof features)[number]) =>
    layer.renderer === 'fill' &&
    (feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon') &&
    unsurveyed.has(String(feature.properties?.['method']));
  return {
    solid: features.length === 0 || features.some((feature) => !hatched(feature)),
    hatched: features.some(hatched),
    count: features.length,
  };
}

/**
 * What the map shows, as a legend: the visible thematic layers that loaded (a layer whose file failed is not on the
 * map, so not in the legend), in draw order, each with only the categories left switched on, each swatch solid or
 * hatched as the map draws it (a category with both gets both, the hatched one marked as sketched), then the user's
 * own layers drawn above them (`user`). One list for the exported image and the legend over an embedded or
 * presented map; `within` (west, south, east, north) keeps only the categories with a feature in that frame, as an
 * exported image shows (a slide of 棋盘井 lists what is at 棋盘井, not every zone of the region).
 */
export function legendGroups(
  layers: readonly LayerDefinition[],
  state: AtlasState,
  user: readonly LegendGroup[],
  loaded: ReadonlyMap<string, FeatureCollection>,
  within?: [number, number, number, number],
): LegendGroup[] {
  const lang = state.lang;
  return layers
    .flatMap((layer) => {
      const shown = state.layers[layer.id];
      const whole = loaded.get(layer.id);
      if (!layer.properties || !shown?.visible || !whole) return [];
      const collection = within ? featuresWithin(whole, within) : whole;
      const entries = Object.entries(layer.palette)
        .filter(([category]) => !shown.hiddenCategories.includes(category))
        .flatMap(([category, swatch]): LegendEntry[] => {
          const { solid, hatched, count } = drawnAs(layer, collection, category);
          if (within && count === 0) return [];
          const label = swatch.label[lang];
          const hatch = { color: swatch.color, hatch: layer.hatch ?? 'rising' };
          if (!hatched) return [{ label, color: swatch.color }];
          if (!solid) return [{ label, ...hatch }];
          return [
            { label, color: swatch.color },
            { label: `${label}${t('sketchedExtent', lang)}`, ...hatch },
          ];
        });
      return entries.length > 0 ? [{ layerId: layer.id, title: layer.title[lang], entries }] : [];
    })
    .concat(user);
}

/** The features whose bounding box meets the frame (west, south, east, north). */
function featuresWithin(collection: FeatureCollection, [west, south, east, north]: [number, number, number, number]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.filter((feature) => {
      const [minX, minY, maxX, maxY] = bbox(feature);
      return minX <= east && maxX >= west && minY <= north && maxY >= south;
    }),
  };
}
