import type { ExpressionSpecification, GeoJSONSourceSpecification, StateSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import type { Lang, LayerState } from '../state/state.ts';

/**
 * Names are drawn by MapLibre's symbol layers from local fonts: the style has no `glyphs` URL, so MapLibre draws
 * every glyph (CJK and Latin alike) with the browser's text engine from the `text-font` names, no glyph server and
 * no request leaving the page. MapLibre reads a weight from the first name (Bold, Medium); where that face is not
 * installed the next name is used at that weight. Noto Sans CJK SC carries Latin letters too (Debian's
 * fonts-noto-cjk); Windows and macOS fall back to their own Chinese fonts.
 */
const fonts = (weight: 'Bold' | 'Medium') => [
  `Noto Sans CJK SC ${weight}`,
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'Source Han Sans SC',
  'Microsoft YaHei',
  'PingFang SC',
];

/** The layer whose names rank first (by population), drawn larger and bolder. */
const townsLayer = 'base-towns';

/** The style's global state: the interface language, which picks the name each label shows. */
export const labelState = (lang: Lang): StateSpecification => ({ lang: { default: lang } });

/** The GeoJSON source of a labelled layer's label points (src/map/labels.ts fills it). */
export const labelSourceId = (layerId: string) => `${layerId}:labels`;

const labelled = (layers: LayerDefinition[]) => layers.filter((layer) => layer.labelMinZoom !== undefined);

export function labelSources(layers: LayerDefinition[]): Record<string, GeoJSONSourceSpecification> {
  return Object.fromEntries(
    labelled(layers).map((layer) => [labelSourceId(layer.id), { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }]),
  );
}

/** A marker's radius with its stroke, in pixels, at zoom 4 and 12 (circleLayer in style.ts, not hovered). */
const markerRadius = { 4: 3.5 + 1.2, 12: 8 + 1.2 } as const;

/**
 * Where a point's name may go, in ems of its text: above its marker first, then below, right and left, each far
 * enough that the name's box (with its 2 px padding) clears the marker's blocker, with 2 px to spare; MapLibre moves
 * a name above or below its anchor by a few pixels more for the baseline, hence the larger vertical figure.
 */
function markerOffsets(size: number, zoom: 4 | 12): ExpressionSpecification {
  const across = (markerRadius[zoom] + 4) / size;
  const up = (markerRadius[zoom] + 8) / size;
  return ['literal', ['bottom', [0, -up], 'top', [0, up], 'left', [across, 0], 'right', [-across, 0]]] as ExpressionSpecification;
}

const isMarker: ExpressionSpecification = ['==', ['get', 'marker'], true];

/**
 * The two symbol layers of one labelled layer: its names and, placed before every name, an invisible blocker over
 * each of its markers (a name may not cover a marker). `shown` is the legend's filter of the layer, so a hidden
 * category's names go with its features.
 */
export function labelLayersOf(
  layer: LayerDefinition,
  state: LayerState,
  shown: ExpressionSpecification | undefined,
): { names: SymbolLayerSpecification; markers: SymbolLayerSpecification } {
  const town = layer.id === townsLayer;
  const size = town ? 13 : 12;
  const source = labelSourceId(layer.id);
  const visibility = state.visible ? 'visible' : 'none';
  const both = (filter: ExpressionSpecification): ExpressionSpecification => (shown ? ['all', filter, shown] : filter);
  // Evaluated at whole zooms, as MapLibre evaluates zoom in filters; label_min_zoom values are whole numbers.
  const named: ExpressionSpecification = ['>=', ['zoom'], ['get', 'label_min_zoom']];
  return {
    names: {
      id: `${layer.id}:names`,
      type: 'symbol',
      source,
      minzoom: layer.labelMinZoom!,
      filter: both(named),
      layout: {
        visibility,
        'text-field': ['get', ['concat', 'name_', ['global-state', 'lang']]],
        'text-font': fonts(town ? 'Bold' : 'Medium'),
        'text-size': size,
        // A name is placed before those of lower rank; across layers, the higher layer's names are placed first.
        'symbol-sort-key': ['-', ['get', 'label_rank']],
        'text-variable-anchor-offset': [
          'interpolate',
          ['linear'],
          ['zoom'],
          4,
          ['case', isMarker, markerOffsets(size, 4), ['literal', ['center', [0, 0]]]],
          12,
          ['case', isMarker, markerOffsets(size, 12), ['literal', ['center', [0, 0]]]],
        ],
      },
      paint: {
        'text-color': town ? '#28221c' : '#1e3246',
        'text-halo-color': 'rgba(255, 255, 255, 0.92)',
        'text-halo-width': 1.5,
        'text-halo-blur': 0.5,
      },
    },
    markers: {
      id: `${layer.id}:marker-blocks`,
      type: 'symbol',
      source,
      minzoom: layer.labelMinZoom!,
      // Only the markers whose names the zoom lets in: a small town's marker may sit under a larger town's name.
      filter: both(['all', isMarker, named]),
      layout: {
        visibility,
        // A glyph as wide and tall as the marker, always placed and never drawn: it keeps other names off the marker.
        'text-field': '●',
        'text-font': fonts('Medium'),
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, (2 * markerRadius[4]) / 1.2, 12, (2 * markerRadius[12]) / 1.2],
        'text-padding': 0,
        'text-allow-overlap': true,
      },
      paint: { 'text-opacity': 0 },
    },
  };
}

/**
 * Every label layer, lowest first, for the top of the style. MapLibre places symbols from the top layer down, so the
 * marker blockers come last (placed first), then the towns' names, then the other layers' names from the top of the
 * draw order down: the most specific names win a collision.
 */
export function labelStyleLayers(
  layers: LayerDefinition[],
  states: Record<string, LayerState>,
  shownFilter: (layer: LayerDefinition, state: LayerState) => ExpressionSpecification | undefined,
): SymbolLayerSpecification[] {
  const ordered = labelled(layers).sort((a, b) => Number(a.id === townsLayer) - Number(b.id === townsLayer));
  const pairs = ordered.map((layer) => labelLayersOf(layer, states[layer.id]!, shownFilter(layer, states[layer.id]!)));
  return [...pairs.map(({ names }) => names), ...pairs.map(({ markers }) => markers)];
}
