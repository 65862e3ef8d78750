import polygonClipping, { type MultiPolygon } from 'polygon-clipping';
import { geodesicKm, squareMetresPerUnit } from './ellipsoid.ts';
import { ScreeningInputError } from './input-error.ts';
import { RingPacker, type PackedRings } from './packed-rings.ts';
import { hasSelfIntersection } from './self-intersection.ts';

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
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(coordinates)) throw new ScreeningInputError(`empty geometry: the ${String(type)} has no coordinates`);
  switch (type) {
    case 'Point':
      return pointSite(position(coordinates));
    case 'LineString':
      return lineSite([line(coordinates)]);
    case 'MultiLineString':
      return lineSite(nonEmpty(coordinates, 'MultiLineString').map(line));
    case 'Polygon':
      return polygonSite([polygon(coordinates)]);
    case 'MultiPolygon':
      return polygonSite(nonEmpty(coordinates, 'MultiPolygon').map(polygon));
    default:
      throw new ScreeningInputError(
        `unsupported geometry type ${JSON.stringify(type)}: screen a Point, LineString, MultiLineString, Polygon or MultiPolygon`,
      );
  }
}

function nonEmpty(items: unknown[], what: string): unknown[] {
  if (items.length === 0) throw new ScreeningInputError(`empty geometry: the ${what} has no parts`);
  return items;
}

function position(value: unknown): Position {
  if (!Array.isArray(value) || value.length < 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number'
    || !Number.isFinite(value[0]) || !Number.isFinite(value[1])) {
    throw new ScreeningInputError(`empty or malformed position ${JSON.stringify(value)}: expected [longitude, latitude]`);
  }
  const [x, y] = value as [number, number];
  if (x < -180 || x > 180) throw new ScreeningInputError(`longitude ${x} is out of range [-180, 180]`);
  if (y < -90 || y > 90) throw new ScreeningInputError(`latitude ${y} is out of range [-90, 90]`);
  return [x, y];
}

function line(value: unknown): Position[] {
  if (!Array.isArray(value) || value.length === 0) throw new ScreeningInputError('empty geometry: a line has no positions');
  return value.map(position);
}

function polygon(value: unknown): Position[][] {
  if (!Array.isArray(value) || value.length === 0) throw new ScreeningInputError('empty geometry: a polygon has no rings');
  return value.map((ring) => {
    if (!Array.isArray(ring) || ring.length === 0) throw new ScreeningInputError('empty geometry: a polygon ring has no positions');
    return ring.map(position);
  });
}

const flat = (positions: Position[]) => positions.flat();

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

function pointSite([x, y]: Position): Site {
  return {
    kind: 'point', rings: new RingPacker().finish(), box: new Float64Array([x, y, x, y]), areaM2: 0, lengthKm: 0,
    distanceAlong: new Float64Array(0), centroid: [x, y], repaired: false,
  };
}

function lineSite(parts: Position[][]): Site {
  const packer = new RingPacker();
  for (const part of parts) packer.addRing(flat(part), false);
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

function packPolygons(polygons: Position[][][]): PackedRings {
  const packer = new RingPacker();
  for (const rings of polygons) rings.forEach((ring, n) => packer.addRing(flat(ring), true, n > 0));
  return packer.finish();
}

function polygonSite(polygons: Position[][][]): Site {
  let rings = packPolygons(polygons);
  if (rings.ringClosed.length === 0) throw new ScreeningInputError('empty geometry: the polygon has no area (fewer than 3 distinct positions)');
  let repaired = false;
  if (hasSelfIntersection(rings)) {
    // polygon-clipping's union of the shape with itself resolves crossings into valid non-overlapping parts.
    const union: MultiPolygon = polygonClipping.union(polygons as MultiPolygon);
    rings = packPolygons(union as Position[][][]);
    if (rings.ringClosed.length === 0) throw new ScreeningInputError('empty geometry: the polygon has no area once its self-intersections are resolved');
    repaired = true;
  }
  let term = 0;
  let cx = 0;
  let cy = 0;
  let planar = 0;
  const { coords } = rings;
  const ox = coords[0] as number;
  const oy = coords[1] as number;
  for (let ring = 0; ring < rings.ringClosed.length; ring++) {
    term += rings.ringTerm[ring] as number;
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
  const areaM2 = (term / 2) * squareMetresPerUnit;
  if (!(areaM2 > 0)) throw new ScreeningInputError('empty geometry: the polygon has no area');
  const centroid: Position = [ox + cx / (3 * planar), oy + cy / (3 * planar)];
  return { kind: 'polygon', rings, box: boxOf(rings), areaM2, lengthKm: 0, distanceAlong: new Float64Array(0), centroid, repaired };
}
