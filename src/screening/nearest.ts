import Flatbush from 'flatbush';
import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import type { SiteDistance } from './site-distance.ts';
import type { Site } from './site.ts';
import type { ZoneInfo } from './zones.ts';
import type { ZoneStore } from './zone-store.ts';

export interface NearestZone {
  zone: number;
  km: number;
}

interface KindIndex {
  index: Flatbush;
  /** Zone number of each item of the index. */
  zones: Uint32Array;
}

/** Fewest km per degree, in any direction, at latitudes up to `latitude`: turns km bounds into degree bounds. */
const leastKmPerDegree = (latitude: number) => {
  const metric = kilometresPerDegree(Math.min(89, Math.abs(latitude)));
  return Math.min(metric.x, metric.y);
};

/**
 * For each zone kind (regions aside), the nearest zone that would restrict or prohibit a project type, by
 * geodesic distance from the site. Each (project type, kind) pair gets its own flatbush index of the zones'
 * boxes, built on first use; zones are then measured in order of box distance until the box distance alone
 * (converted to km conservatively) exceeds the best found.
 */
export class NearestFinder {
  private readonly indexes = new Map<Uint8Array, Map<string, KindIndex>>();

  constructor(
    private readonly store: ZoneStore,
    private readonly zones: readonly ZoneInfo[],
    private readonly distances: SiteDistance,
  ) {}

  /** `table`: verdict code per zone for the project type; zones at `least` or worse count, except `skip`. */
  find(site: Site, table: Uint8Array, least: number, skip: ReadonlySet<number>): NearestZone[] {
    const [x0, y0, x1, y1] = site.box as unknown as [number, number, number, number];
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const halfDiagonal = Math.hypot(x1 - x0, y1 - y0) / 2;
    const found: NearestZone[] = [];
    for (const { index, zones } of this.kindIndexes(table, least).values()) {
      const open = (item: number) => !skip.has(zones[item] as number);
      let best: NearestZone | undefined;
      for (const item of index.neighbors(cx, cy, 4, Infinity, open)) {
        const zone = zones[item] as number;
        if (best && this.boxGapKm(zone, site.box) >= best.km) continue;
        const km = this.distances.distance(site, zone, best?.km);
        if (km < (best?.km ?? Infinity)) best = { zone, km };
      }
      if (!best) continue;
      const kmPerDegree = leastKmPerDegree(Math.max(Math.abs(y0), Math.abs(y1)) + best.km / 110);
      for (const item of index.neighbors(cx, cy, Infinity, best.km / kmPerDegree + halfDiagonal, open)) {
        const zone = zones[item] as number;
        if ((this.centreGap(zone, cx, cy) - halfDiagonal) * kmPerDegree >= best.km) break;
        if (this.boxGapKm(zone, site.box) >= best.km) continue;
        const km = this.distances.distance(site, zone, best.km);
        if (km < best.km) best = { zone, km };
      }
      found.push(best);
    }
    return found;
  }

  /** Degrees from (cx, cy) to the zone's box: what flatbush orders neighbours by. */
  private centreGap(zone: number, cx: number, cy: number): number {
    const box = this.store.zoneBox;
    const dx = Math.max(0, (box[4 * zone] as number) - cx, cx - (box[4 * zone + 2] as number));
    const dy = Math.max(0, (box[4 * zone + 1] as number) - cy, cy - (box[4 * zone + 3] as number));
    return Math.hypot(dx, dy);
  }

  /** A lower bound on the km between the zone's box and the site's box. */
  private boxGapKm(zone: number, box: Float64Array): number {
    const zoneBox = this.store.zoneBox;
    const [zx0, zy0, zx1, zy1] = [zoneBox[4 * zone], zoneBox[4 * zone + 1], zoneBox[4 * zone + 2], zoneBox[4 * zone + 3]] as [
      number,
      number,
      number,
      number,
    ];
    const gapX = Math.max(0, zx0 - (box[2] as number), (box[0] as number) - zx1);
    const gapY = Math.max(0, zy0 - (box[3] as number), (box[1] as number) - zy1);
    return (
      Math.hypot(gapX, gapY) *
      leastKmPerDegree(Math.max(Math.abs(zy0), Math.abs(zy1), Math.abs(box[1] as number), Math.abs(box[3] as number)))
    );
  }

  private kindIndexes(table: Uint8Array, least: number): Map<string, KindIndex> {
    let byKind = this.indexes.get(table);
    if (byKind) return byKind;
    const members = new Map<string, number[]>();
    for (const zone of this.zones) {
      if (zone.zoneKind === 'region' || (table[zone.index] as number) < least) continue;
      const list = members.get(zone.zoneKind) ?? [];
      list.push(zone.index);
      members.set(zone.zoneKind, list);
    }
    byKind = new Map();
    const box = this.store.zoneBox;
    for (const [kind, list] of members) {
      const index = new Flatbush(list.length);
      for (const zone of list)
        index.add(box[4 * zone] as number, box[4 * zone + 1] as number, box[4 * zone + 2] as number, box[4 * zone + 3] as number);
      index.finish();
      byKind.set(kind, { index, zones: Uint32Array.from(list) });
    }
    this.indexes.set(table, byKind);
    return byKind;
  }
}
