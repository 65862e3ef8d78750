import { EdgeList, edgesInBox } from './edges-in-range.ts';
import { edgeEnd, ringEdgeCount, type PackedRings } from './packed-rings.ts';

/**
 * Whether any two edges of the rings meet other than where consecutive edges share their vertex: a ring that
 * crosses itself, or rings (a hole and its outer ring, two parts of a multipolygon) that cross each other.
 * Each edge is checked only against edges inside its box, through the band index.
 */
export function hasSelfIntersection(rings: PackedRings): boolean {
  const { coords } = rings;
  const ringCount = rings.ringClosed.length;
  const found = new EdgeList();
  for (let ring = 0; ring < ringCount; ring++) {
    const start = rings.ringStart[ring] as number;
    for (let a = start; a < start + ringEdgeCount(rings, ring); a++) {
      const b = edgeEnd(rings, ring, a);
      const ax = coords[2 * a] as number;
      const ay = coords[2 * a + 1] as number;
      const bx = coords[2 * b] as number;
      const by = coords[2 * b + 1] as number;
      for (let other = ring; other < ringCount; other++) {
        edgesInBox(rings, other, Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), found);
        for (let n = 0; n < found.length; n++) {
          const c = found.items[n] as number;
          if (other === ring && c <= a) continue;
          const d = edgeEnd(rings, other, c);
          if (other === ring && (c === b || d === a)) continue;
          if (segmentsMeet(ax, ay, bx, by, coords[2 * c] as number, coords[2 * c + 1] as number, coords[2 * d] as number, coords[2 * d + 1] as number)) {
            return true;
          }
        }
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
  const o1 = orientation(ax, ay, bx, by, cx, cy);
  const o2 = orientation(ax, ay, bx, by, dx, dy);
  const o3 = orientation(cx, cy, dx, dy, ax, ay);
  const o4 = orientation(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSpan(ax, ay, bx, by, cx, cy)) || (o2 === 0 && onSpan(ax, ay, bx, by, dx, dy))
    || (o3 === 0 && onSpan(cx, cy, dx, dy, ax, ay)) || (o4 === 0 && onSpan(cx, cy, dx, dy, bx, by));
}
