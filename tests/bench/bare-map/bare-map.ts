/**
 * The baseline of tests/bench/atlas-start.ts: MapLibre alone drawing the atlas's opening style (written beside the
 * built page as bare-style.json by the benchmark) with every served dataset, read by flatgeobuf's own reader, and
 * the style's names from the same label points the atlas makes (src/map/labels.ts) and its hatched fills from the same
 * hatch tiles (src/map/hatch.ts; without them MapLibre draws no patterned fill and compiles no pattern shader). No
 * checks, no panels: what any page showing the same map must pay.
 */
import { type GeoJSONSource, Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature, FeatureCollection } from 'geojson';
import { hatchImageIds, hatchPixels, parseHatchImageId } from '../../../src/map/hatch.ts';
import { labelSourceId } from '../../../src/map/label-style.ts';
import { labelPoints } from '../../../src/map/labels.ts';

setWorkerUrl(workerUrl);

const fetchJson = async (url: URL): Promise<unknown> => (await fetch(url)).json();

async function start(): Promise<void> {
  const dataUrl = new URL('../data/', location.href);
  const style = (await fetchJson(new URL('bare-style.json', location.href))) as StyleSpecification;
  const manifest = (await fetchJson(new URL('manifest.json', dataUrl))) as { datasets: { id: string; file: string }[] };
  const map = new MapLibreMap({
    container: 'map',
    style,
    bounds: [
      [97.18, 37.4],
      [126.08, 53.39],
    ],
    fitBoundsOptions: { padding: 16 },
  });
  map.once('style.load', () => {
    for (const id of hatchImageIds(style)) {
      const hatch = parseHatchImageId(id);
      if (hatch) map.addImage(id, hatchPixels(hatch.color, hatch.direction, 2), { pixelRatio: 2 });
    }
  });
  const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));
  const collections = await Promise.all(
    manifest.datasets.map(async ({ id, file }) => {
      const bytes = new Uint8Array(await (await fetch(new URL(file, dataUrl))).arrayBuffer());
      const features: Feature[] = [];
      for await (const feature of deserialize(bytes) as AsyncGenerator<Feature>) features.push(feature);
      return [id, { type: 'FeatureCollection', features } as FeatureCollection] as const;
    }),
  );
  await loaded;
  for (const [id, collection] of collections) {
    (map.getSource(id) as GeoJSONSource | undefined)?.setData(collection);
    (map.getSource(labelSourceId(id)) as GeoJSONSource | undefined)?.setData(labelPoints(collection));
  }
  await new Promise<void>((resolve) => map.once('idle', () => resolve()));
}

// The same readiness hook as the atlas's window.atlas.ready, so the benchmark times both pages alike.
(window as unknown as { atlas: { ready: Promise<void> } }).atlas = { ready: start() };
