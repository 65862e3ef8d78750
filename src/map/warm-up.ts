import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';

/**
 * MapLibre compiles a layer kind's shader program in the first frame that draws one, and asks whether it linked:
 * with software WebGL that question waits until the GPU process has drawn every frame queued before it. Asked first
 * by the frames that brought the data, each such wait was a long task of 200-800 ms. Every GeoJSON source starts
 * instead with a few small features, drawn behind a hidden canvas before any data (at the middle of `bounds`), so the
 * start's programs are compiled while the GPU process has little queued; the sources are emptied when the map loads.
 */
export function withWarmUp(
  style: StyleSpecification,
  [[west, south], [east, north]]: [[number, number], [number, number]],
): StyleSpecification {
  const [lng, lat] = [(west + east) / 2, (south + north) / 2];
  const square: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [lng - 1, lat - 1],
        [lng + 1, lat - 1],
        [lng + 1, lat + 1],
        [lng - 1, lat + 1],
        [lng - 1, lat - 1],
      ],
    ],
  };
  const point: Point = { type: 'Point', coordinates: [lng, lat] };
  // Surveyed and not (solid fill, hatch and dashed edge), a point (marker) and a name: each style layer draws one.
  const features = [square, point].flatMap((geometry) =>
    ['surveyed', 'derived'].map(
      (method): Feature => ({
        type: 'Feature',
        geometry,
        properties: { id: `warm-up-${method}`, method, name_zh: '旗', name_en: 'Qi', label_min_zoom: 0, label_rank: 0, marker: true },
      }),
    ),
  );
  const data: FeatureCollection = { type: 'FeatureCollection', features };
  const sources = Object.entries(style.sources).map(([id, source]) => [id, source.type === 'geojson' ? { ...source, data } : source]);
  return { ...style, sources: Object.fromEntries(sources) };
}

/**
 * Gives the map its style once the GPU process has done what was queued before (the page's first paint, which the
 * same process rasters): the first frame's programs linked during that raster made the main thread wait 100-700 ms
 * for it. A fence on the map's context, polled between tasks, blocks nothing; without WebGL 2 the style goes at once.
 */
export function styleOnceCaughtUp(map: MapLibreMap, style: StyleSpecification): void {
  requestAnimationFrame(() => {
    const gl = map.getCanvas().getContext('webgl2');
    const fence = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!gl || !fence) return void map.setStyle(style);
    gl.flush();
    const poll = () => {
      if (!gl.isContextLost() && gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return void setTimeout(poll, 10);
      gl.deleteSync(fence);
      map.setStyle(style);
    };
    setTimeout(poll, 10);
  });
}

/** Takes the warm-up features away and shows the canvas: once the map has loaded, before any data is set. */
export function endWarmUp(map: MapLibreMap, sources: string[]): void {
  for (const id of sources) (map.getSource(id) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [] });
  map.getCanvas().style.visibility = '';
}
