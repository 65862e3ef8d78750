import type { Position } from 'geojson';
import polygonClipping, { type Pair } from 'polygon-clipping';
import { positionsOf } from './geometry-walk.ts';
import { ringCrossings } from '../geodesy/segment-crossings.ts';
import { SITE_LIMITS } from './limits.ts';
import type { SiteGeometry } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';
import { distinctPositions } from './scattered-points.ts';

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
const format = (position: Position) => `${position[0]?.toFixed(6)}, ${position[1]?.toFixed(6)}`;
/** Drops each point equal to the one before it; returns how many went. */
function withoutRepeats(positions: Position[]): [Position[], number] {
  const kept = positions.filter((position, index) => index === 0 || !same(position, positions[index - 1] ?? []));
  return [kept, positions.length - kept.length];
}

/** Whether every point lies on the line through the first two distinct points (a ring that encloses nothing). */
function onOneLine(ring: Position[]): boolean {
  const [origin] = ring;
  const other = ring.find((position) => origin && !same(position, origin));
  if (!origin || !other) return true;
  const [x0 = 0, y0 = 0] = origin;
  const [x1 = 0, y1 = 0] = other;
  return ring.every(([x = 0, y = 0]) => (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) === 0);
}

function ringName(polygon: number | undefined, ring: number): Bilingual {
  const part = polygon === undefined ? { en: '', zh: '' } : { en: `polygon ${polygon + 1}, `, zh: `第${polygon + 1}个多边形的` };
  return ring === 0
    ? { en: `${part.en}outer boundary`, zh: `${part.zh}外边界` }
    : { en: `${part.en}hole ${ring}`, zh: `${part.zh}第${ring}个内洞` };
}

function cleanRing(ring: Position[], name: Bilingual, notes: Bilingual[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  let closed = ring;
  if (first && last && !same(first, last)) {
    closed = [...ring, first];
    notes.push({ en: `${name.en} was not closed; its first point was repeated at the end`, zh: `${name.zh}未闭合，已在末尾补上起点` });
  }
  const [kept, removed] = withoutRepeats(closed);
  if (removed > 0) notes.push({ en: `${name.en}: removed ${removed} repeated point(s)`, zh: `${name.zh}：删除了${removed}个重复点` });
  const distinct = distinctPositions(kept).length;
  if (distinct < 3) {
    throw new SiteInputError({
      en: `${name.en} has ${distinct} distinct point(s); a polygon ring needs at least 3`,
      zh: `${name.zh}只有${distinct}个不同的点，多边形边界至少需要3个`,
    });
  }
  if (onOneLine(kept)) {
    throw new SiteInputError({
      en: `${name.en} encloses no area: all its points lie on one line`,
      zh: `${name.zh}没有面积：所有点都在一条直线上`,
    });
  }
  return kept;
}

function cleanLine(line: Position[], name: Bilingual, notes: Bilingual[]): Position[] {
  const [kept, removed] = withoutRepeats(line);
  if (removed > 0) notes.push({ en: `${name.en}: removed ${removed} repeated point(s)`, zh: `${name.zh}：删除了${removed}个重复点` });
  if (kept.length < 2) {
    throw new SiteInputError({ en: `${name.en} has fewer than 2 distinct points`, zh: `${name.zh}不足2个不同的点` });
  }
  return kept;
}

/**
 * Polygons whose edges cross are merged into the area their rings enclose (polygon-clipping's union resolves
 * self-intersections), and the reviewer is told where the boundary crossed so they can check the outcome. A boundary
 * crossing itself more than SITE_LIMITS.crossings times is refused before any union starts: the union's time and
 * memory grow with the crossings (a 50,000-vertex star took 32 s and 14 GB, then failed).
 */
export function uncrossed(polygons: Position[][][], notes: Bilingual[]): SiteGeometry {
  const crossings = ringCrossings(polygons.flat(), { touching: true, limit: SITE_LIMITS.crossings });
  const asGeometry = (coordinates: Position[][][]): SiteGeometry =>
    coordinates.length === 1 && coordinates[0] ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates };
  const firstCrossing = crossings[0];
  if (!firstCrossing) return asGeometry(polygons);
  const where = format(firstCrossing);
  if (crossings.length > SITE_LIMITS.crossings) {
    throw new SiteInputError({
      en: `the boundary crosses itself at ${where} and in more than ${SITE_LIMITS.crossings} places: too tangled to repair safely; redraw it, or fix it in a GIS (for example with "Repair geometry") and upload it again`,
      zh: `边界在 ${where} 等超过${SITE_LIMITS.crossings}处自相交，过于复杂，无法可靠修复；请重新绘制，或在GIS软件中修复几何后重新上传`,
    });
  }
  const more =
    crossings.length > 1 ? { en: ` and ${crossings.length - 1} more place(s)`, zh: `等${crossings.length}处` } : { en: '', zh: '' };
  const repaired = polygonClipping.union(polygons as Pair[][][]);
  if (repaired.length === 0) {
    throw new SiteInputError({
      en: `the boundary crosses itself at ${where}${more.en} and encloses no area once the crossing is resolved`,
      zh: `边界在 ${where}${more.zh}自相交，消除相交后不再围成任何面积`,
    });
  }
  notes.push({
    en: `the boundary crossed itself at ${where}${more.en}; it was repaired into ${repaired.length} polygon(s) covering the enclosed area: check the result`,
    zh: `边界在 ${where}${more.zh}自相交，已按所围区域修复为${repaired.length}个多边形，请核对`,
  });
  return asGeometry(repaired);
}

function repaired(geometry: SiteGeometry, notes: Bilingual[]): SiteGeometry {
  switch (geometry.type) {
    case 'Point':
      return geometry;
    case 'MultiPoint': {
      const unique = distinctPositions(geometry.coordinates);
      const removed = geometry.coordinates.length - unique.length;
      if (removed > 0) notes.push({ en: `removed ${removed} repeated point(s)`, zh: `删除了${removed}个重复点` });
      return unique.length === 1 && unique[0] ? { type: 'Point', coordinates: unique[0] } : { type: 'MultiPoint', coordinates: unique };
    }
    case 'LineString':
      return { type: 'LineString', coordinates: cleanLine(geometry.coordinates, { en: 'the line', zh: '该线' }, notes) };
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: geometry.coordinates.map((line, index) =>
          cleanLine(line, { en: `line ${index + 1}`, zh: `第${index + 1}条线` }, notes),
        ),
      };
    case 'Polygon':
      return uncrossed([geometry.coordinates.map((ring, index) => cleanRing(ring, ringName(undefined, index), notes))], notes);
    case 'MultiPolygon':
      return uncrossed(
        geometry.coordinates.map((polygon, polygonIndex) =>
          polygon.map((ring, index) => cleanRing(ring, ringName(polygonIndex, index), notes)),
        ),
        notes,
      );
  }
}

/**
 * Makes a site geometry sound: rings closed, repeated points removed, self-crossing polygons repaired (with a
 * warning naming the crossing point, added to `notes`); refuses rings of fewer than 3 distinct points, flat rings,
 * 1-point lines and boundaries too tangled to repair.
 */
export function repairGeometry(geometry: SiteGeometry, notes: Bilingual[]): SiteGeometry {
  if (positionsOf(geometry).length === 0) {
    throw new SiteInputError({ en: `the ${geometry.type} has no coordinates`, zh: `该${geometry.type}没有坐标` });
  }
  return repaired(geometry, notes);
}
