import { edgeWithinBand, type Closest } from './edge-distance.ts';
import { Growable } from './growable.ts';
import { hilbertOrder } from './hilbert-order.ts';
import { ScreeningInputError } from './input-error.ts';
import { pointInRings } from './point-in-rings.ts';
import { verdictCode } from './verdict.ts';
import type { ZoneStore } from './zone-store.ts';

/** Verdict codes (see verdicts) per point, and the zones each point is in or near: hitZones[hitStart[i] ..
 * hitStart[i + 1]] for point i, in input order. */
export interface PointVerdicts {
  verdicts: Uint8Array;
  hitStart: Uint32Array;
  hitZones: Uint32Array;
}

/** What the batch needs to know besides the zones: verdict per zone for the project type, and the region
 * outside which the documents do not apply (-1: none loaded, so they apply everywhere). */
export interface BatchContext {
  store: ZoneStore;
  table: Uint8Array;
  regionZone: number;
}

/** Throws ScreeningInputError at the first point with a coordinate out of range. */
export function checkPoints(lonLat: Float64Array): void {
  if (lonLat.length % 2 !== 0) throw new ScreeningInputError('points must be longitude, latitude pairs');
  for (let i = 0; i < lonLat.length; i += 2) {
    const x = lonLat[i] as number;
    const y = lonLat[i + 1] as number;
    if (!(x >= -180 && x <= 180)) throw new ScreeningInputError(`point ${i / 2 + 1}: longitude ${x} is out of range [-180, 180]`);
    if (!(y >= -90 && y <= 90)) throw new ScreeningInputError(`point ${i / 2 + 1}: latitude ${y} is out of range [-90, 90]`);
  }
}

const review = verdictCode('review');

/**
 * Screens points[from..to) in Hilbert order and returns their verdicts and hits in input order. The same
 * tests as screen() for a point: inside by ray casting, near by the zone's accuracy band (zones with a rule
 * only), nothing outside the region.
 */
export function screenPointRange({ store, table, regionZone }: BatchContext, lonLat: Float64Array): PointVerdicts {
  const count = lonLat.length / 2;
  const order = hilbertOrder(lonLat);
  const verdicts = new Uint8Array(count);
  const hitPoint = new Growable(Uint32Array);
  const hitZone = new Growable(Uint32Array);
  const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
  const { rings, zoneRingStart, zoneBox, zoneAccuracyKm, index } = store;
  for (let n = 0; n < count; n++) {
    const point = order[n] as number;
    const x = lonLat[2 * point] as number;
    const y = lonLat[2 * point + 1] as number;
    const found = store.count > 0 ? index.search(x, y, x, y) : [];
    const firstHit = hitPoint.length;
    let code = 0;
    let applies = regionZone < 0;
    for (const zone of found) {
      const box = 4 * zone;
      const inBox = x >= (zoneBox[box] as number) && x <= (zoneBox[box + 2] as number) && y >= (zoneBox[box + 1] as number) && y <= (zoneBox[box + 3] as number);
      const ringFrom = zoneRingStart[zone] as number;
      const ringTo = zoneRingStart[zone + 1] as number;
      let near = false;
      if (!(inBox && pointInRings(rings, ringFrom, ringTo, x, y))) {
        const band = zoneAccuracyKm[zone] as number;
        const matters = (table[zone] as number) > 0 || zone === regionZone;
        near = band > 0 && matters && edgeWithinBand(rings, ringFrom, ringTo, x, y, band, closest);
        if (!near) continue;
      }
      if (zone === regionZone) applies = true;
      if (near && table[zone] === 0) continue;
      hitPoint.push(point);
      hitZone.push(zone);
      code = Math.max(code, near ? review : (table[zone] as number));
    }
    if (applies) verdicts[point] = code;
    else hitPoint.length = hitZone.length = firstHit;
  }
  return inInputOrder(count, verdicts, hitPoint.finish(), hitZone.finish());
}

/** Regroups (point, zone) pairs found in curve order into per-point lists in input order. */
function inInputOrder(count: number, verdicts: Uint8Array, hitPoint: Uint32Array, hitZone: Uint32Array): PointVerdicts {
  const hitStart = new Uint32Array(count + 1);
  for (const point of hitPoint) hitStart[point + 1] = (hitStart[point + 1] as number) + 1;
  for (let i = 0; i < count; i++) hitStart[i + 1] = (hitStart[i + 1] as number) + (hitStart[i] as number);
  const fill = hitStart.slice(0, count);
  const hitZones = new Uint32Array(hitZone.length);
  for (let n = 0; n < hitPoint.length; n++) {
    const point = hitPoint[n] as number;
    hitZones[fill[point] as number] = hitZone[n] as number;
    fill[point] = (fill[point] as number) + 1;
  }
  return { verdicts, hitStart, hitZones };
}
