import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { SiteGeometry } from '../schema/geometry.ts';

export type DrawKind = 'point' | 'line' | 'polygon';
export interface DrawCallbacks {
  /** The vertices so far, after every change, for the preview. */
  change(vertices: [number, number][], kind: DrawKind): void;
  finish(geometry: SiteGeometry): void;
  cancel(): void;
}

const needed: Record<DrawKind, number> = { point: 1, line: 2, polygon: 3 };

/**
 * Draws a site with the mouse, a finger or the keyboard. Click or tap adds a vertex; with the map focused, Enter adds
 * one at the centre cross (arrow keys pan), Backspace removes the last, F or a double click finishes, Escape cancels.
 */
export class DrawTool {
  #kind: DrawKind | undefined;
  #vertices: [number, number][] = [];
  #callbacks: DrawCallbacks | undefined;

  constructor(private readonly map: MapLibreMap) {
    map.on('click', (event) => this.#click(event));
    map.on('dblclick', (event) => {
      if (!this.#kind) return;
      event.preventDefault();
      this.finish();
    });
    map.getCanvasContainer().addEventListener('keydown', (event) => this.#key(event));
  }

  get active(): boolean {
    return this.#kind !== undefined;
  }

  start(kind: DrawKind, callbacks: DrawCallbacks): void {
    this.#kind = kind;
    this.#vertices = [];
    this.#callbacks = callbacks;
    this.map.getContainer().classList.add('drawing');
    this.map.doubleClickZoom.disable();
    callbacks.change([], kind);
  }

  add(position: [number, number]): void {
    if (!this.#kind) return;
    this.#vertices.push([round(position[0]), round(position[1])]);
    this.#callbacks?.change([...this.#vertices], this.#kind);
    if (this.#kind === 'point') this.finish();
  }

  undo(): void {
    if (!this.#kind) return;
    this.#vertices.pop();
    this.#callbacks?.change([...this.#vertices], this.#kind);
  }

  /** Ends the drawing; a shape with too few vertices is left open so the user can add more. */
  finish(): void {
    const kind = this.#kind;
    if (!kind || this.#vertices.length < needed[kind]) return;
    const vertices = this.#vertices;
    const geometry: SiteGeometry =
      kind === 'point'
        ? { type: 'Point', coordinates: vertices[0]! }
        : kind === 'line'
          ? { type: 'LineString', coordinates: vertices }
          : { type: 'Polygon', coordinates: [[...vertices, vertices[0]!]] };
    const callbacks = this.#callbacks;
    this.#stop();
    callbacks?.finish(geometry);
  }

  cancel(): void {
    if (!this.#kind) return;
    const callbacks = this.#callbacks;
    this.#stop();
    callbacks?.cancel();
  }

  #stop(): void {
    this.#kind = undefined;
    this.#vertices = [];
    this.#callbacks = undefined;
    this.map.getContainer().classList.remove('drawing');
    this.map.doubleClickZoom.enable();
  }

  #click(event: MapMouseEvent): void {
    if (!this.#kind) return;
    // Marks the click as used, so the feature selection does not also take it.
    event.preventDefault();
    this.add([event.lngLat.lng, event.lngLat.lat]);
  }

  #key(event: KeyboardEvent): void {
    if (!this.#kind) return;
    if (event.key === 'Enter' || event.key === ' ') {
      const centre = this.map.getCenter();
      this.add([centre.lng, centre.lat]);
    } else if (event.key === 'Backspace') this.undo();
    else if (event.key === 'f' || event.key === 'F') this.finish();
    else if (event.key === 'Escape') this.cancel();
    else return;
    event.preventDefault();
  }
}

/** 1e-6 degrees (about 0.1 m): finer than any boundary here, and what links keep. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;
