import Flatbush from 'flatbush';

/** The nearest point found by SegmentIndex.nearest: its distance, the segment and the fraction along it. */
export interface SegmentHit {
  km: number;
  segment: number;
  t: number;
}

/**
 * Segments in a local km plane with a flatbush index over their boxes, for nearest-point queries between a site
 * and a zone: box distances in that plane are true lower bounds, so a query stops at the first box no nearer
 * than the best segment found.
 */
export class SegmentIndex {
  private readonly index: Flatbush;

  /** `segments`: x1, y1, x2, y2 per segment, in km. */
  constructor(readonly segments: Float64Array) {
    const count = segments.length / 4;
    this.index = new Flatbush(Math.max(1, count));
    for (let s = 0; s < count; s++) {
      const [x1, y1, x2, y2] = [segments[4 * s], segments[4 * s + 1], segments[4 * s + 2], segments[4 * s + 3]] as [
        number,
        number,
        number,
        number,
      ];
      this.index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }
    if (count === 0) this.index.add(Infinity, Infinity, Infinity, Infinity);
    this.index.finish();
  }

  /** Improves `hit` with the nearest segment to (x, y) closer than hit.km; returns whether it did. */
  nearest(x: number, y: number, hit: SegmentHit): boolean {
    const start = hit.km;
    const { segments } = this;
    // flatbush pops items in order of box distance and stops at the first the filter accepts: accept (stop) at
    // the first box that cannot beat the best, measuring every segment before it.
    this.index.neighbors(x, y, 1, start, (s) => {
      const x1 = segments[4 * s] as number;
      const y1 = segments[4 * s + 1] as number;
      const x2 = segments[4 * s + 2] as number;
      const y2 = segments[4 * s + 3] as number;
      const gapX = Math.max(0, Math.min(x1, x2) - x, x - Math.max(x1, x2));
      const gapY = Math.max(0, Math.min(y1, y2) - y, y - Math.max(y1, y2));
      if (gapX * gapX + gapY * gapY >= hit.km * hit.km) return true;
      const ex = x2 - x1;
      const ey = y2 - y1;
      const length2 = ex * ex + ey * ey;
      const t = length2 > 0 ? Math.max(0, Math.min(1, ((x - x1) * ex + (y - y1) * ey) / length2)) : 0;
      const km = Math.hypot(x - x1 - t * ex, y - y1 - t * ey);
      if (km < hit.km) Object.assign(hit, { km, segment: s, t });
      return false;
    });
    return hit.km < start;
  }
}
