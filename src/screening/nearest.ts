import type { ContactFinder } from './contact.ts';
import type { Site } from './site.ts';
import type { ZoneInfo } from './zones.ts';
import type { ZoneStore } from './zone-store.ts';

/** Fewest km per degree in any direction up to 70° of latitude: turns a km bound into a box-distance bound. */
const leastKmPerDegree = 38;

export interface NearestZone {
  zone: number;
  km: number;
}

/**
 * For each zone kind (regions aside), the nearest zone passing `eligible`, by geodesic distance from the site.
 * flatbush orders zones by box distance; the nearest box gives an upper bound, and every zone within that
 * bound (converted to degrees conservatively) is then measured.
 */
export function nearestByKind(
  store: ZoneStore, zones: readonly ZoneInfo[], site: Site, finder: ContactFinder, eligible: (zone: number) => boolean,
): NearestZone[] {
  if (store.count === 0) return [];
  const [x0, y0, x1, y1] = site.box as unknown as [number, number, number, number];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const halfDiagonal = Math.hypot(x1 - x0, y1 - y0) / 2;
  const kinds = new Set(zones.map((zone) => zone.zoneKind).filter((kind) => kind !== 'region'));
  const found: NearestZone[] = [];
  for (const kind of kinds) {
    const ofKind = (zone: number) => zones[zone]?.zoneKind === kind && eligible(zone);
    const [first] = store.index.neighbors(cx, cy, 1, Infinity, ofKind);
    if (first === undefined) continue;
    let best: NearestZone = { zone: first, km: finder.edgeDistance(site, first) };
    for (const zone of store.index.neighbors(cx, cy, Infinity, best.km / leastKmPerDegree + halfDiagonal, ofKind)) {
      if (zone === first) continue;
      const km = finder.edgeDistance(site, zone);
      if (km < best.km) best = { zone, km };
    }
    found.push(best);
  }
  return found;
}
