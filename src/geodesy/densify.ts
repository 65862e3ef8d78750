/**
 * Edges that follow the geodesic. GeoJSON, turf, the map and the screening engine draw an edge straight in
 * longitude/latitude; PostGIS geography and the areas of src/geodesy/ellipsoidal-area.ts take it as the geodesic
 * between its ends. Over a long edge the two part: at 47-50° N a 268 km edge running north-east lies 1.4 km from its
 * geodesic. Points inserted on the geodesic, close enough that each piece's straight line stays within a tolerance of
 * it, make every reading the same line; a geodesic polygon keeps its area exactly, since its edges do not move.
 */
import geodesic from 'geographiclib-geodesic';
import type { Geometry, Position } from 'geojson';
import { geodesicKm, kilometresPerDegree } from './ellipsoid.ts';

const wgs84 = geodesic.Geodesic.WGS84;
const positionMask = geodesic.Geodesic.LATITUDE | geodesic.Geodesic.LONGITUDE | geodesic.Geodesic.LONG_UNROLL;

/** Where the gap is sampled along a piece: it is largest near the middle and varies slowly, like t·(1 - t). */
const samples = [0.25, 0.5, 0.75];

/** Inserted points are rounded to 1e-8 degrees (about 1 mm): far inside any tolerance, and the same bytes from any
 * JavaScript engine whose last bits of a sine differ, so that `npm run check:data` does not depend on the machine. */
const roundDegrees = (value: number): number => Math.round(value * 1e8) / 1e8;

/** Metres from (px, py) to the straight longitude/latitude segment a-b: nearest point in the plane local to p, then
 * the geodesic distance to it (a point of the segment, so never less than the true distance). */
function metresToStraightEdge(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const scale = kilometresPerDegree(py);
  const dx = (bx - ax) * scale.x;
  const dy = (by - ay) * scale.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * scale.x * dx + (py - ay) * scale.y * dy) / length2)) : 0;
  return geodesicKm(px, py, ax + t * (bx - ax), ay + t * (by - ay)) * 1000;
}

type Line = ReturnType<typeof wgs84.InverseLine>;

/** The point at distance s (metres) along the line, longitude unrolled from the line's start. */
function pointAt(line: Line, s: number): [number, number] {
  const at = line.Position(s, positionMask);
  return [at.lon2 as number, at.lat2 as number];
}

/** Metres the straight segment between the points at s0 and s1 of the line strays from the geodesic between them. */
function pieceGap(line: Line, s0: number, s1: number, from: [number, number], to: [number, number]): number {
  let gap = 0;
  for (const t of samples) {
    const [x, y] = pointAt(line, s0 + t * (s1 - s0));
    gap = Math.max(gap, metresToStraightEdge(x, y, from[0], from[1], to[0], to[1]));
  }
  return gap;
}

/** Metres the straight longitude/latitude edge from a to b strays from the geodesic between them. */
export function geodesicGapMetres(ax: number, ay: number, bx: number, by: number): number {
  const line = wgs84.InverseLine(ay, ax, by, bx);
  return pieceGap(line, 0, line.s13, [ax, ay], [bx, by]);
}

/**
 * A cheap upper bound (metres) on how far the straight longitude/latitude edge from a to b strays from its geodesic,
 * for edges short beside the Earth: on the sphere a straight longitude/latitude line at azimuth α bends away from a
 * geodesic with curvature sin³α·tan φ / R, so the gap is at most L²·tan|φ|max / (8R). It is doubled here to cover the
 * ellipsoid, the length taken in the plane of the latitude nearer the equator and the terms the formula leaves out.
 * Where it is within a tolerance the exact check (geodesicPoints) would add nothing, at a fraction of its cost.
 */
export function straightEdgeGapBoundMetres(ax: number, ay: number, bx: number, by: number): number {
  const nearer = Math.min(Math.abs(ay), Math.abs(by));
  const farther = Math.max(Math.abs(ay), Math.abs(by));
  if (farther >= 89 || Math.abs(bx - ax) > 10) return Infinity;
  const scale = kilometresPerDegree(nearer);
  const lengthMetres = Math.hypot((bx - ax) * scale.x, (by - ay) * scale.y) * 1000;
  const smallestRadiusMetres = 6_335_000;
  return (2 * lengthMetres * lengthMetres * Math.tan((farther * Math.PI) / 180)) / (8 * smallestRadiusMetres);
}

/**
 * The points to insert between a and b, on their geodesic, at equal distances: none when the straight edge is
 * within the tolerance already; else equal pieces, as many as make each piece's straight line fit it.
 */
export function geodesicPoints(ax: number, ay: number, bx: number, by: number, toleranceMetres: number): Position[] {
  const line = wgs84.InverseLine(ay, ax, by, bx);
  const gap = pieceGap(line, 0, line.s13, [ax, ay], [bx, by]);
  if (gap <= toleranceMetres) return [];
  // The gap of a piece shrinks with the square of its length; the check below covers where it shrinks slower.
  for (let pieces = Math.max(2, Math.ceil(Math.sqrt(gap / toleranceMetres))); ; pieces++) {
    const step = line.s13 / pieces;
    const points: [number, number][] = [];
    for (let k = 1; k < pieces; k++) {
      const [x, y] = pointAt(line, k * step);
      points.push([roundDegrees(x), roundDegrees(y)]);
    }
    const ends = [[ax, ay] as [number, number], ...points, [bx, by] as [number, number]];
    let fits = true;
    for (let k = 0; k < pieces && fits; k++) {
      fits = pieceGap(line, k * step, (k + 1) * step, ends[k]!, ends[k + 1]!) <= toleranceMetres;
    }
    if (fits) return points;
  }
}

/** Whether an edge is to stay as it is (see densifyGeometry). */
export type KeepEdge = (from: Position, to: Position) => boolean;

/** A line or ring with geodesic points inserted into every edge that needs them; short edges come through as they are. */
export function densifyPath(path: readonly Position[], toleranceMetres: number, keep?: KeepEdge): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < path.length; i++) {
    const to = path[i]!;
    const from = path[i - 1];
    if (from && !keep?.(from, to)) {
      out.push(...geodesicPoints(from[0]!, from[1]!, to[0]!, to[1]!, toleranceMetres));
    }
    out.push(to);
  }
  return out;
}

/**
 * The geometry with every line and ring densified along geodesics to the tolerance; points as they are. `keep`
 * names edges that are not to follow the geodesic (the data build keeps the cut of an extraction box on its parallel).
 */
export function densifyGeometry(geometry: Geometry, toleranceMetres: number, keep?: KeepEdge): Geometry {
  const path = (coordinates: Position[]) => densifyPath(coordinates, toleranceMetres, keep);
  switch (geometry.type) {
    case 'LineString':
      return { ...geometry, coordinates: path(geometry.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(path) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(path)) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((part) => densifyGeometry(part, toleranceMetres, keep)) };
    default:
      return geometry;
  }
}
