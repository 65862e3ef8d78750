import { bbox } from '@turf/turf';
import type { SiteGeometry } from '../schema/geometry.ts';
import type { MapController } from '../map/map-controller.ts';
import { outlineLayer } from '../map/outline-layer.ts';
import type { AtlasMap } from './atlas-map.ts';

/** The map controller as the application layer sees it. Only the root element imports this: it loads MapLibre (and deck.gl on demand). */
export function mapPort(controller: MapController): AtlasMap {
  return {
    loaded: () => controller.loaded(),
    idle: () => controller.idle(),
    apply: (state) => controller.apply(state),
    view: () => controller.view(),
    bounds: () => controller.map.getBounds().toArray().flat() as [number, number, number, number],
    onViewChange: (callback) => controller.onViewChange(callback),
    onFeatureClick: (callback) => controller.onFeatureClick(callback),
    setData: (layerId, collection) => controller.setData(layerId, collection),
    setAttribution: (attributions) => controller.setAttribution(attributions),
    setOnlineBasemap: (template, attribution) => controller.setOnlineBasemap(template, attribution),
    setOutline: (id, outline) =>
      controller.setOverlayLayer(
        id,
        outline && outline.features.length > 0 ? (deck) => outlineLayer(deck, id, outline.features, outline.line, outline.fill) : undefined,
      ),
    flyToBounds: (bounds) => controller.flyToBounds(bounds),
    draw: (kind, callbacks) => controller.startDrawing(kind, callbacks),
    setScreening: (overlay) => controller.setScreening(overlay),
    setUserLayers: (layers, standInKinds) => controller.setUserLayers(layers, standInKinds),
    async exportPng(scale, decorations, frame) {
      // The capture and the decorations' drawing load with the first export, not with the first view.
      const [{ decorate }, { capture, captureFrame, pixelBox }] = await Promise.all([
        import('../map/export-png.ts'),
        import('../map/capture.ts'),
      ]);
      const bounds = decorations.state.site ? siteBounds(decorations.state.site) : undefined;
      if (!frame) {
        const shown = controller.map.getBounds().toArray().flat() as [number, number, number, number];
        const canvas = await capture(controller, scale);
        const site = bounds ? pixelBox(controller.map, bounds) : undefined;
        return decorate(canvas, scale, { ...decorations, legend: decorations.legend(shown), ...(site ? { site } : {}) }).toDataURL(
          'image/png',
        );
      }
      // The scale bar and north arrow follow the framed view, not the live one; the legend what lies in it.
      const { canvas, view, bounds: shown, siteBox } = await captureFrame(controller, frame, scale, bounds);
      return decorate(canvas, scale, {
        ...decorations,
        legend: decorations.legend(shown),
        state: { ...decorations.state, view },
        ...(siteBox ? { site: siteBox } : {}),
      }).toDataURL('image/png');
    },
    resize: () => controller.map.resize(),
    names: (box, kind) => controller.names(box, kind),
  };
}

/** The site's bounding box (west, south, east, north): the export keeps its legend off it. */
const siteBounds = (site: SiteGeometry) => bbox(site) as [number, number, number, number];
