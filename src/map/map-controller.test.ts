// The controller's promise: it remembers the state it last applied and pushes only the differences to MapLibre.
// A fake map records every call, so the test sees exactly what would reach the real one.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { beforeEach, describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import type { AtlasState, LayerState } from '../state/state.ts';
import { MapController } from './map-controller.ts';
import { styleLayers } from './style.ts';

interface Call {
  method: string;
  args: unknown[];
}

/** Calls that change what the map shows; everything else only reads it or listens to it. */
const changes = /^(set|add|remove|jumpTo|easeTo|flyTo|fitBounds)/;

/** A stand-in for maplibre-gl's Map: answers reads from its own camera and records every call. */
function fakeMap(calls: Call[]) {
  const camera = { center: { lng: 109.8, lat: 40.6 }, zoom: 4.5, bearing: 0, pitch: 0 };
  const element = { setAttribute() {}, addEventListener() {}, style: {}, querySelector: () => null };
  const answers: Record<string, (...args: unknown[]) => unknown> = {
    getCenter: () => camera.center,
    getZoom: () => camera.zoom,
    getBearing: () => camera.bearing,
    getPitch: () => camera.pitch,
    getCanvas: () => element,
    getCanvasContainer: () => element,
    getContainer: () => element,
    getSource: () => ({ setData() {} }),
    jumpTo: (options) => {
      const { center, zoom, bearing, pitch } = options as { center: [number, number]; zoom: number; bearing: number; pitch: number };
      Object.assign(camera, { center: { lng: center[0], lat: center[1] }, zoom, bearing, pitch });
    },
  };
  return new Proxy({} as MapLibreMap, {
    get:
      (_, method: string) =>
      (...args: unknown[]) => {
        calls.push({ method, args });
        return answers[method]?.(...args);
      },
  });
}

const initial = (): AtlasState => ({
  view: { center: [109.8, 40.6], zoom: 4.5, bearing: 0, pitch: 0 },
  lang: 'zh',
  layers: Object.fromEntries(
    layerDefinitions.map((layer): [string, LayerState] => [
      layer.id,
      {
        visible: layer.defaultVisible,
        opacity: layer.defaultOpacity,
        hiddenCategories: layer.defaultHiddenCategories ?? [],
        hiddenStatuses: [],
      },
    ]),
  ),
  selection: null,
  panel: 'layers',
  site: null,
  projectType: null,
});

describe('the map controller pushes only differences', () => {
  let calls: Call[];
  let controller: MapController;
  const pushed = () => calls.filter((call) => changes.test(call.method));

  beforeEach(() => {
    calls = [];
    controller = new MapController({} as HTMLElement, layerDefinitions, initial(), () => fakeMap(calls));
    calls.length = 0;
  });

  test('applying the same state twice pushes nothing', () => {
    controller.apply(initial());
    controller.apply(initial());
    expect(pushed()).toEqual([]);
  });

  test('a changed layer pushes that layer only, once', () => {
    const state = initial();
    const wetlands = state.layers['wetlands']!;
    state.layers['wetlands'] = { ...wetlands, opacity: 0.25 };
    controller.apply(state);
    const wetlandLayerIds = [
      ...styleLayers(layerDefinitions.find((layer) => layer.id === 'wetlands')!, state.layers['wetlands']).map((spec) => spec.id),
      'wetlands:names',
      'wetlands:marker-blocks',
    ];
    expect(pushed().length).toBeGreaterThan(0);
    expect(new Set(pushed().map((call) => call.args[0]))).toEqual(new Set(wetlandLayerIds));
    expect(pushed()).toContainEqual({ method: 'setPaintProperty', args: [`wetlands:fill`, 'fill-opacity', expect.anything()] });

    calls.length = 0;
    controller.apply(structuredClone(state));
    expect(pushed()).toEqual([]);
  });

  test('a hidden layer is hidden in every one of its style layers, its names included', () => {
    const state = initial();
    state.layers['deserts'] = { ...state.layers['deserts']!, visible: false };
    controller.apply(state);
    const visibility = pushed().filter((call) => call.method === 'setLayoutProperty');
    const deserts = styleLayers(layerDefinitions.find((layer) => layer.id === 'deserts')!, state.layers['deserts']).map((spec) => spec.id);
    expect(visibility.map((call) => call.args[0])).toEqual([...deserts, 'deserts:names', 'deserts:marker-blocks']);
    expect(visibility.every((call) => call.args[1] === 'visibility' && call.args[2] === 'none')).toBe(true);
  });

  test("a new language switches the names through the style's global state, and the same language again does nothing", () => {
    controller.apply({ ...initial(), lang: 'en' });
    expect(pushed()).toContainEqual({ method: 'setGlobalStateProperty', args: ['lang', 'en'] });
    calls.length = 0;
    controller.apply({ ...initial(), lang: 'en' });
    expect(pushed()).toEqual([]);
  });

  test('a new selection clears the old feature state and sets the new one, nothing else', () => {
    const first = { ...initial(), selection: { layer: 'wetlands', id: 'a' } };
    controller.apply(first);
    calls.length = 0;
    controller.apply({ ...initial(), selection: { layer: 'deserts', id: 'b' } });
    expect(pushed()).toEqual([
      { method: 'setFeatureState', args: [{ source: 'wetlands', id: 'a' }, { selected: false }] },
      { method: 'setFeatureState', args: [{ source: 'deserts', id: 'b' }, { selected: true }] },
    ]);
  });

  test('a screened site dims every thematic layer and leaves the base map; clearing it restores the layers', async () => {
    const own: Call[] = [];
    const screened = new MapController({} as HTMLElement, layerDefinitions, initial(), () => fakeMap(own));
    (own.find((call) => call.method === 'once' && call.args[0] === 'load')!.args[1] as () => void)();
    own.length = 0;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const opacities = () => own.filter((call) => call.method === 'setPaintProperty' && String(call.args[1]).endsWith('opacity'));
    // The overlay's layers load with the first screened site: loaded here, so that one task settles each call.
    await import('./screening-layers.ts');
    screened.setScreening({ zones: [], bands: [] });
    await settle();
    const faded = opacities();
    expect(faded).toContainEqual({ method: 'setPaintProperty', args: ['wetlands:fill', 'fill-opacity', ['*', 0.3, expect.anything()]] });
    expect(faded.some((call) => String(call.args[0]).startsWith('base-'))).toBe(false);
    own.length = 0;
    screened.setScreening({ zones: [], bands: [] });
    await settle();
    expect(opacities()).toEqual([]);
    screened.setScreening(undefined);
    await settle();
    const wetlands = styleLayers(layerDefinitions.find((layer) => layer.id === 'wetlands')!, initial().layers['wetlands']!);
    const fill = wetlands.find((spec) => spec.id === 'wetlands:fill')! as { paint: Record<string, unknown> };
    expect(opacities()).toContainEqual({ method: 'setPaintProperty', args: ['wetlands:fill', 'fill-opacity', fill.paint['fill-opacity']] });
  });

  test('a moved view jumps once, and the same view again does not', () => {
    const moved = { ...initial(), view: { center: [111, 41] as [number, number], zoom: 7, bearing: 10, pitch: 20 } };
    controller.apply(moved);
    expect(pushed().map((call) => call.method)).toEqual(['jumpTo']);
    calls.length = 0;
    controller.apply(structuredClone(moved));
    expect(pushed()).toEqual([]);
  });
});
