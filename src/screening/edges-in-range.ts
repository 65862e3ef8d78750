import { edgeEnd, ringEdgeCount, type PackedRings } from './packed-rings.ts';

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
 * [x0, x1], each once. With a band index only the bands over [y0, y1] are read; an edge listed in several of
 * them is kept in the first of those only.
 */
export function edgesInBox(rings: PackedRings, ring: number, x0: number, y0: number, x1: number, y1: number, out: EdgeList): void {
  out.length = 0;
  const { coords } = rings;
  const keep = (edge: number): boolean => {
    const end = edgeEnd(rings, ring, edge);
    const ax = coords[2 * edge] as number;
    const bx = coords[2 * end] as number;
    return (ax < bx ? bx >= x0 && ax <= x1 : ax >= x0 && bx <= x1);
  };
  const band = rings.ringBand[ring] as number;
  if (band < 0) {
    const start = rings.ringStart[ring] as number;
    const edges = ringEdgeCount(rings, ring);
    for (let edge = start; edge < start + edges; edge++) {
      const ay = coords[2 * edge + 1] as number;
      const by = coords[2 * edgeEnd(rings, ring, edge) + 1] as number;
      if ((ay < by ? by >= y0 && ay <= y1 : ay >= y0 && by <= y1) && keep(edge)) out.push(edge);
    }
    return;
  }
  const yMin = rings.ringYMin[ring] as number;
  const scale = rings.ringBandScale[ring] as number;
  const bands = rings.ringBandCount[ring] as number;
  const bandOf = (y: number) => Math.max(0, Math.min(bands - 1, Math.floor((y - yMin) * scale)));
  const from = bandOf(y0);
  const to = bandOf(y1);
  if (y1 < yMin || (scale > 0 && y0 > yMin + bands / scale)) return;
  const { bandStart, bandEdges } = rings;
  for (let k = from; k <= to; k++) {
    for (let slot = bandStart[band + k] as number, last = bandStart[band + k + 1] as number; slot < last; slot++) {
      const edge = bandEdges[slot] as number;
      const ay = coords[2 * edge + 1] as number;
      const by = coords[2 * edgeEnd(rings, ring, edge) + 1] as number;
      const low = ay < by ? ay : by;
      const high = ay < by ? by : ay;
      if (high < y0 || low > y1) continue;
      if (Math.max(from, bandOf(low)) !== k) continue;
      if (keep(edge)) out.push(edge);
    }
  }
}
