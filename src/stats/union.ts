/**
 * Area covered by a layer's polygons inside a region, overlaps counted once.
 *
 * polygon-clipping against the whole 14,000-vertex Inner Mongolia outline takes about 80 ms per polygon, so a
 * polygon is clipped only where it meets the region's boundary (found through a bbox index of the boundary's
 * edges), and then against the boundary reduced to few vertices outside the polygon's bbox. The clipped polygons are
 * grouped into connected components of overlapping bboxes, each component is unioned on its own, and the
 * ellipsoidal areas are summed.
 *
 * Clipping treats lon/lat as a plane (RFC 7946's straight lines) while areas follow geodesic edges; where a clip
 * puts a vertex on an edge the two differ by the edge's bow, about 2 m on a 10 km edge at 45° N, which moves the
 * areas here by some 1e-5 of their size.
 */
import Flatbush from 'flatbush';
import polygonClipping, {
  type Geom as ClipGeometry,
  type MultiPolygon as ClipMultiPolygon,
  type Pair,
  type Polygon as ClipPolygon,
} from 'polygon-clipping';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { polygonArea } from '../geodesy/ellipsoidal-area.ts';

type Box = [minX: number, minY: number, maxX: number, maxY: number];

/** A region made ready for many clips: its polygons, bbox, and an index over its boundary edges. */
export interface PreparedRegion {
  polygons: ClipPolygon[];
  box: Box;
  /** Boundary edges as x1, y1, x2, y2 quadruples, in the order of their index; null for an empty geometry. */
  boundary: EdgeIndex | null;
  /** Per polygon and ring, the bboxes of its stretches of STRETCH vertices. */
  stretches: Box[][][];
}

interface EdgeIndex {
  edges: Float64Array;
  index: Flatbush;
}

/** What a layer covers inside a region. */
export interface RegionUnion {
  /** Area of the union of the polygons inside the region, m², overlaps counted once. */
  areaM2: number;
  /** Length of the edges of that union (holes included, stretches along the region's outline too), km. */
  perimeterKm: number;
  /** Features that intersect the region (polygons overlapping it, points inside it), by id, in layer order. */
  featureIds: string[];
  polygonCount: number;
  /** Point features inside the region: counted, but they have no area. */
  pointCount: number;
  /** Features flagged `aggregate: true` (they repeat the others' geometry), left out. */
  skippedAggregateIds: string[];
  /** Groups of overlapping polygons that were unioned separately. */
  components: number;
}

const asClip = (rings: Position[][]) => rings as unknown as ClipPolygon;

function polygonsOf(geometry: Polygon | MultiPolygon): ClipPolygon[] {
  return geometry.type === 'Polygon' ? [asClip(geometry.coordinates)] : geometry.coordinates.map(asClip);
}

function boxOf(polygons: readonly ClipPolygon[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

const boxesOverlap = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const inBox = ([x, y]: Pair, [minX, minY, maxX, maxY]: Box) => x >= minX && x <= maxX && y >= minY && y <= maxY;

function edgeIndex(polygons: readonly ClipPolygon[]): EdgeIndex | null {
  let count = 0;
  for (const polygon of polygons) for (const ring of polygon) count += ring.length;
  if (count === 0) return null;
  const edges = new Float64Array(4 * count);
  const index = new Flatbush(count);
  let at = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length; i += 1) {
        const [x1, y1] = ring[i]!;
        const [x2, y2] = ring[(i + 1) % ring.length]!;
        edges[at++] = x1;
        edges[at++] = y1;
        edges[at++] = x2;
        edges[at++] = y2;
        index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
      }
    }
  }
  index.finish();
  return { edges, index };
}

export function prepareRegion(geometry: Polygon | MultiPolygon): PreparedRegion {
  const polygons = polygonsOf(geometry);
  return {
    polygons,
    box: boxOf(polygons),
    boundary: edgeIndex(polygons),
    stretches: polygons.map((polygon) => polygon.map(stretchBoxes)),
  };
}

/** Even-odd ray casting to the east, over the boundary edges the ray can cross: right for valid polygons. */
function contains(region: PreparedRegion, x: number, y: number): boolean {
  if (!region.boundary || x < region.box[0] || x > region.box[2] || y < region.box[1] || y > region.box[3]) return false;
  const { edges, index } = region.boundary;
  let inside = false;
  for (const k of index.search(x, y, region.box[2], y)) {
    const [x1, y1, x2, y2] = [edges[4 * k]!, edges[4 * k + 1]!, edges[4 * k + 2]!, edges[4 * k + 3]!];
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

const orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** Whether a polygon's edges meet the region's boundary anywhere, touching and collinear overlap included: any
 * contact sends the polygon to exact clipping. */
function meetsBoundary(polygons: readonly ClipPolygon[], region: PreparedRegion): boolean {
  if (!region.boundary) return false;
  const { edges, index } = region.boundary;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const [ax, ay] = ring[i]!;
        const [bx, by] = ring[i + 1]!;
        for (const k of index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
          const [cx, cy, dx, dy] = [edges[4 * k]!, edges[4 * k + 1]!, edges[4 * k + 2]!, edges[4 * k + 3]!];
          if (
            orientation(ax, ay, bx, by, cx, cy) * orientation(ax, ay, bx, by, dx, dy) <= 0 &&
            orientation(cx, cy, dx, dy, ax, ay) * orientation(cx, cy, dx, dy, bx, by) <= 0
          )
            return true;
        }
      }
    }
  }
  return false;
}

/** Vertices per stretch of boundary that regionNear keeps or drops as a whole. */
const STRETCH = 32;

/** Bboxes of the successive stretches of a ring: stretch k runs from vertex STRETCH·k to STRETCH·(k + 1). */
function stretchBoxes(ring: Pair[]): Box[] {
  const boxes: Box[] = [];
  for (let start = 0; start + 1 < ring.length; start += STRETCH) {
    boxes.push(boxOf([[ring.slice(start, Math.min(start + STRETCH, ring.length - 1) + 1)]]));
  }
  return boxes;
}

const beyondOneSide = (a: Box, b: Box) => a[2] < b[0] || a[0] > b[2] || a[3] < b[1] || a[1] > b[3];

/**
 * The region with the same winding number everywhere inside a box, but few vertices away from it, so that
 * polygon-clipping sees few edges: a stretch of boundary that lies wholly beyond one side of the box is replaced by
 * the straight edge between its ends. That edge and the stretch form a loop beyond that side, which winds round no
 * point of the box.
 */
function regionNear(region: PreparedRegion, box: Box): ClipPolygon[] {
  return region.polygons.map((polygon, p) =>
    polygon.map((ring, r) => {
      const out: Pair[] = [ring[0]!];
      region.stretches[p]![r]!.forEach((stretch, k) => {
        const start = STRETCH * k;
        const end = Math.min(start + STRETCH, ring.length - 1);
        if (beyondOneSide(stretch, box)) out.push(ring[end]!);
        else for (let i = start + 1; i <= end; i += 1) out.push(ring[i]!);
      });
      return out;
    }),
  );
}

const snapPolygon = (polygon: ClipPolygon, grid: number): ClipPolygon =>
  polygon.map((ring) => ring.map(([x, y]): Pair => [Math.round(x / grid) * grid, Math.round(y / grid) * grid]));

/** A Polygon's first position is at depth 2, a MultiPolygon's at depth 3. */
const snap = (geometry: ClipGeometry, grid: number): ClipGeometry =>
  typeof geometry[0]?.[0]?.[0] === 'number'
    ? snapPolygon(geometry as ClipPolygon, grid)
    : (geometry as ClipPolygon[]).map((polygon) => snapPolygon(polygon, grid));

/** Grids the vertices are snapped to, in degrees, before each retry: none first, at most about 1 mm. */
const retryGrids = [0, 1e-12, 1e-10, 1e-8];

/**
 * polygon-clipping's sweep line sometimes loses a segment among nearly coincident ones ("Unable to find segment ...
 * in SweepLine tree", its open issues #96 and #148; it happens in the 10,000-polygon benchmark). Snapping the
 * vertices to a fine grid and retrying clears it, and moves areas by under 1e-7.
 */
function clipping(operation: 'union' | 'intersection', geometries: [ClipGeometry, ...ClipGeometry[]]): ClipMultiPolygon {
  for (let attempt = 0; ; attempt += 1) {
    const grid = retryGrids[attempt]!;
    const [first, ...rest] = grid === 0 ? geometries : geometries.map((geometry) => snap(geometry, grid));
    try {
      return polygonClipping[operation](first!, ...rest);
    } catch (error) {
      if (attempt === retryGrids.length - 1) throw error;
    }
  }
}

/** The part of a geometry inside the region, as polygons (none when they do not overlap). */
export function clipToRegion(geometry: Polygon | MultiPolygon, region: PreparedRegion): ClipPolygon[] {
  const polygons = polygonsOf(geometry);
  const box = boxOf(polygons);
  if (!boxesOverlap(box, region.box)) return [];
  // A boundary ring that lies wholly inside the polygon (a hole of the region, an island) has its first vertex in
  // the polygon's bbox; short of that, a polygon that does not touch the boundary is wholly inside or wholly outside
  // the region, and any of its vertices tells which.
  const ringInside = region.polygons.some((polygon) => polygon.some(([first]) => first !== undefined && inBox(first, box)));
  if (!ringInside && !meetsBoundary(polygons, region)) {
    const [x, y] = polygons[0]?.[0]?.[0] ?? [NaN, NaN];
    return contains(region, x, y) ? polygons : [];
  }
  // The candidate lies inside its own bbox, so the region only has to be exact there.
  return clipping('intersection', [polygons, regionNear(region, box)]);
}

/**
 * Area of the union of polygons, m², overlaps counted once: polygons whose bboxes overlap, directly or through
 * others, are unioned together; a polygon that overlaps nothing keeps its own area (exterior less holes).
 */
export function unionArea(polygons: readonly ClipPolygon[]): { areaM2: number; perimeterKm: number; components: number } {
  if (polygons.length === 0) return { areaM2: 0, perimeterKm: 0, components: 0 };
  const boxes = polygons.map((polygon) => boxOf([polygon]));
  const index = new Flatbush(polygons.length);
  for (const box of boxes) index.add(...box);
  index.finish();
  const parent = polygons.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  boxes.forEach((box, i) => {
    for (const j of index.search(...box)) parent[root(j)] = root(i);
  });
  const groups = new Map<number, ClipPolygon[]>();
  polygons.forEach((polygon, i) => {
    const key = root(i);
    const group = groups.get(key);
    if (group) group.push(polygon);
    else groups.set(key, [polygon]);
  });
  let areaM2 = 0;
  let perimeterKm = 0;
  for (const [first, ...rest] of groups.values()) {
    const merged = rest.length === 0 ? [first!] : clipping('union', [first!, ...rest]);
    areaM2 += polygonArea({ type: 'MultiPolygon', coordinates: merged });
    perimeterKm += perimeter(merged);
  }
  return { areaM2, perimeterKm, components: groups.size };
}

/** Length of the rings of polygons, km, each edge measured in the local plane at its middle latitude: within about
 * 1e-4 of the geodesic length for edges of some kilometres, plenty for the first-order bounds it serves. */
export function perimeter(polygons: readonly ClipPolygon[]): number {
  let km = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const [x1, y1] = ring[i]!;
        const [x2, y2] = ring[i + 1]!;
        const scale = kilometresPerDegree((y1 + y2) / 2);
        km += Math.hypot((x2 - x1) * scale.x, (y2 - y1) * scale.y);
      }
    }
  }
  return km;
}

/** Length of the rings of a polygon geometry, km (see perimeter). */
export const geometryPerimeter = (geometry: Polygon | MultiPolygon): number => perimeter(polygonsOf(geometry));

/** Distance from (x, y) to the nearest point of the region's outline, km, in the local plane at y; Infinity when
 * the outline is farther than withinKm (only the edges within that reach are measured, found through the index). */
function outlineDistance(region: PreparedRegion, x: number, y: number, withinKm: number): number {
  if (!region.boundary) return Infinity;
  const scale = kilometresPerDegree(y);
  const [dx, dy] = [withinKm / scale.x, withinKm / scale.y];
  const { edges, index } = region.boundary;
  let best = Infinity;
  for (const k of index.search(x - dx, y - dy, x + dx, y + dy)) {
    // The edge in km about (x, y), then the nearest point of it to the origin.
    const [ax, ay] = [(edges[4 * k]! - x) * scale.x, (edges[4 * k + 1]! - y) * scale.y];
    const [bx, by] = [(edges[4 * k + 2]! - x) * scale.x, (edges[4 * k + 3]! - y) * scale.y];
    const length2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / length2));
    best = Math.min(best, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
  }
  return best <= withinKm ? best : Infinity;
}

/** Distance from a feature to the region's outline, km: 0 where a polygon meets it, else from its nearest vertex;
 * Infinity beyond withinKm. Whether a feature near the outline belongs to the region hangs on the outline's error. */
export function distanceToOutline(geometry: Geometry, region: PreparedRegion, withinKm: number): number {
  let vertices: Position[];
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    const polygons = polygonsOf(geometry);
    if (meetsBoundary(polygons, region)) return 0;
    vertices = polygons.flat(2);
  } else if (geometry.type === 'Point') vertices = [geometry.coordinates];
  else if (geometry.type === 'MultiPoint') vertices = geometry.coordinates;
  else return Infinity;
  let nearest = Infinity;
  for (const [x, y] of vertices) nearest = Math.min(nearest, outlineDistance(region, x!, y!, withinKm));
  return nearest;
}

const featureId = (feature: Feature) => String(feature.properties?.['id'] ?? feature.id ?? '');

/** Union area of a layer's features inside a region; see RegionUnion for what is counted and what is left out. */
export function unionAreaInRegion(features: readonly Feature[], region: PreparedRegion): RegionUnion {
  const result: RegionUnion = {
    areaM2: 0,
    perimeterKm: 0,
    featureIds: [],
    polygonCount: 0,
    pointCount: 0,
    skippedAggregateIds: [],
    components: 0,
  };
  const pieces: ClipPolygon[] = [];
  for (const feature of features) {
    if (feature.properties?.['aggregate'] === true) {
      result.skippedAggregateIds.push(featureId(feature));
      continue;
    }
    const { geometry } = feature;
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      const clipped = clipToRegion(geometry, region);
      if (clipped.length === 0) continue;
      pieces.push(...clipped);
      result.polygonCount += 1;
      result.featureIds.push(featureId(feature));
    } else if (geometry.type === 'Point' || geometry.type === 'MultiPoint') {
      const points = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
      if (!points.some(([x, y]) => contains(region, x!, y!))) continue;
      result.pointCount += 1;
      result.featureIds.push(featureId(feature));
    }
  }
  const { areaM2, perimeterKm, components } = unionArea(pieces);
  return { ...result, areaM2, perimeterKm, components };
}
