import type { FeatureCollection } from 'geojson';
import type { ScreeningSeed } from '../schema/seed.ts';
import type { OfficialLayer } from './official-layer.ts';

/** What screening runs on once official layers are loaded, and which bundled features they stand in for. */
export interface OfficialScreeningInput {
  collections: Map<string, FeatureCollection>;
  seeds: ScreeningSeed[];
  /** Bundled layers that lost features to an official layer of the same kind, and how many. */
  replaced: { layer: string; zoneKind: string; features: number; by: string }[];
}

/**
 * The bundled datasets with the official layers added, each standing in for the bundled zones of its kind (the
 * official red line replaces the illustrative one, so a site is screened against the official outline alone), and
 * the documents with the entry lists' rules added. Pure: the atlas, the CLI and the tests all call it.
 */
export function withOfficialLayers(
  collections: ReadonlyMap<string, FeatureCollection>,
  seeds: readonly ScreeningSeed[],
  layers: readonly OfficialLayer[],
): OfficialScreeningInput {
  const kinds = new Map<string, string>();
  for (const layer of layers) {
    const kind = layer.collection.features[0]?.properties?.['zone_kind'];
    if (typeof kind === 'string') kinds.set(kind, layer.provenance.id);
  }
  const replaced: OfficialScreeningInput['replaced'] = [];
  const result = new Map<string, FeatureCollection>();
  for (const [id, collection] of collections) {
    const kept = collection.features.filter((feature) => !kinds.has(feature.properties?.['zone_kind']));
    for (const [zoneKind, by] of kinds) {
      const features = collection.features.filter((feature) => feature.properties?.['zone_kind'] === zoneKind).length;
      if (features > 0) replaced.push({ layer: id, zoneKind, features, by });
    }
    result.set(id, kept.length === collection.features.length ? collection : { ...collection, features: kept });
  }
  for (const layer of layers) result.set(layer.provenance.id, layer.collection);
  return { collections: result, seeds: [...seeds, ...layers.flatMap((layer) => (layer.seed ? [layer.seed] : []))], replaced };
}
