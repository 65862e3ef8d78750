import { edgeWithinBand, type Closest } from './edge-distance.ts';
import { Growable } from './growable.ts';
import { hilbertOrder } from '../geodesy/hilbert.ts';
import { ScreeningInputError } from './input-error.ts';
import { pointInRings } from './point-in-rings.ts';
import { insideZone, nearZone, outsideZone, PointContact } from './point-contact.ts';
import { PointSearch } from './point-search.ts';
import { edgeCell, insideCell, outsideCell, rasterCell, type RegionRaster } from './region-raster.ts';
import { verdictCode } from './verdict.ts';
import type { ZoneStore } from './zone-store.ts';

/** Verdict codes (see verdicts) per point, and the zones each point is in or near: hitZones[hitStart[i] ..
 * hitStart[i + 1]] for point i, in input order. */
export interface PointVerdicts {
  verdicts: Uint8Array;
  hitStart: Uint32Array;
  hitZones: Uint32Array;
}

/** What the batch needs to know besides the zones: verdict per zone for the project type, for each set of
 * jurisdictions a point can be in (RuleBook.verdictTables), and the region outside which the documents do not
 * apply (-1: none loaded, so they apply everywhere). */
export interface BatchContext {
  store: ZoneStore;
  tables: readonly Uint8Array[];
  /** Zone index of each jurisdiction, by mask bit (RuleBook.jurisdictionZones). */
  jurisdictionZones: readonly number[];
  /** The parks, and the mask bit set for a point outside every park (RuleBook.parkZones, parkBit; -1: none). */
  parkZones: readonly number[];
  parkBit: number;
  regionZone: number;
  /** The region rasterized, so that most points are placed in or out of it from one cell. */
  regionRaster?: RegionRaster | undefined;
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
 * only), nothing outside the region; a jurisdiction's rules count inside it, and as review within its band.
 */
export function screenPointRange(context: BatchContext, lonLat: Float64Array): PointVerdicts {
  const { store, tables, jurisdictionZones, parkZones, parkBit, regionZone, regionRaster } = context;
  const count = lonLat.length / 2;
  const order = hilbertOrder(lonLat);
  const verdicts = new Uint8Array(count);
  const hitPoint = new Growable(Uint32Array);
  const hitZone = new Growable(Uint32Array);
  const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
  const contact = new PointContact(store);
  const search = new PointSearch();
  /** Per jurisdiction, the contact found for the current point (-1: not among its candidates). */
  const jurisdictionWhere = new Int8Array(jurisdictionZones.length);
  const isPark = new Uint8Array(store.count);
  for (const zone of parkZones) isPark[zone] = 1;
  const { rings, zoneRingStart, zoneAccuracyKm, index } = store;
  for (let n = 0; n < count; n++) {
    const point = order[n] as number;
    const x = lonLat[2 * point] as number;
    const y = lonLat[2 * point + 1] as number;
    if (store.count === 0) continue;
    // The region first: outside it (and its accuracy band) nothing else needs testing.
    const region = regionZone >= 0 ? regionWhere(contact, regionZone, regionRaster, x, y) : outsideZone;
    if (regionZone >= 0 && region === outsideZone) continue;
    search.run(index, x, y);
    const found = search.found;
    let inside = 0;
    let near = 0;
    for (let bit = 0; bit < jurisdictionZones.length; bit++) jurisdictionWhere[bit] = -1;
    for (let k = 0; k < search.count; k++) {
      const bit = jurisdictionZones.indexOf(found[k] as number);
      if (bit < 0) continue;
      const where = contact.of(found[k] as number, x, y);
      jurisdictionWhere[bit] = where;
      if (where === insideZone) inside |= 1 << bit;
      else if (where === nearZone) near |= 1 << bit;
    }
    if (parkBit >= 0) {
      // Rules on enterprises outside parks: off deep inside a park, review within its edge's accuracy, else in full.
      let park = 2;
      for (let k = 0; k < search.count && park > 0; k++) {
        const zone = found[k] as number;
        if (isPark[zone] === 1 && insideOnly(zone, x, y) === 2) {
          const band = zoneAccuracyKm[zone] as number;
          park = Math.min(
            park,
            band > 0 && edgeWithinBand(rings, zoneRingStart[zone] as number, zoneRingStart[zone + 1] as number, x, y, band, closest)
              ? 1
              : 0,
          );
        }
      }
      if (park === 2) inside |= 1 << parkBit;
      else if (park === 1) near |= 1 << parkBit;
    }
    const table = tables[inside] as Uint8Array;
    const withNear = tables[inside | near] as Uint8Array;
    let code = 0;
    for (let k = 0; k < search.count; k++) {
      const zone = found[k] as number;
      // Rules that count only if the point is inside a jurisdiction it is merely near read as review.
      const rule = Math.max(table[zone] as number, (withNear[zone] as number) > (table[zone] as number) ? review : 0);
      // Near a zone only matters when it carries a rule; the region itself was tested above.
      const known = jurisdictionZones.length > 0 ? (jurisdictionWhere[jurisdictionZones.indexOf(zone)] ?? -1) : -1;
      const where =
        zone === regionZone
          ? region
          : known >= 0
            ? rule > 0 || known === 2
              ? known
              : 0
            : rule > 0
              ? contact.of(zone, x, y)
              : insideOnly(zone, x, y);
      if (where === 0 || (where === 1 && rule === 0)) continue;
      hitPoint.push(point);
      hitZone.push(zone);
      code = Math.max(code, where === 1 ? review : rule);
    }
    verdicts[point] = code;
  }
  return inInputOrder(count, verdicts, hitPoint.finish(), hitZone.finish());

  function insideOnly(zone: number, x: number, y: number): number {
    return pointInRings(rings, zoneRingStart[zone] as number, zoneRingStart[zone + 1] as number, x, y) ? 2 : 0;
  }
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

/**
 * outsideRegion's mark, where asked, for a point of the region raster's edge cells: its shape (Screener.pointShape)
 * tells whether it lies in the region or its band (Screener.inRegion), from the region's point-shape raster and cell
 * lists (point-shape.ts), where this test cast a ray over the whole outline and scanned the edge grid across the band.
 * Of the seeded million of tests/bench/cli.ts, 36,992 points lie in those cells (9,945 beyond the band): the million
 * took 20 ms marked so against 45 ms tested through (one process, four passes each), and the screen command on them,
 * two threads, x0.95 the wall and CPU time (16 interleaved pairs), as the worker also compiles a far smaller loop.
 */
export const regionUndecided = 2;

/**
 * Per point, 1 where it lies outside the region and beyond its accuracy band, where none of the documents applies and
 * every point has the same report; else 0 (every point 0 when no region is loaded: the documents then apply everywhere).
 * With `leaveEdgeCells`, once the region's raster is built, regionUndecided for each point of its edge cells.
 */
export function outsideRegion(
  store: ZoneStore,
  regionZone: number,
  regionRaster: RegionRaster | undefined,
  lonLat: Float64Array,
  leaveEdgeCells = false,
): Uint8Array {
  const outside = new Uint8Array(lonLat.length / 2);
  if (regionZone < 0) return outside;
  if (leaveEdgeCells && regionRaster) {
    for (let n = 0; n < outside.length; n++) {
      const cell = rasterCell(regionRaster, lonLat[2 * n] as number, lonLat[2 * n + 1] as number);
      if (cell === outsideCell) outside[n] = 1;
      else if (cell === edgeCell) outside[n] = regionUndecided;
    }
    return outside;
  }
  const contact = new PointContact(store);
  for (let n = 0; n < outside.length; n++) {
    if (regionWhere(contact, regionZone, regionRaster, lonLat[2 * n] as number, lonLat[2 * n + 1] as number) === outsideZone)
      outside[n] = 1;
  }
  return outside;
}

/** Where (x, y) lies against the region: from its raster cell where that tells, else from its edges. */
function regionWhere(contact: PointContact, regionZone: number, raster: RegionRaster | undefined, x: number, y: number): number {
  const cell = raster ? rasterCell(raster, x, y) : edgeCell;
  return cell === insideCell ? insideZone : cell === edgeCell ? contact.of(regionZone, x, y) : outsideZone;
}
