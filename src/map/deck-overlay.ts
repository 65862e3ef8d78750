import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The deck.gl classes the atlas draws with, loaded together the first time a layer needs them. */
export type DeckLayers = typeof import('./deck-layers.ts');

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

  /** Resolves once the layers last asked for are handed to deck.gl (at once when none ever were). */
  async settled(): Promise<void> {
    await this.#loading;
  }
}
