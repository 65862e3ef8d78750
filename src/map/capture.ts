import type { Map as MapLibreMap } from 'maplibre-gl';
import type { View } from '../state/state.ts';
import type { MapController, PixelBox } from './map-controller.ts';

/**
 * The map (deck.gl draws into the same canvas) at `scale` times the screen's CSS pixels, for the PNG export and the
 * printed report. MapLibre's buffer is only readable while a frame is being drawn, so the copy happens inside the
 * render event. Loaded with the first export, like the decorations (export-png.ts), not with the atlas.
 */
export async function capture(controller: MapController, scale: number): Promise<HTMLCanvasElement> {
  const { map } = controller;
  const original = map.getPixelRatio();
  if (scale !== original) {
    map.setPixelRatio(scale);
    await controller.followDrawingBuffer();
    await controller.idle();
  }
  const { clientWidth, clientHeight } = map.getContainer();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(clientWidth * scale);
  canvas.height = Math.round(clientHeight * scale);
  const context = canvas.getContext('2d')!;
  await new Promise<void>((resolve) => {
    map.once('render', () => {
      context.drawImage(map.getCanvas(), 0, 0, canvas.width, canvas.height);
      resolve();
    });
    map.triggerRepaint();
  });
  if (scale !== original) {
    map.setPixelRatio(original);
    await controller.followDrawingBuffer();
  }
  return canvas;
}

/**
 * The map framed on `bounds` (north up), captured at `scale`, whatever the live view shows; the view is put back
 * afterwards without telling the view listeners. Resolves with the canvas, the view it shows and its bounds.
 */
export function captureFrame(
  controller: MapController,
  bounds: [number, number, number, number],
  scale: number,
  site?: [number, number, number, number],
): Promise<{ canvas: HTMLCanvasElement; view: View; bounds: [number, number, number, number]; siteBox?: PixelBox }> {
  const { map } = controller;
  return controller.quietly(async () => {
    const before = controller.view();
    try {
      const camera = map.cameraForBounds(
        [
          [bounds[0], bounds[1]],
          [bounds[2], bounds[3]],
        ],
        { padding: 48, maxZoom: 12 },
      );
      map.jumpTo({ ...camera, bearing: 0, pitch: 0 });
      await controller.idle();
      const view = controller.view();
      const shown = map.getBounds().toArray().flat() as [number, number, number, number];
      return { canvas: await capture(controller, scale), view, bounds: shown, ...(site ? { siteBox: pixelBox(map, site) } : {}) };
    } finally {
      map.jumpTo({ center: before.center, zoom: before.zoom, bearing: before.bearing, pitch: before.pitch });
    }
  });
}

/** Where a geographic box (west, south, east, north) lies on the map as it is now, in CSS pixels. */
export function pixelBox(map: MapLibreMap, [west, south, east, north]: [number, number, number, number]): PixelBox {
  const corners = [
    [west, south],
    [west, north],
    [east, south],
    [east, north],
  ].map((corner) => map.project(corner as [number, number]));
  const xs = corners.map((point) => point.x);
  const ys = corners.map((point) => point.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}
