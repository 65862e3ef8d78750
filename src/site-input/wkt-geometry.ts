import type { Position } from 'geojson';
import type { SiteGeometry } from './site-input.ts';
import { at } from './site-input.ts';
import { type Message, SiteInputError } from './site-input-error.ts';

/** A parenthesised WKT list: a coordinate tuple, or a list of lists. */
type Nested = { tuple: number[] } | { list: Nested[] };

export interface WktGeometry {
  /** Undefined for "… EMPTY". */
  geometry?: SiteGeometry;
  /** The SRID of an EWKT prefix ("SRID=4490;POINT(…)"). */
  srid?: number;
}

const TYPES = ['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON'] as const;

/**
 * Well-known text (OGC 06-103r4 simple features, 2D; Z and M ordinates are dropped) for the six site geometry
 * types; `where` names the cell in errors.
 */
export function readWkt(text: string, where: Message): WktGeometry {
  let index = 0;
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const fail = (expected: string, expectedZh: string) => new SiteInputError(at(where, {
    en: `WKT: expected ${expected} at character ${index + 1} of "${shown}"`,
    zh: `WKT：“${shown}”的第${index + 1}个字符处应为${expectedZh}`,
  }));
  const skip = () => { while (/\s/.test(text[index] ?? '')) index++; };
  const take = (pattern: RegExp) => {
    skip();
    const found = new RegExp(pattern.source, 'iy');
    found.lastIndex = index;
    const match = found.exec(text);
    if (match) index = found.lastIndex;
    return match?.[0];
  };

  const srid = take(/SRID\s*=\s*\d+\s*;/)?.replace(/\D/g, '');
  skip();
  const typeStart = index;
  const type = take(/[A-Z]+/)?.toUpperCase();
  const known = TYPES.find((name) => name === type);
  if (!known) {
    index = typeStart;
    throw fail(`one of ${TYPES.join(', ')}`, `${TYPES.join('、')}之一`);
  }
  take(/ZM|Z|M(?![A-Z])/);
  if (take(/EMPTY/)) return srid ? { srid: Number(srid) } : {};

  const nested = (): Nested => {
    if (!take(/\(/)) throw fail('"("', '“(”');
    const items: Nested[] = [];
    for (;;) {
      skip();
      if (text[index] === '(') {
        items.push(nested());
      } else {
        const numbers: number[] = [];
        for (let number = take(/[-+]?\d*\.?\d+(?:e[-+]?\d+)?/); number !== undefined; number = take(/[-+]?\d*\.?\d+(?:e[-+]?\d+)?/)) {
          numbers.push(Number(number));
        }
        if (numbers.length < 2) throw fail('x y numbers', 'x y 数值');
        items.push({ tuple: numbers });
      }
      if (take(/\)/)) return { list: items };
      if (!take(/,/)) throw fail('"," or ")"', '“,”或“)”');
    }
  };
  const body = nested();
  skip();
  if (index < text.length) throw fail('the end of the geometry', '几何结束');
  const point = (item: Nested): Position | undefined => {
    if ('tuple' in item) return item.tuple.slice(0, 2);
    // MULTIPOINT((1 2), (3 4)) wraps each point in its own parentheses.
    const [only] = item.list;
    return item.list.length === 1 && only && 'tuple' in only ? only.tuple.slice(0, 2) : undefined;
  };
  const points = (item: Nested) => ('list' in item ? item.list.map(point) : undefined);
  const lists = <T>(item: Nested, each: (item: Nested) => T[] | undefined) => ('list' in item ? item.list.map(each) : undefined);
  const complete = <T>(values: (T | undefined)[] | undefined): values is T[] => values !== undefined && values.every((value) => value !== undefined);

  const geometry = ((): SiteGeometry | undefined => {
    const pointList = points(body);
    const ringList = lists(body, points);
    switch (known) {
      case 'POINT': { const [only] = pointList ?? []; return pointList?.length === 1 && only ? { type: 'Point', coordinates: only } : undefined; }
      case 'LINESTRING': return complete(pointList) ? { type: 'LineString', coordinates: pointList } : undefined;
      case 'MULTIPOINT': return complete(pointList) ? { type: 'MultiPoint', coordinates: pointList } : undefined;
      case 'POLYGON': case 'MULTILINESTRING':
        return complete(ringList) && ringList.every(complete)
          ? { type: known === 'POLYGON' ? 'Polygon' : 'MultiLineString', coordinates: ringList as Position[][] }
          : undefined;
      case 'MULTIPOLYGON': {
        const polygons = lists(body, (item) => lists(item, points));
        return complete(polygons) && polygons.every((polygon) => complete(polygon) && polygon.every(complete))
          ? { type: 'MultiPolygon', coordinates: polygons as Position[][][] }
          : undefined;
      }
    }
  })();
  if (!geometry) {
    throw new SiteInputError(at(where, {
      en: `WKT: the parentheses of "${shown}" do not nest as ${known} requires`,
      zh: `WKT：“${shown}”的括号层次不符合${known}的结构`,
    }));
  }
  return srid ? { geometry, srid: Number(srid) } : { geometry };
}
