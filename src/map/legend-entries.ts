import type { LayerDefinition } from '../../layers/layer-definition.ts';
import type { AtlasState } from '../state/state.ts';

export interface LegendEntry {
  label: string;
  color: string;
}
export interface LegendGroup {
  layerId: string;
  title: string;
  entries: LegendEntry[];
}

/**
 * What the map shows, as a legend: the visible thematic layers in draw order, each with only the categories left
 * switched on, then the user's own layers drawn above them (`user`). One list for the exported image and the legend
 * over an embedded or presented map.
 */
export function legendGroups(layers: readonly LayerDefinition[], state: AtlasState, user: readonly LegendGroup[]): LegendGroup[] {
  const lang = state.lang;
  return layers
    .flatMap((layer) => {
      const shown = state.layers[layer.id];
      if (!layer.properties || !shown?.visible) return [];
      const entries = Object.entries(layer.palette)
        .filter(([category]) => !shown.hiddenCategories.includes(category))
        .map(([, swatch]) => ({ label: swatch.label[lang], color: swatch.color }));
      return entries.length > 0 ? [{ layerId: layer.id, title: layer.title[lang], entries }] : [];
    })
    .concat(user);
}
