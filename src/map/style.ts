import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { unsurveyedMethods, type LayerDefinition } from '../../layers/layer-definition.ts';
import type { Lang, LayerState } from '../state/state.ts';
import { hatchImageId } from './hatch.ts';
import { labelSources, labelState, labelStyleLayers } from './label-style.ts';

/** Sea and unmapped land behind everything. */
export const backgroundColor = '#d7e4ea';

/** Features whose edge was not surveyed (derived, hand-drawn, illustrative): drawn dashed. */
export const unsurveyed: ExpressionSpecification = ['in', ['get', 'method'], ['literal', [...unsurveyedMethods]]];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** The category colour of a feature, from the same palette the legend draws. */
export function colorExpression(layer: LayerDefinition): ExpressionSpecification | string {
  const swatches = Object.entries(layer.palette);
  if (!layer.categoryProperty || swatches.length === 1) return swatches[0]![1].color;
  return [
    'match',
    ['get', layer.categoryProperty],
    ...swatches.flatMap(([id, swatch]) => [id, swatch.color]),
    '#888888',
  ] as unknown as ExpressionSpecification;
}

const width = ([low, high]: [number, number], boost = 0): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  4,
  ['+', low, ['case', hovered, boost, selected, boost, 0]],
  12,
  ['+', high, ['case', hovered, boost, selected, boost, 0]],
];

/** MapLibre layer ids of one atlas layer, lowest first; the controller shows, hides and fades them together. */
export function styleLayers(layer: LayerDefinition, state: LayerState): LayerSpecification[] {
  const visibility = state.visible ? 'visible' : 'none';
  const source = layer.id;
  const color = colorExpression(layer);
  const thematic = layer.properties !== undefined;
  const shown = shownFilter(layer, state);
  const solidOnly = thematic ? (['!', unsurveyed] as ExpressionSpecification) : undefined;
  const edge = (id: string, paint: Record<string, unknown>, filter?: ExpressionSpecification): LayerSpecification =>
    withFilter({ id, type: 'line', source, layout: { visibility }, paint } as LayerSpecification, shown, filter);
  switch (layer.renderer) {
    case 'fill': {
      const outline = layer.outline ?? '#555555';
      const layers: LayerSpecification[] = [
        withFilter(
          { id: `${layer.id}:fill`, type: 'fill', source, layout: { visibility }, paint: fillPaint(color, state.opacity) },
          shown,
          solidOnly,
        ),
      ];
      // Solid fills only for measured edges; a zone nobody surveyed is hatched in its colour (src/map/hatch.ts).
      if (thematic) {
        layers.push(
          withFilter(
            {
              id: `${layer.id}:hatch`,
              type: 'fill',
              source,
              layout: { visibility },
              paint: {
                'fill-pattern': patternExpression(layer),
                'fill-opacity': fillPaint(color, hatchOpacity(state.opacity))['fill-opacity'],
              },
            } as LayerSpecification,
            shown,
            unsurveyed,
          ),
        );
      }
      layers.push(
        edge(
          `${layer.id}:edge`,
          {
            'line-color': thematic ? color : outline,
            'line-width': width([0.8, 1.6], 1.5),
            'line-opacity': Math.min(1, state.opacity + 0.4),
          },
          solidOnly,
        ),
      );
      if (thematic) {
        layers.push(
          edge(
            `${layer.id}:edge-dashed`,
            {
              'line-color': color,
              'line-width': width([1, 2], 1.5),
              'line-dasharray': [3, 2],
              'line-opacity': Math.min(1, state.opacity + 0.4),
            },
            unsurveyed,
          ),
        );
        // Places the documents locate only roughly are points inside an otherwise polygonal layer.
        layers.push(
          withFilter({ ...circleLayer(layer, state, color), id: `${layer.id}:point` }, shown, ['==', ['geometry-type'], 'Point']),
        );
      }
      return layers;
    }
    case 'line': {
      const layers: LayerSpecification[] = [
        edge(
          `${layer.id}:line`,
          { 'line-color': color, 'line-width': width(layer.lineWidth ?? [1, 2], 1.5), 'line-opacity': state.opacity },
          solidOnly,
        ),
      ];
      if (thematic) {
        layers.push(
          edge(
            `${layer.id}:line-dashed`,
            {
              'line-color': color,
              'line-width': width(layer.lineWidth ?? [1, 2], 1.5),
              'line-dasharray': [4, 2],
              'line-opacity': state.opacity,
            },
            unsurveyed,
          ),
        );
      }
      return layers;
    }
    case 'circle':
      return [withFilter(circleLayer(layer, state, color), shown)];
  }
}

/** Stripes carry less colour than a solid fill of the same opacity: they are drawn stronger to read as well. */
export const hatchOpacity = (opacity: number) => Math.min(1, opacity + 0.3);

/** The hatch image of a feature's category (same palette as colorExpression), in the layer's stripe direction. */
export function patternExpression(layer: LayerDefinition): ExpressionSpecification | string {
  const direction = layer.hatch ?? 'rising';
  const swatches = Object.entries(layer.palette);
  if (!layer.categoryProperty || swatches.length === 1) return hatchImageId(swatches[0]![1].color, direction);
  return [
    'match',
    ['get', layer.categoryProperty],
    ...swatches.flatMap(([id, swatch]) => [id, hatchImageId(swatch.color, direction)]),
    hatchImageId('#888888', direction),
  ] as unknown as ExpressionSpecification;
}

/** The legend's unchecked categories and statuses, as a filter; undefined when everything is shown. */
export function shownFilter(layer: LayerDefinition, state: LayerState): ExpressionSpecification | undefined {
  const conditions: ExpressionSpecification[] = [];
  if (layer.categoryProperty && state.hiddenCategories.length > 0) {
    conditions.push(['!', ['in', ['get', layer.categoryProperty], ['literal', state.hiddenCategories]]]);
  }
  if (state.hiddenStatuses.length > 0) conditions.push(['!', ['in', ['get', 'status'], ['literal', state.hiddenStatuses]]]);
  return conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : ['all', ...conditions];
}

function withFilter(spec: LayerSpecification, ...filters: (ExpressionSpecification | undefined)[]): LayerSpecification {
  const present = filters.filter((filter): filter is ExpressionSpecification => filter !== undefined);
  if (present.length === 0) return spec;
  return { ...spec, filter: present.length === 1 ? present[0] : ['all', ...present] } as LayerSpecification;
}

function circleLayer(layer: LayerDefinition, state: LayerState, color: ExpressionSpecification | string): LayerSpecification {
  return {
    id: `${layer.id}:circle`,
    type: 'circle',
    source: layer.id,
    ...(layer.markerMinZoom !== undefined ? { minzoom: layer.markerMinZoom } : {}),
    layout: { visibility: state.visible ? 'visible' : 'none' },
    paint: {
      'circle-color': color,
      'circle-opacity': state.opacity,
      'circle-stroke-opacity': state.opacity,
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        ['case', hovered, 6, selected, 6, 3.5],
        12,
        ['case', hovered, 11, selected, 11, 8],
      ],
      'circle-stroke-color': ['case', selected, '#ffeb3b', layer.outline ?? '#ffffff'],
      'circle-stroke-width': ['case', hovered, 2.5, selected, 2.5, 1.2],
    },
  };
}

export function fillPaint(color: ExpressionSpecification | string, opacity: number): Record<string, unknown> {
  return {
    'fill-color': color,
    'fill-opacity': ['case', hovered, Math.min(1, opacity + 0.25), selected, Math.min(1, opacity + 0.25), opacity],
  };
}

/**
 * The whole offline style: no tiles, glyphs or sprites; every source is filled from our FlatGeobuf files, and the
 * names (src/map/label-style.ts) from label points made of them, in `lang`.
 */
export function buildStyle(layers: LayerDefinition[], states: Record<string, LayerState>, lang: Lang): StyleSpecification {
  return {
    version: 8,
    state: labelState(lang),
    sources: {
      ...Object.fromEntries(
        layers.map((layer) => [
          layer.id,
          {
            type: 'geojson',
            data: { type: 'FeatureCollection', features: [] },
            ...(layer.properties ? { promoteId: 'id' } : {}),
          },
        ]),
      ),
      ...labelSources(layers),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': backgroundColor } },
      ...layers.flatMap((layer) => styleLayers(layer, states[layer.id]!)),
      ...labelStyleLayers(layers, states, shownFilter),
    ],
  } as StyleSpecification;
}
