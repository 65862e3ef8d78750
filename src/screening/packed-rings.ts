import { edgeTerm, sinAuthalic } from './ellipsoid.ts';
import { Growable } from './growable.ts';

/**
 * Rings held in typed arrays: 16 bytes of coordinates per vertex instead of ~75 as GeoJSON, and no objects for
 * the garbage collector to walk. Zones and sites share the layout, so every query works on either.
 */
export interface PackedRings {
  /** Longitude, latitude (degrees) of each vertex, ring after ring; a closed ring does not repeat its first. */
  coords: Float64Array;
  /** First vertex of each ring, plus one past the last ring: ring r spans ringStart[r] to ringStart[r + 1]. */
  ringStart: Uint32Array;
  /** 1 for a polygon ring, 0 for an open path (the parts of a line site). */
  ringClosed: Uint8Array;
  /** 1 for a hole. Outer rings are stored counter-clockwise and holes clockwise, whatever the input. */
  ringHole: Uint8Array;
  /** Sum of edgeTerm over the ring: twice its signed area in the equal-area plane. */
  ringTerm: Float64Array;
  /** edgeTerm summed over the edges of the ring before each vertex, so that any run of edges sums in O(1). */
  prefix: Float64Array;
  /** Y-band edge index of rings with bandThreshold edges or more: ring r's bands are
   * bandStart[ringBand[r] + k] (k < ringBandCount[r]) over latitudes ringYMin[r] + k / ringBandScale[r]. */
  ringBand: Int32Array;
  ringBandCount: Uint32Array;
  ringYMin: Float64Array;
  ringBandScale: Float64Array;
  bandStart: Uint32Array;
  /** Start vertex of each edge listed in each band (an edge spanning several bands is listed in each). */
  bandEdges: Uint32Array;
}

/** Below this many edges a plain loop over the ring is as fast as looking up a band. */
export const bandThreshold = 64;
/** Average edges a band is sized for: about as many as a point then tests. */
const edgesPerBand = 3;

export const ringEdgeCount = (rings: PackedRings, ring: number): number => {
  const vertices = (rings.ringStart[ring + 1] as number) - (rings.ringStart[ring] as number);
  return rings.ringClosed[ring] ? vertices : vertices - 1;
};

/** The vertex an edge ends at: the next one, or the ring's first for the closing edge. */
export const edgeEnd = (rings: PackedRings, ring: number, edge: number): number =>
  edge + 1 === rings.ringStart[ring + 1] ? (rings.ringStart[ring] as number) : edge + 1;

export class RingPacker {
  private readonly coords = new Growable(Float64Array, 1 << 16);
  private readonly prefix = new Growable(Float64Array, 1 << 15);
  private readonly ringStart = new Growable(Uint32Array);
  private readonly ringClosed = new Growable(Uint8Array);
  private readonly ringHole = new Growable(Uint8Array);
  private readonly ringTerm = new Growable(Float64Array);
  private readonly ringBand = new Growable(Int32Array);
  private readonly ringBandCount = new Growable(Uint32Array);
  private readonly ringYMin = new Growable(Float64Array);
  private readonly ringBandScale = new Growable(Float64Array);
  private readonly bandStart = new Growable(Uint32Array);
  private readonly bandEdges = new Growable(Uint32Array, 1 << 15);
  private scratch = new Float64Array(64);

  constructor() {
    this.ringStart.push(0);
    this.bandStart.push(0);
  }

  get ringCount(): number {
    return this.ringClosed.length;
  }

  ringTermOf(ring: number): number {
    return this.ringTerm.get(ring);
  }

  /**
   * Appends a ring given as x, y pairs (a closing vertex equal to the first is dropped, as are repeated
   * vertices); returns its index, or -1 when too few distinct vertices are left to make one.
   */
  addRing(xy: ArrayLike<number>, closed: boolean, hole = false): number {
    const count = this.dedupe(xy, closed);
    if (count < (closed ? 3 : 2)) return -1;
    const points = this.scratch;
    let reverse = false;
    if (closed) {
      let twiceArea = 0;
      for (let i = 0, j = count - 1; i < count; j = i++) {
        twiceArea += (points[2 * j] as number) * (points[2 * i + 1] as number) - (points[2 * i] as number) * (points[2 * j + 1] as number);
      }
      if (twiceArea === 0) return -1;
      reverse = hole ? twiceArea > 0 : twiceArea < 0;
    }
    const first = this.coords.length / 2;
    this.coords.reserve(this.coords.length + 2 * count);
    this.prefix.reserve(this.prefix.length + count);
    let sum = 0;
    let previousX = 0;
    let previousS = 0;
    for (let k = 0; k < count; k++) {
      const i = reverse ? count - 1 - k : k;
      const x = points[2 * i] as number;
      const y = points[2 * i + 1] as number;
      const s = sinAuthalic(y);
      if (k > 0) sum += edgeTerm(previousX, previousS, x, s);
      this.coords.push(x);
      this.coords.push(y);
      this.prefix.push(sum);
      previousX = x;
      previousS = s;
    }
    if (closed) sum += edgeTerm(previousX, previousS, this.coords.get(2 * first), sinAuthalic(this.coords.get(2 * first + 1)));
    const ring = this.ringCount;
    this.ringStart.push(first + count);
    this.ringClosed.push(closed ? 1 : 0);
    this.ringHole.push(hole ? 1 : 0);
    this.ringTerm.push(closed ? sum : 0);
    this.indexBands(first, count, closed);
    return ring;
  }

  finish(shared = false): PackedRings {
    return {
      coords: this.coords.finish(shared),
      ringStart: this.ringStart.finish(shared),
      ringClosed: this.ringClosed.finish(shared),
      ringHole: this.ringHole.finish(shared),
      ringTerm: this.ringTerm.finish(shared),
      prefix: this.prefix.finish(shared),
      ringBand: this.ringBand.finish(shared),
      ringBandCount: this.ringBandCount.finish(shared),
      ringYMin: this.ringYMin.finish(shared),
      ringBandScale: this.ringBandScale.finish(shared),
      bandStart: this.bandStart.finish(shared),
      bandEdges: this.bandEdges.finish(shared),
    };
  }

  /** Copies the distinct vertices into the scratch buffer; returns how many. */
  private dedupe(xy: ArrayLike<number>, closed: boolean): number {
    if (this.scratch.length < xy.length) this.scratch = new Float64Array(xy.length);
    const points = this.scratch;
    let count = 0;
    for (let i = 0; i + 1 < xy.length; i += 2) {
      const x = xy[i] as number;
      const y = xy[i + 1] as number;
      if (count > 0 && points[2 * count - 2] === x && points[2 * count - 1] === y) continue;
      points[2 * count] = x;
      points[2 * count + 1] = y;
      count++;
    }
    if (closed && count > 1 && points[0] === points[2 * count - 2] && points[1] === points[2 * count - 1]) count--;
    return count;
  }

  private indexBands(first: number, count: number, closed: boolean): void {
    const edges = closed ? count : count - 1;
    if (edges < bandThreshold) {
      this.ringBand.push(-1);
      this.ringBandCount.push(0);
      this.ringYMin.push(0);
      this.ringBandScale.push(0);
      return;
    }
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let v = first; v < first + count; v++) {
      const y = this.coords.get(2 * v + 1);
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
    const bands = Math.max(1, Math.ceil(edges / edgesPerBand));
    const scale = yMax > yMin ? bands / (yMax - yMin) : 0;
    const bandOf = (y: number) => Math.min(bands - 1, Math.floor((y - yMin) * scale));
    const counts = new Uint32Array(bands + 1);
    const span = (edge: number): [number, number] => {
      const a = this.coords.get(2 * (first + edge) + 1);
      const b = this.coords.get(2 * (first + ((edge + 1) % count)) + 1);
      return [bandOf(Math.min(a, b)), bandOf(Math.max(a, b))];
    };
    for (let edge = 0; edge < edges; edge++) {
      const [from, to] = span(edge);
      for (let k = from; k <= to; k++) counts[k + 1] = (counts[k + 1] as number) + 1;
    }
    const base = this.bandEdges.length;
    for (let k = 0; k < bands; k++) counts[k + 1] = (counts[k + 1] as number) + (counts[k] as number);
    this.ringBand.push(this.bandStart.length - 1);
    this.ringBandCount.push(bands);
    this.ringYMin.push(yMin);
    this.ringBandScale.push(scale);
    for (let k = 1; k <= bands; k++) this.bandStart.push(base + (counts[k] as number));
    this.bandEdges.reserve(base + (counts[bands] as number));
    const fill = counts.slice(0, bands);
    for (let edge = 0; edge < edges; edge++) {
      const [from, to] = span(edge);
      for (let k = from; k <= to; k++) {
        this.bandEdges.set(base + (fill[k] as number), first + edge);
        fill[k] = (fill[k] as number) + 1;
      }
    }
    this.bandEdges.length = base + (counts[bands] as number);
  }
}
