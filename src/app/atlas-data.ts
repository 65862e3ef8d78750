import type { FeatureCollection } from 'geojson';
import type { LayerDefinition } from '../../layers/layer-definition.ts';
import type { DatasetEntry, Manifest } from '../schema/manifest.ts';
import type { Seed } from '../schema/seed.ts';
import type { Screener } from '../screening/screener.ts';
import { IncompleteDataError, missingForScreening, type MissingData } from './incomplete-data.ts';
import { openSources } from '../i18n/credits.ts';

/**
 * Where the data comes from: the atlas fetches the served files, the CLI and the tests read them from disk. Each
 * loader checks what it reads (zod for the manifest and seeds; checksum, feature count and layer schema for a dataset).
 */
export interface DataLoader {
  manifest(): Promise<Manifest>;
  dataset(entry: DatasetEntry, layer: LayerDefinition): Promise<FeatureCollection>;
  seeds(): Promise<readonly Seed[]>;
}

export interface AtlasDataOptions {
  /** The layers to load, each from the manifest's dataset of the same id. */
  layers: readonly LayerDefinition[];
  /** Called as each dataset arrives, so a map can draw it before the others are in. */
  onDataset?(layer: LayerDefinition, collection: FeatureCollection): void | Promise<void>;
  /** Collections screened beside the loaded ones (the CLI's `--zones` file), by id. */
  extraCollections?: ReadonlyMap<string, FeatureCollection>;
}

/** Why a piece of the data is missing: the manifest (`layerId` undefined) or one layer's dataset. */
export interface DataFailure {
  layerId?: string;
  message: string;
}

/** The loaded data both front ends share: what the map draws, what the engines read, what reports quote. */
export interface AtlasData {
  readonly manifest: Manifest | undefined;
  /** The manifest's version, quoted in links and reports; "unknown" when the manifest could not be read. */
  readonly dataVersion: string;
  /** Each dataset's attribution once, in manifest order. */
  readonly attributions: string[];
  /** The open sources under every layer, short enough for one line (src/i18n/credits.ts). */
  readonly credits: string[];
  readonly collections: ReadonlyMap<string, FeatureCollection>;
  readonly failures: readonly DataFailure[];
  /** What the screening needs and lacks (manifest, zone layers); while any, screener() rejects: no verdict, never clear. */
  readonly missing: readonly MissingData[];
  /** The screening engine over these collections and the seeds, built on first use. */
  screener(): Promise<Screener>;
}

/**
 * Loads the manifest and every layer's dataset. A dataset that fails is listed in `failures` and the rest load: the
 * map keeps working without it, but the screening refuses to run when it lacks a zone layer or the manifest.
 */
export async function createAtlasData(loader: DataLoader, options: AtlasDataOptions): Promise<AtlasData> {
  const failures: DataFailure[] = [];
  const collections = new Map<string, FeatureCollection>();
  const manifest = await loader.manifest().catch((error: Error) => {
    failures.push({ message: error.message });
    return undefined;
  });
  if (manifest) {
    await Promise.all(
      options.layers.map(async (layer) => {
        const entry = manifest.datasets.find((dataset) => dataset.id === layer.id);
        try {
          if (!entry) throw new Error(`${layer.title.en}: no dataset in the manifest`);
          const collection = await loader.dataset(entry, layer);
          collections.set(layer.id, collection);
          await options.onDataset?.(layer, collection);
        } catch (error) {
          failures.push({ layerId: layer.id, message: (error as Error).message });
        }
      }),
    );
  }
  for (const [id, collection] of options.extraCollections ?? []) collections.set(id, collection);
  const dataVersion = manifest?.version ?? 'unknown';
  const missing = missingForScreening(options.layers, failures);
  let screener: Promise<Screener> | undefined;
  return {
    manifest,
    dataVersion,
    collections,
    failures,
    missing,
    attributions: [...new Set(manifest?.datasets.map((dataset) => dataset.provenance.attribution) ?? [])],
    credits: openSources(manifest),
    screener() {
      if (missing.length > 0) return Promise.reject(new IncompleteDataError(missing));
      // Loaded on first use: the atlas's start bundle carries neither the engine nor the seeds.
      screener ??= Promise.all([import('../screening/screener.ts'), loader.seeds()]).then(([{ createScreener }, seeds]) =>
        createScreener({ collections, seeds, dataVersion }),
      );
      return screener;
    },
  };
}
