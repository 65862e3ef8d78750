import type { Feature, FeatureCollection } from 'geojson';
import { indexEntries, type SearchEntry } from '../search/search.ts';
import type { Selection } from '../state/state.ts';
import type { Store } from '../state/store.ts';
import type { AtlasMap } from './atlas-map.ts';

const featureKey = ({ layer, id }: Selection) => `${layer}/${id}`;

/** The thematic features by layer and id, what search finds, and the feature the user opened. */
export class SelectionSession {
  searchEntries: SearchEntry[] = [];
  /** The other features under the last click, so overlapping zones stay reachable. */
  alsoHere: Selection[] = [];
  #features = new Map<string, Feature>();

  constructor(
    private readonly store: Store,
    private readonly map: () => AtlasMap | undefined,
  ) {}

  /** Indexes a thematic layer's features for the feature card and the search box. */
  add(layerId: string, collection: FeatureCollection): void {
    for (const feature of collection.features) {
      this.#features.set(featureKey({ layer: layerId, id: String(feature.properties?.['id']) }), feature);
    }
    this.searchEntries = [...this.searchEntries, ...indexEntries(layerId, collection)];
  }

  feature(selection: Selection): Feature | undefined {
    return this.#features.get(featureKey(selection));
  }

  select(selection: Selection | null): void {
    this.store.update((state) => ({ ...state, selection }));
  }

  /** A click on the map: the first feature opens, the others are listed beside it. */
  click(hits: Selection[]): void {
    this.alsoHere = hits.slice(1);
    this.select(hits[0] ?? null);
  }

  /** Opens another feature under the same click; the one it replaces joins the list. */
  switchTo(hit: Selection): void {
    const current = this.store.state.selection;
    this.alsoHere = [...this.alsoHere.filter((other) => other !== hit), ...(current ? [current] : [])];
    this.select(hit);
  }

  /** A search result: show its layer, fly to it and open its panel. */
  async pick(entry: SearchEntry): Promise<void> {
    this.alsoHere = [];
    this.store.update((state) => {
      const layer = state.layers[entry.layer];
      const layers = layer && !layer.visible ? { ...state.layers, [entry.layer]: { ...layer, visible: true } } : state.layers;
      return { ...state, layers, selection: { layer: entry.layer, id: entry.id } };
    });
    await this.map()?.flyToBounds(entry.bbox);
  }
}
