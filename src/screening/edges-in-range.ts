import type { PackedRings } from './packed-rings.ts';

/** A reusable list of edges (each named by its start vertex), so that queries allocate nothing per call. */
export class EdgeList {
  items = new Uint32Array(256);
  length = 0;

  push(edge: number): void {
    if (this.length === this.items.length) {
      const grown = new Uint32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = edge;
  }
}

/**
 * Fills `out` with the edges of one ring whose latitude span meets [y0, y1] and whose longitude span meets
 * [x0, x1], each once: only the bands over [y0, y1] are read, and an edge listed in several of them is kept in
 * the first of those only.
 */
export function edgesInBox(rings: PackedRings, ring: number, x0: number, y0: number, x1: number, y1: number, out: EdgeList): void {
  out.length = 0;
  const { ringIndex, bandStart, bandEdges, bandCoords } = rings;
  const meta = 4 * ring;
  const yMin = ringIndex[meta] as number;
  const scale = ringIndex[meta + 1] as number;
  const first = ringIndex[meta + 2] as number;
  const bands = ringIndex[meta + 3] as number;
  const from = Math.max(0, Math.min(bands - 1, Math.floor((y0 - yMin) * scale)));
  const to = Math.max(0, Math.min(bands - 1, Math.floor((y1 - yMin) * scale)));
  for (let k = from; k <= to; k++) {
    for (let slot = bandStart[first + k] as number, last = bandStart[first + k + 1] as number; slot < last; slot++) {
      const c = 4 * slot;
      const ay = bandCoords[c + 1] as number;
      const by = bandCoords[c + 3] as number;
      const low = ay < by ? ay : by;
      if ((ay < by ? by : ay) < y0 || low > y1) continue;
      // Listed in every band it spans: keep it only in the first band of this query that lists it.
      if (k > from && Math.floor((low - yMin) * scale) < k) continue;
      const ax = bandCoords[c] as number;
      const bx = bandCoords[c + 2] as number;
      if ((ax < bx ? bx : ax) < x0 || (ax < bx ? ax : bx) > x1) continue;
      out.push(bandEdges[slot] as number);
    }
  }
}
