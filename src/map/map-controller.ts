import {
  Map as MapLibreMap,
  type GeoJSONSource,
  type ExpressionSpecification,
  type FilterSpecification,
  type LayerSpecification,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { bbox } from '@turf/turf';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import { regionBounds, type AtlasState, type Lang, type LayerState, type Selection, type View } from '../state/state.ts';
import { backgroundColor, buildStyle, shownFilter, styleLayers } from './style.ts';
import { labelPoints } from './labels.ts';
import { labelLayersOf, labelSourceId } from './label-style.ts';
import { DeckOverlay, type LayerRecipe } from './deck-overlay.ts';
import type { DrawCallbacks, DrawKind, DrawTool } from './draw-tool.ts';
import { addControls, localiseControls, setCredits } from './map-controls.ts';
import { mapLocale } from '../i18n/map-locale.ts';
import { endWarmUp, styleOnceCaughtUp, withWarmUp } from './warm-up.ts';
import { hatchImageIds, hatchPixels, parseHatchImageId } from './hatch.ts';

const onlineBasemapId = 'online-basemap';
/** How much the thematic layers fade while a site is screened, so the zones it hits stand out. */
const dimFactor = 0.3;

/**
 * What a screened site adds to the map. zones: each zone the site hits, with a `colour` property (its verdict's
 * colour, #rrggbb) beside its own properties (`method` keeps hand-drawn and illustrative edges dashed). bands: the
 * accuracy bands (src/map/accuracy-band.ts) of the edges the site lies within the accuracy of, with a `colour`.
 */
export interface ScreeningOverlay {
  zones: Feature[];
  bands: Feature[];
}

/**
 * A layer the user brought (an official layer, src/official): its own GeoJSON source, which MapLibre tiles in its
 * worker (geojson-vt), so a layer of 100,000 polygons loads without holding up the page; drawn above the thematic
 * layers in one colour with solid edges (its boundaries are the bureau's, not hand-drawn).
 */
export interface UserLayer {
  id: string;
  collection: FeatureCollection;
  colour: string;
}

/** A name on the map: its label source, its text and the screen point (CSS pixels) it is placed by. */
export interface PlacedName {
  layer: string;
  text: string;
  anchor: [number, number];
}

/** A rectangle in CSS pixels of the map. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Makes the map for a style: MapLibre in the atlas; unit tests pass a fake that records what it is told. */
export type MapFactory = (style: StyleSpecification, lang: Lang) => MapLibreMap;

/** The atlas's MapLibre map in `container`, framed on the region, with its navigation, fullscreen and scale controls. */
export const mapLibreMap =
  (container: HTMLElement): MapFactory =>
  (style, lang) => {
    const map = new MapLibreMap({
      container,
      bounds: regionBounds,
      fitBoundsOptions: { padding: 16 },
      minZoom: 2,
      maxZoom: 14,
      attributionControl: false,
      maxPitch: 60,
      locale: mapLocale[lang],
      globalState: { lang },
      // The style is built in code and checked against the style specification by src/map/style.test.ts; MapLibre's
      // own check of the whole style held up the start's main thread (later setters are still checked).
      validateStyle: false,
    });
    map.getCanvas().setAttribute('aria-label', mapLocale[lang]['Map.Title']!);
    addControls(map);
    styleOnceCaughtUp(map, style);
    return map;
  };

/**
 * The only code that touches MapLibre and deck.gl. It remembers the state it last applied and pushes only the
 * differences, so the rest of the app deals in AtlasState alone.
 */
export class MapController {
  readonly map: MapLibreMap;
  /** Drawing a site (its code loads with the first drawing); while it is active, clicks add vertices instead of selecting features. */
  #draw: DrawTool | undefined;
  #overlay: DeckOverlay;
  #layers: Map<string, LayerDefinition>;
  #applied: AtlasState;
  /** Each layer's data as last set, for the extents. */
  #collections = new Map<string, FeatureCollection>();
  /**
   * Bounding-box size of each feature of a layer, in square degrees: enough to rank nested zones. Measured on the
   * first click that needs the layer, not while the start sets the data.
   */
  #extents = new Map<string, Map<string, number>>();
  #overlayLayers = new Map<string, LayerRecipe>();
  #hovered: { source: string; id: string | number } | undefined;
  #loaded: Promise<void>;
  /** Set once the map has loaded and the warm-up features (src/map/warm-up.ts) are gone: none is hovered or picked. */
  #warmedUp = false;
  #dimmed = false;
  #screeningLayers: Promise<typeof import('./screening-layers.ts')> | undefined;
  /** Set while the camera moves only to capture a frame: the user's view is not reported as changed. */
  #quiet = false;
  /** The user layers drawn, by source id, and the zone kinds they stand in for (hidden in the thematic layers). */
  #userSources = new Set<string>();
  #standInKinds: string[] = [];

  constructor(container: HTMLElement, layers: LayerDefinition[], state: AtlasState, createMap: MapFactory = mapLibreMap(container)) {
    this.#layers = new Map(layers.map((layer) => [layer.id, layer]));
    this.#applied = state;
    const style = buildStyle(layers, state.layers, state.lang);
    this.map = createMap(withWarmUp(style, regionBounds), state.lang);
    // Until then the container shows the sea colour the map's first frames would draw.
    this.map.getCanvas().style.visibility = 'hidden';
    this.map.getContainer().style.background = backgroundColor;
    this.#overlay = new DeckOverlay(this.map);
    this.#loaded = new Promise((resolve) =>
      this.map.once('load', () => {
        endWarmUp(this.map, Object.keys(style.sources));
        this.#warmedUp = true;
        // In a task of its own: the data the app then sets would otherwise lengthen the frame that loaded the map.
        setTimeout(resolve);
      }),
    );
    this.map.on('mousemove', (event) => this.#hover(this.featuresAt(event.point)[0]));
    this.map.on('mouseout', () => this.#hover(undefined));
    // Hatch tiles are made in code (src/map/hatch.ts): no sprite sheet to load. At twice the CSS resolution, so a 2x
    // export's stripes stay sharp. Every tile the style names is added as soon as the style is in, before any data
    // tile is cut: one added only when a tile asks for it ('styleimagemissing') left the tiles cut meanwhile unhatched.
    const addHatch = (id: string) => {
      const hatch = parseHatchImageId(id);
      if (hatch && !this.map.hasImage(id)) this.map.addImage(id, hatchPixels(hatch.color, hatch.direction, 2), { pixelRatio: 2 });
    };
    this.map.once('style.load', () => hatchImageIds(style).forEach(addHatch));
    this.map.on('styleimagemissing', ({ id }: { id: string }) => addHatch(id));
  }

  /** Resolves once the style is loaded; data can be set before or after. */
  loaded(): Promise<void> {
    return this.#loaded;
  }

  /** Credits the open sources in one line, in the interface language, in the map's attribution control. */
  setAttribution(credits: string[]): void {
    setCredits(this.map, credits, this.#applied.lang);
  }

  setData(layerId: string, collection: FeatureCollection): void {
    (this.map.getSource(layerId) as GeoJSONSource | undefined)?.setData(collection);
    this.#collections.set(layerId, collection);
    this.#extents.delete(layerId);
    if (this.#layers.get(layerId)?.labelMinZoom !== undefined) {
      (this.map.getSource(labelSourceId(layerId)) as GeoJSONSource | undefined)?.setData(labelPoints(collection));
    }
  }

  /** Pushes the differences between the last applied state and this one. */
  apply(state: AtlasState): void {
    const before = this.#applied;
    this.#applied = state;
    for (const [id, layer] of Object.entries(state.layers)) {
      const previous = before.layers[id];
      const definition = this.#layers.get(id);
      if (!definition || JSON.stringify(previous) === JSON.stringify(layer)) continue;
      for (const spec of [...styleLayers(definition, layer), ...this.#labelLayers(definition, layer)]) {
        this.map.setLayoutProperty(spec.id, 'visibility', layer.visible ? 'visible' : 'none');
        this.map.setFilter(spec.id, this.#filter(definition, spec));
      }
      this.#pushOpacity(definition);
    }
    if (before.lang !== state.lang) {
      localiseControls(this.map, state.lang);
      this.map.setGlobalStateProperty('lang', state.lang);
    }
    if (JSON.stringify(before.selection) !== JSON.stringify(state.selection)) this.#select(before.selection, state.selection);
    if (!sameView(this.view(), state.view)) {
      this.map.jumpTo({ center: state.view.center, zoom: state.view.zoom, bearing: state.view.bearing, pitch: state.view.pitch });
    }
  }

  /** A labelled layer's names and marker blockers as `state` shows them; none for an unlabelled layer. */
  #labelLayers(definition: LayerDefinition, state: LayerState): LayerSpecification[] {
    if (definition.labelMinZoom === undefined) return [];
    const { names, markers } = labelLayersOf(definition, state, shownFilter(definition, state));
    return [names, markers];
  }

  view(): View {
    const center = this.map.getCenter();
    return {
      center: [round(center.lng, 6), round(center.lat, 6)],
      zoom: round(this.map.getZoom(), 4),
      bearing: round(this.map.getBearing(), 2),
      pitch: round(this.map.getPitch(), 2),
    };
  }

  /** Starts drawing a site and gives the map the keyboard; the draw tool loads with the first drawing, not with the atlas. */
  async startDrawing(kind: DrawKind, callbacks: DrawCallbacks): Promise<void> {
    const { DrawTool } = await import('./draw-tool.ts');
    this.#draw ??= new DrawTool(this.map);
    this.#draw.start(kind, callbacks);
    this.map.getCanvas().focus();
  }

  /**
   * Calls back with the features a click or tap landed on, smallest first: zones nest (a park inside a control
   * area inside a basin), and the smallest is the one the user most likely aimed at. Empty on bare map.
   */
  onFeatureClick(callback: (hits: Selection[]) => void): void {
    this.map.on('click', (event) => {
      if (this.#draw?.active || event.defaultPrevented) return;
      const hits = new Map<string, Selection>();
      for (const feature of this.featuresAt(event.point)) {
        if (feature.id === undefined) continue;
        const selection = { layer: feature.source, id: String(feature.id) };
        hits.set(`${selection.layer}/${selection.id}`, selection);
      }
      callback([...hits.values()].sort((a, b) => this.#extent(a) - this.#extent(b)));
    });
  }

  #extent({ layer, id }: Selection): number {
    let extents = this.#extents.get(layer);
    if (!extents) {
      extents = new Map(
        (this.#collections.get(layer)?.features ?? []).map((feature) => {
          const [west, south, east, north] = bbox(feature);
          return [String(feature.properties?.['id']), (east - west) * (north - south)];
        }),
      );
      this.#extents.set(layer, extents);
    }
    return extents.get(id) ?? Infinity;
  }

  /** Calls back after every camera move the user or the app made, with the new view. */
  onViewChange(callback: (view: View) => void): void {
    this.map.on('moveend', () => {
      if (!this.#quiet) callback(this.view());
    });
  }

  /** Resolves when the map has finished drawing everything it was asked to draw. */
  async idle(): Promise<void> {
    await this.#loaded;
    await this.#overlay.settled();
    await new Promise<void>((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** Tells deck.gl the size MapLibre's drawing buffer now has (a capture at another pixel ratio, src/map/capture.ts). */
  followDrawingBuffer(): Promise<void> {
    return this.#overlay.followDrawingBuffer();
  }

  /** Runs `work`, which moves the camera only to capture a frame, without reporting the view as changed. */
  async quietly<Result>(work: () => Promise<Result>): Promise<Result> {
    this.#quiet = true;
    try {
      return await work();
    } finally {
      this.#quiet = false;
    }
  }

  /**
   * Shows a screened site's zones coloured by verdict (their edges dashed where the layer dashes them) and the accuracy
   * band along each uncertain edge, above every thematic layer, and dims those layers; undefined takes it all away and
   * restores the layers.
   */
  setScreening(overlay: ScreeningOverlay | undefined): void {
    // The zones' layers load with the first screened site, not with the atlas (one import, so calls stay in order).
    this.#screeningLayers ??= import('./screening-layers.ts');
    void Promise.all([this.#loaded, this.#screeningLayers]).then(([, { screeningSource }]) => {
      const bands = (overlay?.bands ?? []).map((band) => ({ ...band, properties: { ...band.properties, band: true } }));
      screeningSource(this.map).setData({
        type: 'FeatureCollection',
        features: [...bands, ...(overlay?.zones ?? [])],
      });
      const dimmed = overlay !== undefined;
      if (dimmed !== this.#dimmed) {
        this.#dimmed = dimmed;
        for (const definition of this.#layers.values()) if (definition.properties) this.#pushOpacity(definition);
      }
    });
  }

  /**
   * Draws exactly these user layers (a layer's data never changes under its id, so one already drawn stays as it is)
   * and hides the thematic features of the zone kinds they stand in for, as screening leaves those out.
   */
  setUserLayers(layers: UserLayer[], standInKinds: string[]): void {
    void this.#loaded.then(() => {
      const wanted = new Set(layers.map((layer) => `user:${layer.id}`));
      for (const source of this.#userSources) {
        if (wanted.has(source)) continue;
        for (const id of [`${source}:fill`, `${source}:edge`]) if (this.map.getLayer(id)) this.map.removeLayer(id);
        this.map.removeSource(source);
        this.#userSources.delete(source);
      }
      for (const layer of layers) {
        const source = `user:${layer.id}`;
        if (this.#userSources.has(source)) continue;
        // Above the thematic and earlier user layers, below the screening overlay and the names.
        const beforeId = this.#aboveThematic();
        this.map.addSource(source, { type: 'geojson', data: layer.collection });
        this.map.addLayer(
          { id: `${source}:fill`, type: 'fill', source, paint: { 'fill-color': layer.colour, 'fill-opacity': 0.35 } },
          beforeId,
        );
        this.map.addLayer(
          { id: `${source}:edge`, type: 'line', source, paint: { 'line-color': layer.colour, 'line-width': 1.2 } },
          beforeId,
        );
        this.#userSources.add(source);
      }
      if (JSON.stringify(standInKinds) === JSON.stringify(this.#standInKinds)) return;
      this.#standInKinds = standInKinds;
      for (const definition of this.#layers.values()) {
        const state = this.#applied.layers[definition.id];
        if (!definition.properties || !state) continue;
        for (const spec of [...styleLayers(definition, state), ...this.#labelLayers(definition, state)]) {
          this.map.setFilter(spec.id, this.#filter(definition, spec));
        }
      }
    });
  }

  /** The first style layer above every thematic and user layer, if any: where the next user layer goes below. */
  #aboveThematic(): string | undefined {
    const ours = new Set(
      [...this.#layers.values()].flatMap((definition) =>
        styleLayers(definition, this.#applied.layers[definition.id]!).map((spec) => spec.id),
      ),
    );
    for (const source of this.#userSources) ours.add(`${source}:fill`).add(`${source}:edge`);
    const order = this.map.getLayersOrder();
    return order[order.findLastIndex((id) => ours.has(id)) + 1];
  }

  /** A style layer's filter (the legend's choices), less the features of the zone kinds a user layer stands in for. */
  #filter(definition: LayerDefinition, spec: LayerSpecification): FilterSpecification | null {
    const own = 'filter' in spec ? (spec.filter ?? null) : null;
    if (this.#standInKinds.length === 0 || !definition.properties) return own;
    const standIn: ExpressionSpecification = ['!', ['in', ['get', 'zone_kind'], ['literal', this.#standInKinds]]];
    return own ? ['all', own as ExpressionSpecification, standIn] : standIn;
  }

  /** A layer's opacities as its state sets them, faded while a site is screened. */
  #pushOpacity(definition: LayerDefinition): void {
    const state = this.#applied.layers[definition.id];
    if (!state) return;
    const fade = this.#dimmed && definition.properties !== undefined;
    for (const spec of styleLayers(definition, state)) {
      for (const [key, value] of Object.entries(spec.paint ?? {})) {
        if (!key.endsWith('opacity')) continue;
        this.map.setPaintProperty(
          spec.id,
          key as 'fill-opacity',
          fade ? (typeof value === 'number' ? value * dimFactor : ['*', dimFactor, value]) : value,
        );
      }
    }
  }

  /** deck.gl layers that other features (selection, screening) draw above the map; deck.gl loads with the first. */
  setOverlayLayer(id: string, layer: LayerRecipe | undefined): void {
    if (layer) this.#overlayLayers.set(id, layer);
    else this.#overlayLayers.delete(id);
    this.#overlay.setLayers([...this.#overlayLayers.values()]);
  }

  /**
   * Adds or removes a user-configured raster basemap; never on by default. It goes above the opaque land fills of
   * the base map and below everything else, so rivers, lakes and the thematic layers stay on top.
   */
  setOnlineBasemap(template: string | undefined, attribution = ''): void {
    if (this.map.getLayer(onlineBasemapId)) this.map.removeLayer(onlineBasemapId);
    if (this.map.getSource(onlineBasemapId)) this.map.removeSource(onlineBasemapId);
    if (!template) return;
    this.map.addSource(onlineBasemapId, { type: 'raster', tiles: [template], tileSize: 256, attribution });
    const definitions = [...this.#layers.values()];
    const above = definitions[definitions.findIndex((layer) => layer.id === 'base-region') + 1];
    const beforeId = above ? styleLayers(above, this.#applied.layers[above.id]!)[0]?.id : undefined;
    this.map.addLayer({ id: onlineBasemapId, type: 'raster', source: onlineBasemapId, paint: { 'raster-opacity': 0.85 } }, beforeId);
  }

  /**
   * The names the map shows (placed by MapLibre, not hidden by a collision) within a box of the screen, in CSS
   * pixels, or the whole map: each with its layer, its text and its anchor on the screen. `markers` gives the markers
   * the names keep off instead. What the browser tests check the placement with.
   */
  names(box?: [[number, number], [number, number]], kind: 'names' | 'markers' = 'names'): PlacedName[] {
    const suffix = kind === 'names' ? ':names' : ':marker-blocks';
    const layers = [...this.#layers.keys()].map((id) => `${id}${suffix}`).filter((id) => this.map.getLayer(id));
    const features = box ? this.map.queryRenderedFeatures(box, { layers }) : this.map.queryRenderedFeatures({ layers });
    return features.map((feature) => {
      const { x, y } = this.map.project((feature.geometry as Point).coordinates as [number, number]);
      return { layer: feature.source, text: String(feature.properties[`name_${this.#applied.lang}`]), anchor: [x, y] };
    });
  }

  /** Thematic style layers under the pointer, for hover and selection. */
  featuresAt(point: { x: number; y: number }): MapGeoJSONFeature[] {
    if (!this.#warmedUp) return [];
    return this.map.queryRenderedFeatures([point.x, point.y], { layers: this.#thematicStyleLayers() });
  }

  #thematicStyleLayers(): string[] {
    return [...this.#layers.values()]
      .filter((layer) => layer.properties && this.#applied.layers[layer.id]?.visible)
      .flatMap((layer) => styleLayers(layer, this.#applied.layers[layer.id]!).map((spec) => spec.id))
      .filter((id) => !id.includes(':edge'));
  }

  #hover(feature: MapGeoJSONFeature | undefined): void {
    if (this.#hovered) this.map.setFeatureState(this.#hovered, { hover: false });
    this.#hovered = feature?.id !== undefined ? { source: feature.source, id: feature.id } : undefined;
    if (this.#hovered) this.map.setFeatureState(this.#hovered, { hover: true });
    this.map.getCanvas().style.cursor = this.#hovered ? 'pointer' : '';
  }

  #select(previous: Selection | null, next: Selection | null): void {
    if (previous && this.map.getSource(previous.layer))
      this.map.setFeatureState({ source: previous.layer, id: previous.id }, { selected: false });
    if (next && this.map.getSource(next.layer)) this.map.setFeatureState({ source: next.layer, id: next.id }, { selected: true });
  }

  /** Moves the camera to show a box, e.g. a search result; resolves when the move ends. */
  async flyToBounds(bounds: [number, number, number, number]): Promise<void> {
    const ended = new Promise<void>((resolve) => this.map.once('moveend', () => resolve()));
    this.map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding: 60, maxZoom: 10, duration: 800 },
    );
    await ended;
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function sameView(a: View, b: View): boolean {
  return (
    Math.abs(a.center[0] - b.center[0]) < 1e-6 &&
    Math.abs(a.center[1] - b.center[1]) < 1e-6 &&
    Math.abs(a.zoom - b.zoom) < 1e-4 &&
    Math.abs(a.bearing - b.bearing) < 1e-2 &&
    Math.abs(a.pitch - b.pitch) < 1e-2
  );
}
