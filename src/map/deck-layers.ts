// The deck.gl classes the map draws with, in one module so that they load as one chunk when first needed.
export { MapLibreOverlay } from '@deck.gl/maplibre';
export { GeoJsonLayer } from '@deck.gl/layers';
