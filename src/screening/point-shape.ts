import { distanceDecimals } from '../geodesy/distance-step.ts';
import { LazyGeodesic } from '../geodesy/short-line.ts';
import { edgeEnds, edgeNearInCell } from './cell-edges.ts';
import type { Contact } from './contact.ts';
import { accuracyAt, hasStretches, type LocalAccuracy } from './edge-accuracy.ts';
import { edgeNear, edgeReach, type Closest } from './edge-distance.ts';
import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { pointInRings } from './point-in-rings.ts';
import { PointSearch } from './point-search.ts';
import { edgeCell, insideCell, outsideCell, rasterCell, rasterInside, rasterizeZone, type RegionRaster } from './region-raster.ts';
import type { ZoneStore } from './zone-store.ts';

/**
 * Where a point lies against the zones, as its report reads it. `codes`: for each zone the point is in or near, in
 * the index's order, the zone, its position (2 if inside, plus 1 if the edge lies within its accuracy) and the
 * accuracy stretch of its edge there; `zones` the zones whose edge lies within the accuracy, with `figures` the
 * distance to it as reports write it (kmFigure). screen() reads a point site only through these, its centroid
 * (site.centroid) and, for the nearest zones, its position: two points with the same codes get reports equal in all
 * but those and the edge distances.
 */
export class PointShape {
  /**
   * The codes are codes[0 .. codeCount), the zones and figures zones[0 .. nearCount) and figures alike: typed arrays
   * kept from point to point. JavaScript arrays emptied for each point (`length = 0`) gave up their storage, and three
   * grew again by push for every point in the region (a loop of that alone took 55-83 ms per 300,000 points, against
   * under 6 ms written into kept typed arrays).
   */
  codes = new Int32Array(48);
  codeCount = 0;
  /** shapeHash of the codes, for looking up a shape's row without building a text key for every point. */
  hash = 0;
  zones = new Int32Array(16);
  figures = new Float64Array(16);
  nearCount = 0;

  /** Whether the point is in or near `zone`: whether the codes list it. */
  hasZone(zone: number): boolean {
    for (let at = 0; at < this.codeCount; at += 3) if (this.codes[at] === zone) return true;
    return false;
  }

  /** The codes as an array of their own (a template's or a shape number's). */
  codeList(): number[] {
    return Array.from(this.codes.subarray(0, this.codeCount));
  }

  /** Each near zone's figure, by zone in the shape's order (for tests and benchmarks). */
  nearFigures(): Map<number, number> {
    return new Map(Array.from(this.zones.subarray(0, this.nearCount), (zone, n) => [zone, this.figures[n] as number]));
  }

  /** The codes as one text, for maps keyed by shape where a string per point does not matter (tests, benchmarks). */
  get key(): string {
    return this.codeList().join(',');
  }

  /** Starts the shape of another point. */
  clear(): void {
    this.codeCount = 0;
    this.nearCount = 0;
  }

  addCodes(zone: number, position: number, stretchCode: number): void {
    if (this.codeCount + 3 > this.codes.length) this.codes = grown(this.codes, this.codes.length * 2);
    const { codes } = this;
    codes[this.codeCount++] = zone;
    codes[this.codeCount++] = position;
    codes[this.codeCount++] = stretchCode;
  }

  addNear(zone: number, figure: number): void {
    if (this.nearCount === this.zones.length) {
      this.zones = grown(this.zones, this.nearCount * 2);
      this.figures = grown(this.figures, this.nearCount * 2);
    }
    this.zones[this.nearCount] = zone;
    this.figures[this.nearCount++] = figure;
  }
}

/**
 * An array's items in a new one of `length`. Not a Growable: its push serves every kind of typed array in the engine,
 * and reading through it, shaping took x1.00-1.09 the CPU (four runs of 12 alternate passes over 1M points).
 */
function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const copy = new (array.constructor as { new (length: number): T })(length);
  copy.set(array);
  return copy;
}

/**
 * The contacts a shape's codes stand for, as ContactFinder.relate gives them for a point of the shape in all that a
 * report reads (position; accuracy and stretch; whether the edge lies within the accuracy), by zone in the codes'
 * order. A distance within the accuracy reads as the accuracy itself: reports made from these write each such
 * distance as a mark (Screener.shapeTemplate).
 */
export function contactsOfCodes(store: ZoneStore, codes: ArrayLike<number>): Map<number, Contact> {
  const contacts = new Map<number, Contact>();
  for (let at = 0; at < codes.length; at += 3) {
    const zone = codes[at] as number;
    const position = codes[at + 1] as number;
    const stretchCode = codes[at + 2] as number;
    // shapeOf's stretch codes: 0 for the zone's one (widest) accuracy, 1 for its accuracy elsewhere, 2 + s for stretch s.
    const accuracyKm =
      stretchCode === 0
        ? (store.zoneAccuracyKm[zone] as number)
        : stretchCode === 1
          ? (store.zoneElsewhereKm[zone] as number)
          : (store.stretchKm[(store.zoneStretchStart[zone] as number) + stretchCode - 2] as number);
    contacts.set(zone, {
      position: (position & 2) !== 0 ? 'inside' : 'near',
      overlapM2: 0,
      insideKm: 0,
      edgeKm: (position & 1) !== 0 ? accuracyKm : Infinity,
      accuracyKm,
      stretch: stretchCode >= 2 ? stretchCode - 2 : -1,
    });
  }
  return contacts;
}

/**
 * A hash of a shape's codes (PointShape.codes); equal codes give equal hashes. Thirty bits, so that it is always a
 * small integer to V8: a larger one is a heap number, allocated for every map lookup by it (ShapeNumbers.pack over the
 * million seeded points of tests/bench/cli.ts, timed in one process, two passes a run, 8 alternate runs each: median
 * 1,512 ms with 32 bits, 1,457 ms with 30).
 */
export function shapeHash(codes: ArrayLike<number>, length = codes.length): number {
  let hash = 0x2545f491;
  for (let at = 0; at < length; at++) hash = Math.imul(hash ^ (codes[at] as number), 0x85ebca6b);
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

/** The hash of a shape with no codes: a point that meets no zone. */
const emptyShapeHash = shapeHash([]);

/** Whether a shape's codes are the same as another's, those at b[0 .. length). */
export function sameCodes(a: ArrayLike<number>, b: ArrayLike<number>, length = b.length): boolean {
  if (a.length !== length) return false;
  for (let at = 0; at < length; at++) if (a[at] !== b[at]) return false;
  return true;
}

/**
 * Flags of Screener.pointShape's zones for a project type: a zone's edge can change a report (CSV row) of the type for a
 * point near it outside (nearMatters), and for a point inside it (insideEdgeMatters).
 */
export const nearMatters = 1;
export const insideEdgeMatters = 2;

/**
 * Points a screener takes edge by edge before it builds rasters (PointShaper's of zones, the region's for
 * pointsOutsideRegion): a raster takes 5-30 ms to build, and a run of a few points is done sooner without (the screen
 * command on one point, 8 interleaved runs: 0.30 s wall and 0.36 s CPU against 0.34 s and 0.43 s).
 */
export const rasterFromPoints = 256;

/**
 * Point shapes for a batch of points, the same as the report's contacts (ContactFinder.relate for a point) give,
 * without building a site or a contact per zone: scratch space is reused from point to point, and the geodesic is
 * solved only where its shortcut (LazyGeodesic) cannot decide the band or the rounded distance.
 */
export class PointShaper {
  private readonly shape = new PointShape();
  private readonly search = new PointSearch();
  private readonly closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
  private readonly local: LocalAccuracy = { km: 0, stretch: -1 };
  private readonly geodesic = new LazyGeodesic();
  /** Per zone, its raster once a point has met it (null: a zone without an accuracy band, which has no edge search to spare). */
  private readonly rasters: (RegionRaster | null | undefined)[] = [];
  /** Points shaped so far: zones get rasters only once more than rasterFromPoints have been. */
  private shaped = 0;

  /** The end of each edge by its start, for rasters' cell lists: made when a point first reads one. */
  private ends: Uint32Array | undefined;

  constructor(private readonly store: ZoneStore) {}

  private edgeEnds(): Uint32Array {
    if (!this.ends) this.ends = edgeEnds(this.store.rings);
    return this.ends;
  }

  /** The zones' rasters built so far, by zone (undefined: not yet). */
  builtRasters(): readonly (RegionRaster | null | undefined)[] {
    return this.rasters;
  }

  /**
   * Rasters that builtRasters gave for zones of the same content, taken as this shaper's own from its first point (a
   * zone that has one keeps it). A raster answers only what its zone's edges would, so a point's shape is the same.
   */
  seedRasters(rasters: readonly (RegionRaster | null | undefined)[]): void {
    rasters.forEach((raster, zone) => {
      if (raster !== undefined && this.rasters[zone] === undefined) this.rasters[zone] = raster;
    });
  }

  /**
   * Where (x, y) lies against the zone from its raster: inside or outside it with no edge within the reach edgeNear
   * searches (then neither the ray cast nor the edge search can tell more), else edgeCell.
   */
  private cellOf(zone: number, x: number, y: number): number {
    let raster = this.rasters[zone];
    if (raster === undefined) {
      if (this.shaped <= rasterFromPoints) return edgeCell;
      raster = zoneRaster(this.store, zone);
      this.rasters[zone] = raster;
    }
    return raster === null ? edgeCell : rasterCell(raster, x, y);
  }

  /**
   * The point's shape; one object, overwritten by each call. With `edgeMatters` (per zone, the edgeMatters flags of a
   * project type: see Screener.pointShape), a zone the point is only near is left out without nearMatters, and a zone
   * it is inside is written as deeper inside than its accuracy without insideEdgeMatters, its edge not searched.
   */
  shapeOf(x: number, y: number, edgeMatters?: Uint8Array): PointShape {
    const { store, shape, search, closest, local, geodesic } = this;
    const { rings, zoneRingStart, zoneAccuracyKm } = store;
    shape.clear();
    shape.hash = emptyShapeHash;
    this.shaped++;
    if (store.count === 0) return shape;
    search.run(store.index, x, y);
    for (let k = 0; k < search.count; k++) {
      const zone = search.found[k] as number;
      // Most zones a point meets lie far from it or around it: their raster answers without the edges.
      const cell = this.cellOf(zone, x, y);
      if (cell === outsideCell) continue;
      if (cell === insideCell) {
        shape.addCodes(zone, 2, 0);
        continue;
      }
      const ringFrom = zoneRingStart[zone] as number;
      const ringTo = zoneRingStart[zone + 1] as number;
      // The raster's bare-edge classes tell most points of its edge cells inside or outside without the ray cast.
      const raster = this.rasters[zone];
      const known = raster ? rasterInside(raster, x, y) : edgeCell;
      const inside = known === edgeCell ? pointInRings(rings, ringFrom, ringTo, x, y) : known === insideCell;
      if (edgeMatters && ((edgeMatters[zone] as number) & (inside ? insideEdgeMatters : nearMatters)) === 0) {
        if (inside) shape.addCodes(zone, 2, 0);
        continue;
      }
      const band = zoneAccuracyKm[zone] as number;
      // As relate(): the edge's accuracy is the band unless the zone's varies and an edge lies within the band.
      let accuracyKm = band;
      let stretchCode = 0;
      let figure = NaN;
      if (
        band > 0 &&
        (raster?.edges
          ? edgeNearInCell(rings, this.edgeEnds(), raster, raster.edges, x, y, band, closest, geodesic)
          : edgeNear(rings, ringFrom, ringTo, x, y, band, closest, geodesic))
      ) {
        let within = true;
        if (hasStretches(store, zone)) {
          accuracyAt(store, zone, closest.x, closest.y, local);
          accuracyKm = local.km;
          stretchCode = local.stretch + 2;
          within = geodesic.atMost(accuracyKm);
        }
        if (within) figure = geodesic.rounded(distanceDecimals(accuracyKm));
      }
      const near = !Number.isNaN(figure);
      if (!inside && !near) continue;
      shape.addCodes(zone, (inside ? 2 : 0) | (near ? 1 : 0), stretchCode);
      if (near) shape.addNear(zone, figure);
    }
    shape.hash = shapeHash(shape.codes, shape.codeCount);
    return shape;
  }
}

/**
 * A zone's raster for point shapes: edge cells wherever edgeNear could find an edge (within its reach of the zone's
 * widest band, the band its search uses; a little more, for the last digits), cells about an eighth of that band a
 * side (16 to 256 a side) so that they reach little farther; null for a zone without a band. Points beyond the band
 * in its edge cells are searched for nothing: of the seeded million of tests/bench/cli.ts, 105,828 with cells half
 * the band a side, 74,991 with an eighth (311,234 searches found the edge within the band either way). A million point shapes (in one process, 10 alternate passes each) took
 * x0.953 the time of the rasters before with rasterizeZone's edge strips alone, x0.895 with these cells too.
 */
function zoneRaster(store: ZoneStore, zone: number): RegionRaster | null {
  const band = store.zoneAccuracyKm[zone] as number;
  if (!(band > 0)) return null;
  const [minX, minY, maxX, maxY] = store.zoneBox.subarray(4 * zone, 4 * zone + 4) as unknown as [number, number, number, number];
  const metric = kilometresPerDegree((minY + maxY) / 2);
  const extentKm = Math.max((maxX - minX) * metric.x, (maxY - minY) * metric.y) + 2 * band;
  const side = Math.min(256, Math.max(16, Math.ceil(extentKm / (band / 8))));
  return rasterizeZone(store, zone, { side, reach: edgeReach * 1.001, widest: true, insides: true });
}
