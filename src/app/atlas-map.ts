import type { Feature, FeatureCollection } from 'geojson';
import type { DrawCallbacks, DrawKind } from '../map/draw-tool.ts';
import type { ExportDecorations } from '../map/export-png.ts';
import type { LegendGroup } from '../map/legend-entries.ts';
import type { PlacedName, ScreeningOverlay, UserLayer } from '../map/map-controller.ts';
import type { AtlasState, Selection, View } from '../state/state.ts';
import type { Rgba } from './verdict-colours.ts';

/** An export's decorations, the legend asked for once the captured frame's bounds (west, south, east, north) are known. */
export type FramedDecorations = Omit<ExportDecorations, 'legend'> & { legend(bounds: [number, number, number, number]): LegendGroup[] };

/** Features drawn over the map with a bold edge (a site, the zones it hits, a ledger row's features). */
export interface Outline {
  features: Feature[];
  line: Rgba;
  fill?: Rgba;
}

/**
 * What the application layer asks of the map. src/app/map-port.ts answers it with the one MapController; unit
 * tests answer it with a fake, so the sessions run without a browser.
 */
export interface AtlasMap {
  loaded(): Promise<void>;
  /** Resolves once the map has drawn everything it was given. */
  idle(): Promise<void>;
  apply(state: AtlasState): void;
  view(): View;
  /** What the map shows now: west, south, east, north. */
  bounds(): [number, number, number, number];
  onViewChange(callback: (view: View) => void): void;
  /** The features under a click, the one most likely meant first. */
  onFeatureClick(callback: (hits: Selection[]) => void): void;
  setData(layerId: string, collection: FeatureCollection): void;
  setAttribution(attributions: string[]): void;
  setOnlineBasemap(template: string | undefined, attribution?: string): void;
  /** Draws (or, with undefined, removes) the outline of this id. */
  setOutline(id: string, outline: Outline | undefined): void;
  flyToBounds(bounds: [number, number, number, number]): Promise<void>;
  /** Starts drawing a site and gives the map the keyboard; rejects when the draw tool's code could not be loaded. */
  draw(kind: DrawKind, callbacks: DrawCallbacks): Promise<void>;
  /** Draws exactly these user (official) layers, hiding the thematic features of the zone kinds they stand in for. */
  setUserLayers(layers: UserLayer[], standInKinds: string[]): void;
  /** A screened site's zones by verdict, the accuracy bands of its uncertain edges, other layers dimmed; undefined clears. */
  setScreening(overlay: ScreeningOverlay | undefined): void;
  /**
   * The map as a PNG data URL with title, legend, scale bar, north arrow, attribution and date drawn in; framed on
   * `frame` (west, south, east, north) when given, whatever the live view shows, which stays as it was.
   */
  exportPng(scale: number, decorations: FramedDecorations, frame?: [number, number, number, number]): Promise<string>;
  resize(): void;
  /** The names shown in a box of the screen (CSS pixels), or on the whole map; with `markers`, the markers they keep off. */
  names(box?: [[number, number], [number, number]], kind?: 'names' | 'markers'): PlacedName[];
}
