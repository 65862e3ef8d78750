import type { Position } from 'geojson';
import type { SiteGeometry } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';

const same = (a: Position | undefined, b: Position | undefined) => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * A list of vertices (pasted, or CSV rows) as one shape: 1 point -> Point; first = last, or asked for -> Polygon;
 * otherwise LineString, with a note since a site is usually an area.
 */
export function shapeOfVertices(positions: Position[], asPolygon: boolean, notes: Bilingual[]): SiteGeometry {
  const [first] = positions;
  if (!first) throw new SiteInputError({ en: 'no coordinates found', zh: '未找到坐标' });
  const closed = positions.length > 2 && same(first, positions[positions.length - 1]);
  if (positions.length === 1 && !asPolygon) return { type: 'Point', coordinates: first };
  if (closed) return { type: 'Polygon', coordinates: [positions] };
  if (asPolygon) return { type: 'Polygon', coordinates: [[...positions, first]] };
  if (positions.length > 2) {
    notes.push({
      en: `the ${positions.length} points were read as a line because the last differs from the first; for an area, repeat the first point at the end`,
      zh: `${positions.length}个点首尾不同，已按线读取；如为面，请在末尾重复起点`,
    });
  }
  return { type: 'LineString', coordinates: positions };
}
