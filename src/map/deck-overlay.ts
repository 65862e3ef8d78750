import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The deck.gl classes the atlas draws with, loaded together the first time a layer needs them. */
export type DeckLayers = typeof import('./deck-layers.ts');

/** The part of MapLibreOverlay's private Deck (and luma.gl's public canvas context) that followDrawingBuffer needs. */
interface PrivateOverlay {
  // biome-ignore lint/style/useNamingConvention: MapLibreOverlay's own field name.
  _deck?: { device?: { canvasContext?: { setDrawingBufferSize(width: number, height: number): void } | null } | null };
}

/** Builds one deck.gl layer from the loaded classes; callers describe layers without loading deck.gl themselves. */
export type LayerRecipe = (deck: DeckLayers) => Layer;

/**
 * deck.gl inside MapLibre's own WebGL context (interleaved: one context, one canvas, no second set of shader
 * compiles), and deck.gl's code fetched only when the first layer is asked for, so it is not in the start chunk.
 */
export class DeckOverlay {
  #map: MapLibreMap;
  #loading: Promise<{ deck: DeckLayers; overlay: MapLibreOverlay }> | undefined;
  /** Counts requests, so a slow load cannot put back layers that a later call replaced. */
  #generation = 0;

  constructor(map: MapLibreMap) {
    this.#map = map;
  }

  /** Shows exactly these layers; an empty list before deck.gl was ever needed loads nothing. */
  setLayers(recipes: LayerRecipe[]): void {
    if (recipes.length === 0 && !this.#loading) return;
    const generation = ++this.#generation;
    this.#loading ??= import('./deck-layers.ts').then((deck) => {
      const overlay = new deck.MapLibreOverlay({ interleaved: true, layers: [] });
      this.#map.addControl(overlay);
      return { deck, overlay };
    });
    void this.#loading.then(({ deck, overlay }) => {
      if (generation === this.#generation) overlay.setProps({ layers: recipes.map((recipe) => recipe(deck)) });
    });
  }

  /**
   * Tells deck.gl the size MapLibre's drawing buffer now has. Interleaved, deck.gl learns of a new size only when the
   * canvas's box changes on screen, and MapLibre's `setPixelRatio` (a 2x export on a 1x screen) changes the buffer
   * alone: without this, deck.gl's layers land in the 1x corner of a 2x export (tests/e2e/labels.e2e.ts reads the
   * site's outline back from one). MapLibreOverlay does not expose its Deck, hence the private field.
   */
  async followDrawingBuffer(): Promise<void> {
    if (!this.#loading) return;
    const { overlay } = await this.#loading;
    const canvas = this.#map.getCanvas();
    (overlay as unknown as PrivateOverlay)._deck?.device?.canvasContext?.setDrawingBufferSize(canvas.width, canvas.height);
  }

  /** Resolves once the layers last asked for are handed to deck.gl (at once when none ever were). */
  async settled(): Promise<void> {
    await this.#loading;
  }
}
