/**
 * Area covered by a layer's polygons inside a region, overlaps counted once.
 *
 * polygon-clipping on the whole 14,000-vertex Inner Mongolia outline takes about 80 ms per polygon, so a candidate is
 * clipped only where it meets the region's boundary (found through a bbox index of the boundary's edges), and then
 * against the boundary cut down to the candidate's bbox. The clipped polygons are grouped into connected components
 * of overlapping bboxes and each component is unioned on its own (one union of everything is 10x slower), then the
 * ellipsoidal areas are summed. Clipping works on lon/lat as a plane; areas are on the WGS-84 ellipsoid.
 */
import Flatbush from 'flatbush';
import polygonClipping, { type Pair, type Polygon as ClipPolygon } from 'polygon-clipping';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { polygonArea } from './ellipsoidal-area.ts';

type Box = [minX: number, minY: number, maxX: number, maxY: number];

/** A region made ready for many clips: its polygons, bbox, and an index over its boundary edges. */
export interface PreparedRegion {
  polygons: ClipPolygon[];
  box: Box;
  /** Boundary edges as x1, y1, x2, y2 quadruples, in the order of their index; null for an empty geometry. */
  boundary: EdgeIndex | null;
}

interface EdgeIndex { edges: Float64Array; index: Flatbush }

/** What a layer covers inside a region. */
export interface RegionUnion {
  /** Area of the union of the polygons inside the region, m², overlaps counted once. */
  areaM2: number;
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
  return { polygons, box: boxOf(polygons), boundary: edgeIndex(polygons) };
}

/** Even-odd ray casting over every ring: right for valid polygons, whose rings neither cross nor nest wrongly. */
function contains(polygons: readonly ClipPolygon[], x: number, y: number): boolean {
  let inside = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

const orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** Whether two segments meet, touching and collinear overlap included: a contact sends the polygon to exact clipping. */
function segmentsMeet(e: ArrayLike<number>, i: number, f: ArrayLike<number>, j: number): boolean {
  const [ax, ay, bx, by] = [e[i]!, e[i + 1]!, e[i + 2]!, e[i + 3]!];
  const [cx, cy, dx, dy] = [f[j]!, f[j + 1]!, f[j + 2]!, f[j + 3]!];
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  return orientation(ax, ay, bx, by, cx, cy) * orientation(ax, ay, bx, by, dx, dy) <= 0
    && orientation(cx, cy, dx, dy, ax, ay) * orientation(cx, cy, dx, dy, bx, by) <= 0;
}

function meetsBoundary(polygons: readonly ClipPolygon[], box: Box, region: PreparedRegion): boolean {
  const near = region.boundary?.index.search(...box) ?? [];
  const own = edgeIndex(polygons);
  if (near.length === 0 || !own) return false;
  return near.some((k) => {
    const at = 4 * k;
    const e = region.boundary!.edges;
    const hits = own.index.search(Math.min(e[at]!, e[at + 2]!), Math.min(e[at + 1]!, e[at + 3]!),
      Math.max(e[at]!, e[at + 2]!), Math.max(e[at + 1]!, e[at + 3]!));
    return hits.some((h) => segmentsMeet(e, at, own.edges, 4 * h));
  });
}

/** Sutherland-Hodgman against one side of a box. Concave rings come out with zero-width bridges along the side,
 * which polygon-clipping resolves (it reads rings by the non-zero rule). */
function clipSide(ring: Pair[], inside: (p: Pair) => boolean, cross: (a: Pair, b: Pair) => Pair): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i < ring.length; i += 1) {
    const current = ring[i]!;
    const previous = ring[(i + ring.length - 1) % ring.length]!;
    if (inside(current)) {
      if (!inside(previous)) out.push(cross(previous, current));
      out.push(current);
    } else if (inside(previous)) out.push(cross(previous, current));
  }
  return out;
}

function clipRingToBox(ring: Pair[], [minX, minY, maxX, maxY]: Box): Pair[] {
  const atX = (x: number) => (a: Pair, b: Pair): Pair => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY = (y: number) => (a: Pair, b: Pair): Pair => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  let out = clipSide(ring, (p) => p[0] >= minX, atX(minX));
  out = clipSide(out, (p) => p[0] <= maxX, atX(maxX));
  out = clipSide(out, (p) => p[1] >= minY, atY(minY));
  return clipSide(out, (p) => p[1] <= maxY, atY(maxY));
}

/** The region cut down to a box a little larger than the candidate's, so that polygon-clipping sees few edges. */
function regionNear(region: PreparedRegion, box: Box): ClipPolygon[] {
  const margin = 1e-3 * Math.max(box[2] - box[0], box[3] - box[1], 1e-6);
  const wider: Box = [box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin];
  const out: ClipPolygon[] = [];
  for (const [outer, ...holes] of region.polygons) {
    const clippedOuter = clipRingToBox(outer ?? [], wider);
    if (clippedOuter.length < 3) continue;
    out.push([clippedOuter, ...holes.map((hole) => clipRingToBox(hole, wider)).filter((hole) => hole.length >= 3)]);
  }
  return out;
}

/** The part of a geometry inside the region, as polygons (none when they do not overlap). */
export function clipToRegion(geometry: Polygon | MultiPolygon, region: PreparedRegion): ClipPolygon[] {
  const polygons = polygonsOf(geometry);
  const box = boxOf(polygons);
  if (!boxesOverlap(box, region.box)) return [];
  if (!meetsBoundary(polygons, box, region)) {
    // Not touching the boundary: wholly inside or wholly outside, and any vertex tells which.
    const [x, y] = polygons[0]?.[0]?.[0] ?? [NaN, NaN];
    return contains(region.polygons, x, y) ? polygons : [];
  }
  const near = regionNear(region, box);
  return near.length === 0 ? [] : polygonClipping.intersection(polygons, near);
}

/**
 * Area of the union of polygons, m², overlaps counted once: polygons whose bboxes overlap, directly or through
 * others, are unioned together; a polygon that overlaps nothing keeps its own area (exterior less holes).
 */
export function unionArea(polygons: readonly ClipPolygon[]): { areaM2: number; components: number } {
  if (polygons.length === 0) return { areaM2: 0, components: 0 };
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
  for (const [first, ...rest] of groups.values()) {
    const merged = rest.length === 0 ? [first!] : polygonClipping.union(first!, ...rest);
    areaM2 += polygonArea({ type: 'MultiPolygon', coordinates: merged });
  }
  return { areaM2, components: groups.size };
}

const featureId = (feature: Feature) => String(feature.properties?.['id'] ?? feature.id ?? '');

/** Union area of a layer's features inside a region; see RegionUnion for what is counted and what is left out. */
export function unionAreaInRegion(features: readonly Feature[], region: PreparedRegion): RegionUnion {
  const result: RegionUnion = { areaM2: 0, featureIds: [], polygonCount: 0, pointCount: 0, skippedAggregateIds: [], components: 0 };
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
      if (!points.some(([x, y]) => contains(region.polygons, x!, y!))) continue;
      result.pointCount += 1;
      result.featureIds.push(featureId(feature));
    }
  }
  const { areaM2, components } = unionArea(pieces);
  return { ...result, areaM2, components };
}
