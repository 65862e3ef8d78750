import { LazyGeodesic } from '../geodesy/short-line.ts';
import { accuracyAt, hasStretches, type LocalAccuracy } from './edge-accuracy.ts';
import { edgeNear, edgeWithinBand, type Closest } from './edge-distance.ts';
import { pointInRings } from './point-in-rings.ts';
import type { ZoneStore } from './zone-store.ts';

export const outsideZone = 0;
/** Outside the drawn edge, within the zone's accuracy of it. */
export const nearZone = 1;
export const insideZone = 2;

/**
 * Where a point lies against one zone, for the batch paths: inside, near or neither, with scratch space reused from
 * point to point. A zone whose accuracy varies along its edge (few: the region and Ordos) needs the nearest edge
 * point within its widest band, and the accuracy there; every other zone stops at the first edge within its band.
 */
export class PointContact {
  /** The last edge point an edge test found, for callers that test a band themselves. */
  readonly closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
  private readonly local: LocalAccuracy = { km: 0, stretch: -1 };
  private readonly geodesic = new LazyGeodesic();

  constructor(private readonly store: ZoneStore) {}

  /** insideZone, nearZone or outsideZone. */
  of(zone: number, x: number, y: number): number {
    const { rings, zoneRingStart, zoneAccuracyKm } = this.store;
    const ringFrom = zoneRingStart[zone] as number;
    const ringTo = zoneRingStart[zone + 1] as number;
    if (pointInRings(rings, ringFrom, ringTo, x, y)) return insideZone;
    const band = zoneAccuracyKm[zone] as number;
    if (!(band > 0)) return outsideZone;
    if (!hasStretches(this.store, zone)) return edgeWithinBand(rings, ringFrom, ringTo, x, y, band, this.closest) ? nearZone : outsideZone;
    const within =
      edgeNear(rings, ringFrom, ringTo, x, y, band, this.closest, this.geodesic) &&
      this.geodesic.atMost(accuracyAt(this.store, zone, this.closest.x, this.closest.y, this.local).km);
    return within ? nearZone : outsideZone;
  }
}
