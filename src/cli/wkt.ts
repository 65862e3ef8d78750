/** Well-known text to GeoJSON geometry, for CSV files that carry one geometry per row. POINT, LINESTRING,
 * POLYGON and their MULTI forms, 2-D (a Z or M ordinate is read and dropped). */

type Nested = number[] | Nested[];

/** Parses one WKT geometry; throws an Error naming what it could not read. */
export function parseWkt(text: string): { type: string; coordinates: unknown } {
  const match = /^\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(?:Z|M|ZM)?\s*(\(.*\)|EMPTY)\s*$/is.exec(text);
  if (!match) throw new Error(`cannot read WKT ${JSON.stringify(text.slice(0, 60))}: expected POINT, LINESTRING, POLYGON or a MULTI form`);
  const kind = (match[1] as string).toUpperCase();
  const type = { POINT: 'Point', LINESTRING: 'LineString', POLYGON: 'Polygon', MULTIPOINT: 'MultiPoint', MULTILINESTRING: 'MultiLineString', MULTIPOLYGON: 'MultiPolygon' }[kind] as string;
  if ((match[2] as string).toUpperCase() === 'EMPTY') return { type, coordinates: [] };
  const nested = nest(match[2] as string);
  // POINT (x y) nests once; a position is always the innermost list.
  return { type, coordinates: kind === 'POINT' ? (nested as Nested[])[0] : nested };
}

/** "((1 2, 3 4), (5 6))" -> [[[1, 2], [3, 4]], [[5, 6]]]: parentheses open lists, commas separate items. */
function nest(text: string): Nested {
  const stack: Nested[][] = [[]];
  let token = '';
  const flush = () => {
    if (token.trim() === '') return;
    const numbers = token.trim().split(/\s+/).map(Number);
    if (numbers.length < 2 || numbers.some((n) => !Number.isFinite(n))) throw new Error(`cannot read WKT position "${token.trim()}"`);
    (stack[stack.length - 1] as Nested[]).push(numbers.slice(0, 2));
    token = '';
  };
  for (const character of text) {
    if (character === '(') stack.push([]);
    else if (character === ')') {
      flush();
      const done = stack.pop();
      if (!done || stack.length === 0) throw new Error('unbalanced parentheses in WKT');
      (stack[stack.length - 1] as Nested[]).push(done);
    } else if (character === ',') flush();
    else token += character;
  }
  if (stack.length !== 1) throw new Error('unbalanced parentheses in WKT');
  return (stack[0] as Nested[])[0] as Nested;
}
