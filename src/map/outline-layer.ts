import type { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { DeckLayers } from './deck-overlay.ts';

type Rgba = [number, number, number, number];

/** Features drawn over the map with a bold edge: a ledger row's features, a site, the zones a site hits. */
export function outlineLayer(deck: DeckLayers, id: string, features: Feature[], line: Rgba, fill?: Rgba): GeoJsonLayer {
  return new deck.GeoJsonLayer({
    id,
    data: { type: 'FeatureCollection', features } as FeatureCollection,
    stroked: true,
    filled: fill !== undefined,
    getFillColor: fill ?? [0, 0, 0, 0],
    getLineColor: line,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    pointRadiusUnits: 'pixels',
    getPointRadius: 8,
  });
}
