import type { Feature, FeatureCollection, Position } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import { basisOf, type Basis } from './basis.ts';
import { edgeAccuracyOf, type EdgeAccuracy } from './edge-accuracy.ts';
import type { RingInput } from './zone-store.ts';

/** What a report says about a zone, and what rules match on. */
export interface ZoneInfo {
  index: number;
  id: string;
  layer: string;
  name: Bilingual;
  zoneKind: string;
  /** What the outline rests on (method and extent_undefined of the feature). */
  basis: Basis;
  /** The worst accuracy of its edge; where that error is local, edgeAccuracy says where and how good the rest is. */
  accuracyKm: number;
  edgeAccuracy?: EdgeAccuracy;
  bufferKm?: number;
  river?: string;
  /** For a river basin: the rivers (as rules name them) whose rules apply in it. */
  rivers?: string[];
}

/** A zone ready to pack: its facts and its rings. */
export interface ZoneSource {
  info: Omit<ZoneInfo, 'index'>;
  rings: RingInput[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const texts = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? value : undefined;

function ringsOf(feature: Feature): RingInput[] {
  const geometry = feature.geometry;
  const polygons: Position[][][] =
    geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.flatMap((polygon) => polygon.map((ring, n) => ({ xy: interleaved(ring), hole: n > 0 })));
}

/** A ring's x, y pairs in one array: no pair array per vertex, and no typed array (a buffer of its own) per ring. */
function interleaved(ring: Position[]): number[] {
  const xy: number[] = [];
  for (const position of ring) xy.push(position[0] as number, position[1] as number);
  return xy;
}

/**
 * The zones of the datasets: every polygon feature that declares a zone_kind, except aggregates (the red-line
 * network feature repeats all the others and would double every hit).
 */
export function* zonesOfCollections(collections: ReadonlyMap<string, FeatureCollection>): Generator<ZoneSource> {
  for (const [layer, collection] of collections) {
    for (const feature of collection.features) {
      const properties = feature.properties ?? {};
      const id = text(properties['id']);
      const zoneKind = text(properties['zone_kind']);
      if (!id || !zoneKind || properties['aggregate'] === true) continue;
      const rings = ringsOf(feature);
      if (rings.length === 0) continue;
      const bufferKm = number(properties['buffer_km']);
      const river = text(properties['river']);
      const rivers = texts(properties['rivers']);
      const edgeAccuracy = edgeAccuracyOf(properties);
      yield {
        info: {
          id,
          layer,
          zoneKind,
          name: {
            zh: text(properties['name_zh']) ?? text(properties['name_en']) ?? id,
            en: text(properties['name_en']) ?? text(properties['name_zh']) ?? id,
          },
          basis: basisOf(properties['method'], properties['extent_undefined']),
          accuracyKm: number(properties['accuracy_km']) ?? 0,
          ...(edgeAccuracy === undefined ? {} : { edgeAccuracy }),
          ...(bufferKm === undefined ? {} : { bufferKm }),
          ...(river === undefined ? {} : { river }),
          ...(rivers === undefined ? {} : { rivers }),
        },
        rings,
      };
    }
  }
}
