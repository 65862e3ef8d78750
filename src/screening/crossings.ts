import { EdgeList, edgesInBox } from './edges-in-range.ts';
import { edgeEnd, type PackedRings } from './packed-rings.ts';

/** Below this fraction of an edge from its end, a crossing is too close to a vertex to order reliably. */
const vertexTolerance = 1e-9;

/**
 * Where a site's edges cross a zone's: for each crossing, the ring and position (edge index within the ring
 * plus the fraction along it) on both sides, and the point. `degenerate` is set when an edge touches a vertex
 * or runs along another edge; the overlap is then computed by exact clipping instead.
 */
export class Crossings {
  count = 0;
  degenerate = false;
  siteRing = new Uint32Array(64);
  siteKey = new Float64Array(64);
  zoneRing = new Uint32Array(64);
  zoneKey = new Float64Array(64);
  x = new Float64Array(64);
  y = new Float64Array(64);
  private readonly zoneEdges = new EdgeList();
  private readonly siteEdges = new EdgeList();

  /** Finds every crossing of the site's edges (inside its box) with zone rings ringFrom..ringTo-1. */
  find(site: PackedRings, siteBox: ArrayLike<number>, zone: PackedRings, ringFrom: number, ringTo: number): void {
    this.count = 0;
    this.degenerate = false;
    const [x0, y0, x1, y1] = [siteBox[0] as number, siteBox[1] as number, siteBox[2] as number, siteBox[3] as number];
    const siteRings = site.ringClosed.length;
    const zc = zone.coords;
    const sc = site.coords;
    for (let zoneRing = ringFrom; zoneRing < ringTo; zoneRing++) {
      edgesInBox(zone, zoneRing, x0, y0, x1, y1, this.zoneEdges);
      const zoneStart = zone.ringStart[zoneRing] as number;
      for (let n = 0; n < this.zoneEdges.length; n++) {
        const a = this.zoneEdges.items[n] as number;
        const b = edgeEnd(zone, zoneRing, a);
        const ax = zc[2 * a] as number;
        const ay = zc[2 * a + 1] as number;
        const bx = zc[2 * b] as number;
        const by = zc[2 * b + 1] as number;
        for (let siteRing = 0; siteRing < siteRings; siteRing++) {
          edgesInBox(site, siteRing, Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), this.siteEdges);
          const siteStart = site.ringStart[siteRing] as number;
          for (let m = 0; m < this.siteEdges.length; m++) {
            const c = this.siteEdges.items[m] as number;
            const d = edgeEnd(site, siteRing, c);
            const cx = sc[2 * c] as number;
            const cy = sc[2 * c + 1] as number;
            const rx = (sc[2 * d] as number) - cx;
            const ry = (sc[2 * d + 1] as number) - cy;
            const sx = bx - ax;
            const sy = by - ay;
            const denominator = rx * sy - ry * sx;
            const qx = ax - cx;
            const qy = ay - cy;
            const rr = rx * rx + ry * ry;
            if (denominator * denominator <= 1e-24 * rr * (sx * sx + sy * sy)) {
              // (Nearly) parallel: only collinear overlapping edges matter, and only exact clipping handles them.
              const offset = qx * ry - qy * rx;
              if (offset * offset <= 1e-24 * rr * (qx * qx + qy * qy + rr) && spansOverlap(cx, cy, cx + rx, cy + ry, ax, ay, bx, by)) {
                this.degenerate = true;
              }
              continue;
            }
            const t = (qx * sy - qy * sx) / denominator;
            const u = (qx * ry - qy * rx) / denominator;
            if (t < -vertexTolerance || t > 1 + vertexTolerance || u < -vertexTolerance || u > 1 + vertexTolerance) continue;
            // Kept, clamped, even when too close to a vertex: lines still split correctly there; polygons clip.
            if (t < vertexTolerance || t > 1 - vertexTolerance || u < vertexTolerance || u > 1 - vertexTolerance) this.degenerate = true;
            const along = Math.max(0, Math.min(t, 1 - 1e-15));
            const across = Math.max(0, Math.min(u, 1 - 1e-15));
            this.push(siteRing, c - siteStart + along, zoneRing, a - zoneStart + across, cx + along * rx, cy + along * ry);
          }
        }
      }
    }
  }

  private push(siteRing: number, siteKey: number, zoneRing: number, zoneKey: number, x: number, y: number): void {
    if (this.count === this.x.length) {
      const grow = <T extends Float64Array | Uint32Array>(array: T): T => {
        const grown = new (array.constructor as { new (length: number): T })(array.length * 2);
        grown.set(array as never);
        return grown;
      };
      this.siteRing = grow(this.siteRing);
      this.siteKey = grow(this.siteKey);
      this.zoneRing = grow(this.zoneRing);
      this.zoneKey = grow(this.zoneKey);
      this.x = grow(this.x);
      this.y = grow(this.y);
    }
    const n = this.count++;
    this.siteRing[n] = siteRing;
    this.siteKey[n] = siteKey;
    this.zoneRing[n] = zoneRing;
    this.zoneKey[n] = zoneKey;
    this.x[n] = x;
    this.y[n] = y;
  }
}

/** Whether two collinear segments share more than nothing. */
function spansOverlap(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const alongX = Math.abs(bx - ax) >= Math.abs(by - ay);
  const [a, b, c, d] = alongX ? [ax, bx, cx, dx] : [ay, by, cy, dy];
  return Math.max(Math.min(a, b), Math.min(c, d)) <= Math.min(Math.max(a, b), Math.max(c, d));
}
