import { EdgeList, edgesInBox } from './edges-in-range.ts';
import { edgeEnd, ringEdgeCount, type PackedRings } from './packed-rings.ts';

/**
 * Whether any two edges of the rings meet other than where consecutive edges share their vertex: a ring that
 * crosses itself, or rings (a hole and its outer ring, two parts of a multipolygon) that cross each other.
 * Two edges of a ring that meet share a y-band, so within a ring only the pairs of each band are tested;
 * across rings, each edge is tested against the other rings' edges inside its box.
 */
export function hasSelfIntersection(rings: PackedRings): boolean {
  const ringCount = rings.ringClosed.length;
  for (let ring = 0; ring < ringCount; ring++) if (crossesItself(rings, ring)) return true;
  const { coords } = rings;
  const found = new EdgeList();
  for (let ring = 0; ring < ringCount; ring++) {
    const start = rings.ringStart[ring] as number;
    for (let a = start; a < start + ringEdgeCount(rings, ring); a++) {
      const b = edgeEnd(rings, ring, a);
      const [ax, ay, bx, by] = [coords[2 * a], coords[2 * a + 1], coords[2 * b], coords[2 * b + 1]] as [number, number, number, number];
      for (let other = ring + 1; other < ringCount; other++) {
        edgesInBox(rings, other, Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), found);
        for (let n = 0; n < found.length; n++) {
          const c = found.items[n] as number;
          const d = edgeEnd(rings, other, c);
          if (
            segmentsMeet(
              ax,
              ay,
              bx,
              by,
              coords[2 * c] as number,
              coords[2 * c + 1] as number,
              coords[2 * d] as number,
              coords[2 * d + 1] as number,
            )
          )
            return true;
        }
      }
    }
  }
  return false;
}

function crossesItself(rings: PackedRings, ring: number): boolean {
  const { ringIndex, bandStart, bandEdges, bandCoords } = rings;
  const first = ringIndex[4 * ring + 2] as number;
  const bands = ringIndex[4 * ring + 3] as number;
  const start = rings.ringStart[ring] as number;
  const end = rings.ringStart[ring + 1] as number;
  const closed = rings.ringClosed[ring] === 1;
  // Edges are named by their start vertex; consecutive ones (and the closing edge with the first) share a vertex.
  const adjacent = (a: number, c: number) =>
    Math.abs(a - c) === 1 || (closed && ((a === start && c === end - 1) || (c === start && a === end - 1)));
  for (let k = 0; k < bands; k++) {
    const last = bandStart[first + k + 1] as number;
    for (let i = bandStart[first + k] as number; i < last; i++) {
      const a = bandEdges[i] as number;
      const p = 4 * i;
      for (let j = i + 1; j < last; j++) {
        const c = bandEdges[j] as number;
        if (a === c || adjacent(a, c)) continue;
        const q = 4 * j;
        if (
          segmentsMeet(
            bandCoords[p] as number,
            bandCoords[p + 1] as number,
            bandCoords[p + 2] as number,
            bandCoords[p + 3] as number,
            bandCoords[q] as number,
            bandCoords[q + 1] as number,
            bandCoords[q + 2] as number,
            bandCoords[q + 3] as number,
          )
        )
          return true;
      }
    }
  }
  return false;
}

const orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

const onSpan = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** Closed-segment intersection, touching included. */
function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
  const o1 = orientation(ax, ay, bx, by, cx, cy);
  const o2 = orientation(ax, ay, bx, by, dx, dy);
  const o3 = orientation(cx, cy, dx, dy, ax, ay);
  const o4 = orientation(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSpan(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && onSpan(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && onSpan(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && onSpan(cx, cy, dx, dy, bx, by))
  );
}
