import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { unsurveyed } from './style.ts';

const sourceId = 'screening-zones';

/**
 * The source of a screened site's zones and bands (src/map/map-controller.ts `setScreening`), with its layers added
 * the first time: each zone in its verdict's colour (its edge dashed where the layer dashes it), the bands faint, all
 * under the names. Loaded with the first screened site, not with the atlas.
 */
export function screeningSource(map: MapLibreMap): GeoJSONSource {
  if (!map.getSource(sourceId)) addLayers(map);
  return map.getSource(sourceId) as GeoJSONSource;
}

function addLayers(map: MapLibreMap): void {
  map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  const colour: ExpressionSpecification = ['get', 'colour'];
  const band: ExpressionSpecification = ['boolean', ['get', 'band'], false];
  const polygons: ExpressionSpecification = ['all', ['!', band], ['!=', ['geometry-type'], 'Point']];
  // Under the names, which stay readable over the zones a site hits.
  const namesFrom = map.getLayersOrder().find((id) => map.getLayer(id)?.type === 'symbol');
  const add = (layer: LayerSpecification) => map.addLayer(layer, namesFrom);
  add({
    id: `${sourceId}:band`,
    type: 'fill',
    source: sourceId,
    filter: band,
    paint: { 'fill-color': colour, 'fill-opacity': 0.2 },
  });
  add({
    id: `${sourceId}:fill`,
    type: 'fill',
    source: sourceId,
    filter: ['all', polygons, ['==', ['geometry-type'], 'Polygon']],
    paint: { 'fill-color': colour, 'fill-opacity': 0.22 },
  });
  add({
    id: `${sourceId}:edge`,
    type: 'line',
    source: sourceId,
    filter: ['all', polygons, ['!', unsurveyed]],
    paint: { 'line-color': colour, 'line-width': 2.5 },
  });
  add({
    id: `${sourceId}:edge-dashed`,
    type: 'line',
    source: sourceId,
    filter: ['all', polygons, unsurveyed],
    paint: { 'line-color': colour, 'line-width': 2.5, 'line-dasharray': [3, 2] },
  });
  add({
    id: `${sourceId}:point`,
    type: 'circle',
    source: sourceId,
    filter: ['all', ['!', band], ['==', ['geometry-type'], 'Point']],
    paint: { 'circle-color': colour, 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  });
}
