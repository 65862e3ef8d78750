import { vertexTerms, type VertexTerms } from '../geodesy/ellipsoidal-area.ts';
import { geodesicEdgeTerm } from '../geodesy/ellipsoid.ts';
import { buildBandIndex } from './band-index.ts';
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
  /** Signed area of each polygon ring in m² (its edgeTerm sum; 0 for an open path). */
  ringTerm: Float64Array;
  /** edgeTerm summed over the edges of the ring before each vertex, so that any run of edges sums in O(1). */
  prefix: Float64Array;
  /**
   * Y-band edge index, one per ring, four numbers a ring: lowest latitude, bands per degree, first band (into
   * bandStart) and band count. Band k of ring r covers latitudes yMin + k / scale to yMin + (k + 1) / scale and
   * lists every edge whose latitude span meets it, in bandStart[first + k] to bandStart[first + k + 1].
   */
  ringIndex: Float64Array;
  bandStart: Uint32Array;
  /** Start vertex of each listed edge (an edge spanning several bands is listed in each). */
  bandEdges: Uint32Array;
  /** The listed edges' end points (x1, y1, x2, y2), stored again in band order: a point test then reads one
   * or two cache lines instead of chasing vertex indices across the ring. */
  bandCoords: Float64Array;
}

export const ringEdgeCount = (rings: PackedRings, ring: number): number => {
  const vertices = (rings.ringStart[ring + 1] as number) - (rings.ringStart[ring] as number);
  return rings.ringClosed[ring] ? vertices : vertices - 1;
};

/** The vertex an edge ends at: the next one, or the ring's first for the closing edge. */
export const edgeEnd = (rings: PackedRings, ring: number, edge: number): number =>
  edge + 1 === rings.ringStart[ring + 1] ? (rings.ringStart[ring] as number) : edge + 1;

export class RingPacker {
  private readonly coords: Growable<Float64Array>;
  private readonly prefix: Growable<Float64Array>;
  private readonly ringStart = new Growable(Uint32Array, 16);
  private readonly ringClosed = new Growable(Uint8Array, 16);
  private readonly ringHole = new Growable(Uint8Array, 16);
  private readonly ringTerm = new Growable(Float64Array, 16);
  private scratch = new Float64Array(64);
  private readonly termsA: VertexTerms = { tanBeta: 0, rate: 0, ordinate: 0 };
  private readonly termsB: VertexTerms = { tanBeta: 0, rate: 0, ordinate: 0 };

  /** `vertices`: how many to make room for at first (a site needs little, a zone set millions). */
  constructor(vertices = 1024) {
    this.coords = new Growable(Float64Array, 2 * vertices);
    this.prefix = new Growable(Float64Array, vertices);
    this.ringStart.push(0);
  }

  get ringCount(): number {
    return this.ringClosed.length;
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
      // A ring with no net area is kept as given: it is a bow tie, which site checks repair, or degenerate.
      reverse = hole ? twiceArea > 0 : twiceArea < 0;
    }
    const first = this.coords.length / 2;
    this.coords.reserve(this.coords.length + 2 * count);
    this.prefix.reserve(this.prefix.length + count);
    // Area terms of a polygon ring's edges, each vertex's terms worked out once and handed to the next edge.
    let sum = 0;
    let [previous, current] = [this.termsA, this.termsB];
    for (let k = 0; k < count; k++) {
      const i = reverse ? count - 1 - k : k;
      const x = points[2 * i] as number;
      const y = points[2 * i + 1] as number;
      if (closed) {
        vertexTerms(y, current);
        if (k > 0)
          sum += geodesicEdgeTerm(this.coords.get(2 * (first + k - 1)), this.coords.get(2 * (first + k - 1) + 1), previous, x, y, current);
        [previous, current] = [current, previous];
      }
      this.coords.push(x);
      this.coords.push(y);
      this.prefix.push(sum);
    }
    if (closed) {
      const x = this.coords.get(2 * first);
      const y = this.coords.get(2 * first + 1);
      sum += geodesicEdgeTerm(
        this.coords.get(2 * (first + count - 1)),
        this.coords.get(2 * (first + count - 1) + 1),
        previous,
        x,
        y,
        vertexTerms(y, current),
      );
    }
    const ring = this.ringCount;
    this.ringStart.push(first + count);
    this.ringClosed.push(closed ? 1 : 0);
    this.ringHole.push(hole ? 1 : 0);
    this.ringTerm.push(closed ? sum : 0);
    return ring;
  }

  /** The packed rings, with their band index built over all of them at once (band-index.ts). */
  finish(shared = false): PackedRings {
    const coords = this.coords.finish(shared);
    const ringStart = this.ringStart.finish(shared);
    const ringClosed = this.ringClosed.finish(shared);
    return {
      coords,
      ringStart,
      ringClosed,
      ringHole: this.ringHole.finish(shared),
      ringTerm: this.ringTerm.finish(shared),
      prefix: this.prefix.finish(shared),
      ...buildBandIndex(coords, ringStart, ringClosed, shared),
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
}
