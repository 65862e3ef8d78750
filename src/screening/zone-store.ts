import Flatbush from 'flatbush';
import type { EdgeAccuracy } from './edge-accuracy.ts';
import { Growable } from './growable.ts';
import { RingPacker, type PackedRings } from './packed-rings.ts';

/** Zones packed for screening: their rings, boxes and accuracy, with a flatbush index over the boxes
 * grown by each zone's accuracy, so that one search finds the zones a site is in or near. A zone whose accuracy
 * varies along its edge (edge-accuracy.ts) keeps its worst stretch in zoneAccuracyKm, the widest band to look in. */
export interface ZoneStore {
  rings: PackedRings;
  /** Zone z owns rings zoneRingStart[z] to zoneRingStart[z + 1]. */
  zoneRingStart: Uint32Array;
  /** minX, minY, maxX, maxY of each zone as drawn. */
  zoneBox: Float64Array;
  zoneAccuracyKm: Float64Array;
  /** Accuracy of the edge outside every stretch (= zoneAccuracyKm for a zone without stretches). */
  zoneElsewhereKm: Float64Array;
  /** Zone z owns stretches zoneStretchStart[z] to zoneStretchStart[z + 1]: minX, minY, maxX, maxY in stretchBox, km in stretchKm. */
  zoneStretchStart: Uint32Array;
  stretchBox: Float64Array;
  stretchKm: Float64Array;
  index: Flatbush;
  count: number;
}

/** A ring as x, y pairs; a polygon's first ring is its outer ring and the rest its holes. */
export interface RingInput {
  xy: ArrayLike<number>;
  hole: boolean;
}

/** Degrees of latitude per km, rounded up so that grown boxes err on the large side. */
const degreesPerKm = 1 / 110.5;

export class ZoneStoreBuilder {
  private readonly packer = new RingPacker(1 << 16);
  private readonly zoneRingStart = new Growable(Uint32Array);
  private readonly zoneBox = new Growable(Float64Array);
  private readonly zoneAccuracyKm = new Growable(Float64Array);
  private readonly zoneElsewhereKm = new Growable(Float64Array);
  private readonly zoneStretchStart = new Growable(Uint32Array);
  private readonly stretchBox = new Growable(Float64Array, 16);
  private readonly stretchKm = new Growable(Float64Array, 4);

  constructor() {
    this.zoneRingStart.push(0);
    this.zoneStretchStart.push(0);
  }

  get count(): number {
    return this.zoneAccuracyKm.length;
  }

  /** Adds one zone (all rings of all its polygons); returns its index, or -1 when no ring has an area. */
  addZone(rings: Iterable<RingInput>, accuracyKm: number, edgeAccuracy?: EdgeAccuracy): number {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let added = 0;
    for (const { xy, hole } of rings) {
      const ring = this.packer.addRing(xy, true, hole);
      if (ring < 0) continue;
      added++;
      for (let i = 0; i + 1 < xy.length; i += 2) {
        const x = xy[i] as number;
        const y = xy[i + 1] as number;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
    if (added === 0) return -1;
    this.zoneRingStart.push(this.packer.ringCount);
    for (const value of [minX, minY, maxX, maxY]) this.zoneBox.push(value);
    this.zoneAccuracyKm.push(accuracyKm);
    this.zoneElsewhereKm.push(edgeAccuracy?.elsewhereKm ?? accuracyKm);
    for (const stretch of edgeAccuracy?.stretches ?? []) {
      for (const value of stretch.box) this.stretchBox.push(value);
      this.stretchKm.push(stretch.km);
    }
    this.zoneStretchStart.push(this.stretchKm.length);
    return this.count - 1;
  }

  /** Packs everything; `shared` puts the arrays on SharedArrayBuffers for worker threads. */
  finish(shared = false): ZoneStore {
    const count = this.count;
    const zoneBox = this.zoneBox.finish(shared);
    const zoneAccuracyKm = this.zoneAccuracyKm.finish(shared);
    const index = new Flatbush(Math.max(1, count), 8, Float64Array, shared ? SharedArrayBuffer : ArrayBuffer);
    for (let zone = 0; zone < count; zone++) {
      const grow = zoneAccuracyKm[zone] as number;
      const dy = grow * degreesPerKm;
      const maxLatitude = Math.min(89, Math.max(Math.abs(zoneBox[4 * zone + 1] as number), Math.abs(zoneBox[4 * zone + 3] as number)) + dy);
      const dx = dy / Math.cos((maxLatitude * Math.PI) / 180);
      index.add(
        (zoneBox[4 * zone] as number) - dx,
        (zoneBox[4 * zone + 1] as number) - dy,
        (zoneBox[4 * zone + 2] as number) + dx,
        (zoneBox[4 * zone + 3] as number) + dy,
      );
    }
    if (count === 0) index.add(0, 0, 0, 0);
    index.finish();
    return {
      rings: this.packer.finish(shared),
      zoneRingStart: this.zoneRingStart.finish(shared),
      zoneBox,
      zoneAccuracyKm,
      zoneElsewhereKm: this.zoneElsewhereKm.finish(shared),
      zoneStretchStart: this.zoneStretchStart.finish(shared),
      stretchBox: this.stretchBox.finish(shared),
      stretchKm: this.stretchKm.finish(shared),
      index,
      count,
    };
  }
}

/** A store built with `shared`, as a worker thread receives it: the arrays over SharedArrayBuffers, the index as its buffer. */
export type SharedZoneStore = Omit<ZoneStore, 'index'> & { indexData: SharedArrayBuffer };

/** What to post to a worker thread so that it reads the zones in place (the store must have been built with `shared`). */
export function sharedZoneStore(store: ZoneStore): SharedZoneStore {
  const { index, ...arrays } = store;
  if (!(index.data instanceof SharedArrayBuffer)) throw new Error('the zone store must be built with shared: true to be read by workers');
  return { ...arrays, indexData: index.data };
}

/** A worker thread's view of a shared store: the same memory, the index rebuilt over its buffer. */
export function zoneStoreOfShared({ indexData, ...arrays }: SharedZoneStore): ZoneStore {
  return { ...arrays, index: Flatbush.from(indexData) };
}
