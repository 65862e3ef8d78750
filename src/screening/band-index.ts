import type { PackedRings } from './packed-rings.ts';

/** Edges a band is sized for: about as many as a point then tests. Small rings get one band. */
const edgesPerBand = 3;

export type BandIndex = Pick<PackedRings, 'ringIndex' | 'bandStart' | 'bandEdges' | 'bandCoords'>;

type Typed = Float64Array | Uint32Array;
type Constructor<T extends Typed> = { new (length: number): T; new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

/** An array of exactly `length` items, on shared memory when worker threads will read it. */
function allocate<T extends Typed>(type: Constructor<T>, length: number, shared: boolean): T {
  return shared ? new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT)) : new type(length);
}

/** Bands of a ring with this many vertices: a function of the count alone, so the band total is known first. */
const bandsOf = (vertices: number, closed: boolean) => Math.max(1, Math.ceil((closed ? vertices : vertices - 1) / edgesPerBand));

/**
 * The y-band edge index of every ring (PackedRings describes its layout), built once all rings are packed: the band
 * total comes from the ring sizes, one pass over the edges counts each band's listings, and a second fills them, so
 * every array is allocated once at its exact size (an index of millions of edges is built without doubling, copying
 * or a tuple per edge). Rings, bands and edges come in the order the per-ring index listed them.
 */
export function buildBandIndex(coords: Float64Array, ringStart: Uint32Array, ringClosed: Uint8Array, shared = false): BandIndex {
  const rings = ringClosed.length;
  let bandTotal = 0;
  for (let ring = 0; ring < rings; ring++) {
    bandTotal += bandsOf((ringStart[ring + 1] as number) - (ringStart[ring] as number), ringClosed[ring] === 1);
  }
  const ringIndex = allocate(Float64Array, 4 * rings, shared);
  const bandStart = allocate(Uint32Array, bandTotal + 1, shared);
  // Pass 1: each ring's latitude range and scale, and how many edges each band lists (in bandStart[band + 1]).
  let firstBand = 0;
  for (let ring = 0; ring < rings; ring++) {
    const first = ringStart[ring] as number;
    const count = (ringStart[ring + 1] as number) - first;
    const closed = ringClosed[ring] === 1;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let v = first; v < first + count; v++) {
      const y = coords[2 * v + 1] as number;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
    const bands = bandsOf(count, closed);
    const scale = yMax > yMin ? bands / (yMax - yMin) : 0;
    ringIndex[4 * ring] = yMin;
    ringIndex[4 * ring + 1] = scale;
    ringIndex[4 * ring + 2] = firstBand;
    ringIndex[4 * ring + 3] = bands;
    const edges = closed ? count : count - 1;
    for (let edge = 0; edge < edges; edge++) {
      const a = coords[2 * (first + edge) + 1] as number;
      const b = coords[2 * (first + ((edge + 1) % count)) + 1] as number;
      const from = Math.min(bands - 1, Math.floor((Math.min(a, b) - yMin) * scale));
      const to = Math.min(bands - 1, Math.floor((Math.max(a, b) - yMin) * scale));
      for (let k = firstBand + from; k <= firstBand + to; k++) bandStart[k + 1] = (bandStart[k + 1] as number) + 1;
    }
    firstBand += bands;
  }
  for (let band = 0; band < bandTotal; band++) bandStart[band + 1] = (bandStart[band + 1] as number) + (bandStart[band] as number);
  const listed = bandStart[bandTotal] as number;
  const bandEdges = allocate(Uint32Array, listed, shared);
  const bandCoords = allocate(Float64Array, 4 * listed, shared);
  // Pass 2: every edge into each band it spans, at the next free slot of that band.
  const next = bandStart.slice(0, bandTotal);
  for (let ring = 0; ring < rings; ring++) {
    const first = ringStart[ring] as number;
    const count = (ringStart[ring + 1] as number) - first;
    const edges = ringClosed[ring] === 1 ? count : count - 1;
    const yMin = ringIndex[4 * ring] as number;
    const scale = ringIndex[4 * ring + 1] as number;
    const base = ringIndex[4 * ring + 2] as number;
    const bands = ringIndex[4 * ring + 3] as number;
    eachEdge(coords, first, count, edges, (a, ax, ay, bx, by) => {
      const from = Math.min(bands - 1, Math.floor((Math.min(ay, by) - yMin) * scale));
      const to = Math.min(bands - 1, Math.floor((Math.max(ay, by) - yMin) * scale));
      for (let k = base + from; k <= base + to; k++) {
        const slot = next[k] as number;
        next[k] = slot + 1;
        bandEdges[slot] = a;
        bandCoords[4 * slot] = ax;
        bandCoords[4 * slot + 1] = ay;
        bandCoords[4 * slot + 2] = bx;
        bandCoords[4 * slot + 3] = by;
      }
    });
  }
  return { ringIndex, bandStart, bandEdges, bandCoords };
}

/** Calls `visit` with the start vertex and end points of each of the first `edges` edges of the ring of `count`
 * vertices from `first` (the last edge of a closed ring closes on its first vertex). */
export function eachEdge(
  coords: Float64Array,
  first: number,
  count: number,
  edges: number,
  visit: (a: number, ax: number, ay: number, bx: number, by: number) => void,
): void {
  for (let edge = 0; edge < edges; edge++) {
    const a = first + edge;
    const b = first + ((edge + 1) % count);
    visit(a, coords[2 * a] as number, coords[2 * a + 1] as number, coords[2 * b] as number, coords[2 * b + 1] as number);
  }
}
