/**
 * The screen command's atlas zones packed once and kept between runs (beside the command's bundle, with the grids of
 * grid-cache.ts), in a file named by a hash of the manifest's and the zone datasets' bytes: a run that finds it reads
 * neither the datasets' features nor packs their rings. On one point, reading and checking the datasets took 22-28 ms
 * and building the screener over them 75-90 ms (timed inside the command, three runs), of which a profile put all but
 * 1.4 ms in reading the features' rings and packing them; with the file the run took 0.19 s instead of 0.27 (12
 * alternate pairs). Runs with a user's own zones or an official layer pack theirs as before.
 *
 * Like the grids' file it is node:v8's serialization, checked with zod and against itself when read (every array of
 * the length the others give it, the ring and zone lists in order); a file that fails is ignored and replaced, and
 * one that cannot be written costs the next run its packing, nothing more.
 */
import { join } from 'node:path';
import Flatbush from 'flatbush';
import { bilingualSchema } from '../schema/bilingual.ts';
import { z } from '../schema/zod-mini.ts';
import { basisSchema } from '../screening/basis.ts';
import type { ZoneStore } from '../screening/zone-store.ts';
import type { ZoneInfo } from '../screening/zones.ts';
import { keepFile, offsetsInOrder, readKept } from './kept-file.ts';

/** Bumped when the file's layout changes. */
const layout = 1;

/** Zone sets whose files a folder keeps (the atlas's, and those of data rebuilt meanwhile), the most recently written. */
const keptFiles = 4;

const count = z.int().check(z.nonnegative());
const finite = z.number().check(z.refine(Number.isFinite));
const zoneSchema = z.object({
  index: count,
  id: z.string(),
  layer: z.string(),
  name: bilingualSchema,
  zoneKind: z.string(),
  basis: basisSchema,
  accuracyKm: finite,
  edgeAccuracy: z.optional(
    z.object({
      elsewhereKm: finite,
      stretches: z.array(z.object({ box: z.tuple([finite, finite, finite, finite]), km: finite, edge: bilingualSchema })),
    }),
  ),
  bufferKm: z.optional(finite),
  river: z.optional(z.string()),
  rivers: z.optional(z.array(z.string())),
});
const storeSchema = z.object({
  coords: z.instanceof(Float64Array),
  ringStart: z.instanceof(Uint32Array),
  ringClosed: z.instanceof(Uint8Array),
  ringHole: z.instanceof(Uint8Array),
  ringTerm: z.instanceof(Float64Array),
  prefix: z.instanceof(Float64Array),
  ringIndex: z.instanceof(Float64Array),
  bandStart: z.instanceof(Uint32Array),
  bandEdges: z.instanceof(Uint32Array),
  bandCoords: z.instanceof(Float64Array),
  zoneRingStart: z.instanceof(Uint32Array),
  zoneBox: z.instanceof(Float64Array),
  zoneAccuracyKm: z.instanceof(Float64Array),
  zoneElsewhereKm: z.instanceof(Float64Array),
  zoneStretchStart: z.instanceof(Uint32Array),
  stretchBox: z.instanceof(Float64Array),
  stretchKm: z.instanceof(Float64Array),
  indexData: z.instanceof(ArrayBuffer),
  count,
});
const fileSchema = z.object({ layout: z.literal(layout), store: storeSchema, zones: z.array(zoneSchema) });
type KeptStore = z.infer<typeof storeSchema>;

/** Zones packed: the store a screener searches and the facts of each zone, by its index in the store. */
export interface PackedZones {
  store: ZoneStore;
  zones: readonly ZoneInfo[];
}

/** Throws unless every array has the length the others give it and every list of offsets is in order. */
function checkStore(store: KeptStore): void {
  const rings = store.ringClosed.length;
  const vertices = store.coords.length / 2;
  const bands = store.bandStart.length - 1;
  const stretches = store.stretchKm.length;
  const lengths: [number, number][] = [
    [store.ringStart.length, rings + 1],
    [store.ringHole.length, rings],
    [store.ringTerm.length, rings],
    [store.prefix.length, vertices],
    [store.ringIndex.length, 4 * rings],
    [store.bandCoords.length, 4 * store.bandEdges.length],
    [store.zoneRingStart.length, store.count + 1],
    [store.zoneBox.length, 4 * store.count],
    [store.zoneAccuracyKm.length, store.count],
    [store.zoneElsewhereKm.length, store.count],
    [store.zoneStretchStart.length, store.count + 1],
    [store.stretchBox.length, 4 * stretches],
  ];
  const bandsListed = Array.from(
    { length: rings },
    (_, ring) => (store.ringIndex[4 * ring + 2] as number) + (store.ringIndex[4 * ring + 3] as number),
  );
  if (
    lengths.some(([length, expected]) => length !== expected) ||
    !Number.isInteger(vertices) ||
    bands < 0 ||
    !offsetsInOrder(store.ringStart, vertices, true) ||
    !offsetsInOrder(store.bandStart, store.bandEdges.length, true) ||
    !offsetsInOrder(store.zoneRingStart, rings, true) ||
    !offsetsInOrder(store.zoneStretchStart, stretches, true) ||
    bandsListed.some((end) => !(end <= bands)) ||
    store.bandEdges.some((vertex) => vertex >= vertices)
  ) {
    throw new Error('a zone store whose arrays do not match');
  }
}

/** The store of a file, on SharedArrayBuffers where worker threads will read it (ZoneStoreBuilder.finish's `shared`). */
function storeOf({ indexData, count, ...arrays }: KeptStore, shared: boolean): ZoneStore {
  const own = <T extends Float64Array | Uint32Array | Uint8Array>(array: T): T => {
    if (!shared) return array;
    const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
    copy.set(array);
    return copy;
  };
  const index = Flatbush.from(shared ? own(new Uint8Array(indexData)).buffer : indexData);
  if (index.numItems !== Math.max(1, count)) throw new Error('a zone index of the wrong size');
  const { zoneRingStart, zoneBox, zoneAccuracyKm, zoneElsewhereKm, zoneStretchStart, stretchBox, stretchKm } = arrays;
  const { coords, ringStart, ringClosed, ringHole, ringTerm, prefix, ringIndex, bandStart, bandEdges, bandCoords } = arrays;
  return {
    rings: {
      coords: own(coords),
      ringStart: own(ringStart),
      ringClosed: own(ringClosed),
      ringHole: own(ringHole),
      ringTerm: own(ringTerm),
      prefix: own(prefix),
      ringIndex: own(ringIndex),
      bandStart: own(bandStart),
      bandEdges: own(bandEdges),
      bandCoords: own(bandCoords),
    },
    zoneRingStart: own(zoneRingStart),
    zoneBox: own(zoneBox),
    zoneAccuracyKm: own(zoneAccuracyKm),
    zoneElsewhereKm: own(zoneElsewhereKm),
    zoneStretchStart: own(zoneStretchStart),
    stretchBox: own(stretchBox),
    stretchKm: own(stretchKm),
    index,
    count,
  };
}

/** A zone's facts as the packing gave them: optional facts absent, not undefined, as zonesOfCollections leaves them. */
function zoneOf(zone: z.infer<typeof zoneSchema>, count: number): ZoneInfo {
  if (zone.index >= count) throw new Error(`zone ${zone.index} of ${count}`);
  return Object.fromEntries(Object.entries(zone).filter(([, value]) => value !== undefined)) as unknown as ZoneInfo;
}

/** A copy of an array on an ArrayBuffer of its own, which node:v8 serializes (it refuses a SharedArrayBuffer). */
const plain = (array: Float64Array | Uint32Array | Uint8Array) => array.slice();

/** The zones packed from the datasets whose bytes hash to a key, and the means to keep them. */
export class ZoneCache {
  private readonly file: string;
  /** What the file held, undefined where there was none or it failed its check. */
  readonly loaded: PackedZones | undefined;

  /** `key`: a hash of the zone datasets' bytes (node-loader.ts datasetsKey); `shared`: as the screener's store. */
  constructor(folder: string, key: string, shared: boolean) {
    this.file = join(folder, `${key}.zones`);
    this.loaded = readZones(this.file, shared);
  }

  /** Writes the zones a screener packed, where no file held them. */
  keep({ store, zones }: PackedZones): void {
    if (this.loaded) return;
    const { rings, index, count, ...zoneArrays } = store;
    const arrays = Object.entries({ ...rings, ...zoneArrays }).map(([name, array]) => [name, plain(array)]);
    const indexData = index.data instanceof ArrayBuffer ? index.data : new Uint8Array(index.data).slice().buffer;
    const kept = { ...Object.fromEntries(arrays), indexData, count };
    keepFile(this.file, { layout, store: kept, zones }, keptFiles);
  }
}

/** The zones of a file, or undefined where there is none or it fails its check. */
function readZones(file: string, shared: boolean): PackedZones | undefined {
  return readKept(file, (value) => {
    const parsed = fileSchema.parse(value);
    checkStore(parsed.store);
    return { store: storeOf(parsed.store, shared), zones: parsed.zones.map((zone) => zoneOf(zone, parsed.store.count)) };
  });
}
