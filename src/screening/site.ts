import { geodesicKm } from '../geodesy/ellipsoid.ts';
import { ScreeningInputError } from './input-error.ts';
import { RingPacker, type PackedRings } from './packed-rings.ts';
import { ringsArea } from './ring-terms.ts';
import { hasSelfIntersection } from './self-intersection.ts';
import { uncrossed } from '../site-input/repair.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { worldEdgeProblem } from '../geodesy/world-edges.ts';

export type SiteKind = 'point' | 'line' | 'polygon';

/** A proposed project's geometry, checked and packed like the zones. */
export interface Site {
  kind: SiteKind;
  /** Polygon rings, or the parts of a line as open rings; empty for a point. */
  rings: PackedRings;
  /** minX, minY, maxX, maxY. */
  box: Float64Array;
  areaM2: number;
  lengthKm: number;
  /** Kilometres along its part up to each vertex of a line site. */
  distanceAlong: Float64Array;
  centroid: [number, number];
  /** True when a self-intersecting polygon was replaced by its union with itself. */
  repaired: boolean;
}

type Position = [number, number];

/** Checks and packs a GeoJSON geometry; throws ScreeningInputError naming what is wrong. */
export function parseSite(geometry: unknown): Site {
  if (typeof geometry !== 'object' || geometry === null || !('type' in geometry)) {
    throw new ScreeningInputError('the site must be a GeoJSON geometry object with a "type"');
  }
  const { type } = geometry as { type: unknown };
  // The type first: a GeometryCollection or MultiPoint is refused for what it is, not as "no coordinates".
  if (!screenableTypes.includes(type as string)) {
    throw new ScreeningInputError(
      `unsupported geometry type ${JSON.stringify(type)}: screen a Point, LineString, MultiLineString, Polygon or MultiPolygon`,
    );
  }
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(coordinates) || coordinates.length === 0)
    throw new ScreeningInputError(`empty geometry: the ${String(type)} has no coordinates`);
  switch (type) {
    case 'LineString':
      return lineSite(onThePlane([positions(coordinates, 'line')], false));
    case 'MultiLineString':
      return lineSite(
        onThePlane(
          parts(coordinates, 'MultiLineString').map((part) => positions(part, 'line')),
          false,
        ),
      );
    case 'Polygon':
      return polygonSite([onThePlane(polygon(coordinates), true)]);
    case 'MultiPolygon': {
      const polygons = parts(coordinates, 'MultiPolygon').map(polygon);
      onThePlane(polygons.flat(), true);
      return polygonSite(polygons);
    }
    default: {
      const [x, y] = positions([coordinates], 'point');
      return pointSite([x as number, y as number]);
    }
  }
}

const screenableTypes = ['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

/** The paths, once checked to lie on the flat longitude-latitude plane without wrapping round the globe. */
function onThePlane(paths: Float64Array[], closed: boolean): Float64Array[] {
  const problem = worldEdgeProblem(paths, closed);
  if (problem) throw new ScreeningInputError(problem);
  return paths;
}

function parts(items: unknown[], what: string): unknown[] {
  if (items.length === 0) throw new ScreeningInputError(`empty geometry: the ${what} has no parts`);
  return items;
}

/** Checks a list of [longitude, latitude] positions and copies them into x, y pairs. */
function positions(value: unknown, what: string): Float64Array {
  if (!Array.isArray(value) || value.length === 0) throw new ScreeningInputError(`empty geometry: a ${what} has no positions`);
  const xy = new Float64Array(2 * value.length);
  for (let i = 0; i < value.length; i++) {
    const position: unknown = value[i];
    const x: unknown = Array.isArray(position) ? position[0] : undefined;
    const y: unknown = Array.isArray(position) ? position[1] : undefined;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new ScreeningInputError(`malformed position ${JSON.stringify(position)}: expected [longitude, latitude]`);
    }
    if (x < -180 || x > 180) throw new ScreeningInputError(`longitude ${x} is out of range [-180, 180]`);
    if (y < -90 || y > 90) throw new ScreeningInputError(`latitude ${y} is out of range [-90, 90]`);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
  }
  return xy;
}

function polygon(value: unknown): Float64Array[] {
  if (!Array.isArray(value) || value.length === 0) throw new ScreeningInputError('empty geometry: a polygon has no rings');
  return value.map((ring) => positions(ring, 'polygon ring'));
}

function boxOf(rings: PackedRings): Float64Array {
  const box = new Float64Array([Infinity, Infinity, -Infinity, -Infinity]);
  for (let i = 0; i < rings.coords.length; i += 2) {
    const x = rings.coords[i] as number;
    const y = rings.coords[i + 1] as number;
    box[0] = Math.min(box[0] as number, x);
    box[1] = Math.min(box[1] as number, y);
    box[2] = Math.max(box[2] as number, x);
    box[3] = Math.max(box[3] as number, y);
  }
  return box;
}

/** A point has no rings: one empty set serves every point site, since a zero-length array cannot be written to, and
 * packing an empty set per point was most of what reading a point cost. */
const noRings = new RingPacker(0).finish();

function pointSite([x, y]: Position): Site {
  return {
    kind: 'point',
    rings: noRings,
    box: new Float64Array([x, y, x, y]),
    areaM2: 0,
    lengthKm: 0,
    distanceAlong: new Float64Array(0),
    centroid: [x, y],
    repaired: false,
  };
}

function lineSite(lines: Float64Array[]): Site {
  const packer = new RingPacker(lines.reduce((sum, part) => sum + part.length / 2, 0));
  for (const part of lines) packer.addRing(part, false);
  if (packer.ringCount === 0) throw new ScreeningInputError('empty geometry: a line needs at least 2 distinct positions');
  const rings = packer.finish();
  const distanceAlong = new Float64Array(rings.coords.length / 2);
  let lengthKm = 0;
  let weightedX = 0;
  let weightedY = 0;
  for (let ring = 0; ring < rings.ringClosed.length; ring++) {
    let along = 0;
    for (let v = (rings.ringStart[ring] as number) + 1; v < (rings.ringStart[ring + 1] as number); v++) {
      const [x1, y1, x2, y2] = [rings.coords[2 * v - 2], rings.coords[2 * v - 1], rings.coords[2 * v], rings.coords[2 * v + 1]] as number[];
      const km = geodesicKm(x1 as number, y1 as number, x2 as number, y2 as number);
      along += km;
      distanceAlong[v] = along;
      weightedX += (km * ((x1 as number) + (x2 as number))) / 2;
      weightedY += (km * ((y1 as number) + (y2 as number))) / 2;
    }
    lengthKm += along;
  }
  const box = boxOf(rings);
  const centroid: Position = lengthKm > 0 ? [weightedX / lengthKm, weightedY / lengthKm] : [box[0] as number, box[1] as number];
  return { kind: 'line', rings, box, areaM2: 0, lengthKm, distanceAlong, centroid, repaired: false };
}

function packPolygons(polygons: ArrayLike<number>[][]): PackedRings {
  const packer = new RingPacker(polygons.flat().reduce((sum, ring) => sum + ring.length / 2, 0));
  for (const rings of polygons) {
    for (const [n, ring] of rings.entries()) packer.addRing(ring, true, n > 0);
  }
  return packer.finish();
}

const toPositions = (xy: Float64Array): Position[] =>
  Array.from({ length: xy.length / 2 }, (_, i) => [xy[2 * i] as number, xy[2 * i + 1] as number]);

function repairedPolygons(polygons: Position[][][]): number[][][][] {
  try {
    const geometry = uncrossed(polygons, []);
    return geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry.coordinates as number[][][][]);
  } catch (error) {
    if (error instanceof SiteInputError) throw new ScreeningInputError(error.text.en);
    throw error;
  }
}

function polygonSite(polygons: Float64Array[][]): Site {
  let rings = packPolygons(polygons);
  if (rings.ringClosed.length === 0)
    throw new ScreeningInputError('empty geometry: the polygon has no area (fewer than 3 distinct positions)');
  let repaired = false;
  if (hasSelfIntersection(rings)) {
    // The one site repair (src/site-input): resolves the crossings, or refuses a boundary too tangled to repair.
    const union = repairedPolygons(polygons.map((rings) => rings.map(toPositions)));
    rings = packPolygons(union.map((rings) => rings.map((ring) => ring.flat())));
    if (rings.ringClosed.length === 0)
      throw new ScreeningInputError('empty geometry: the polygon has no area once its self-intersections are resolved');
    repaired = true;
  }
  let cx = 0;
  let cy = 0;
  let planar = 0;
  const { coords } = rings;
  const ox = coords[0] as number;
  const oy = coords[1] as number;
  for (let ring = 0; ring < rings.ringClosed.length; ring++) {
    const start = rings.ringStart[ring] as number;
    const end = rings.ringStart[ring + 1] as number;
    for (let i = start, j = end - 1; i < end; j = i++) {
      const xj = (coords[2 * j] as number) - ox;
      const yj = (coords[2 * j + 1] as number) - oy;
      const xi = (coords[2 * i] as number) - ox;
      const yi = (coords[2 * i + 1] as number) - oy;
      const cross = xj * yi - xi * yj;
      planar += cross;
      cx += (xj + xi) * cross;
      cy += (yj + yi) * cross;
    }
  }
  const areaM2 = ringsArea(rings, 0, rings.ringClosed.length);
  if (!(areaM2 > 0)) throw new ScreeningInputError('empty geometry: the polygon has no area');
  const centroid: Position = [ox + cx / (3 * planar), oy + cy / (3 * planar)];
  return { kind: 'polygon', rings, box: boxOf(rings), areaM2, lengthKm: 0, distanceAlong: new Float64Array(0), centroid, repaired };
}
