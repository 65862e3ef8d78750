import type { Position } from 'geojson';

/** Where two non-adjacent edges of a polygon's rings meet, in the ring's coordinates. */
export interface Crossing {
  point: Position;
}

interface Edge {
  ring: number;
  index: number;
  ringEdges: number;
  start: Position;
  end: Position;
  west: number;
  east: number;
}

const x = (position: Position) => position[0] ?? NaN;
const y = (position: Position) => position[1] ?? NaN;
const turn = (a: Position, b: Position, c: Position) => (x(b) - x(a)) * (y(c) - y(a)) - (y(b) - y(a)) * (x(c) - x(a));
const within = (a: Position, b: Position, c: Position) =>
  Math.min(x(a), x(b)) <= x(c) && x(c) <= Math.max(x(a), x(b)) && Math.min(y(a), y(b)) <= y(c) && y(c) <= Math.max(y(a), y(b));

/** The point two edges share, or undefined when they do not touch (collinear overlaps report a shared endpoint). */
function meeting(first: Edge, second: Edge): Position | undefined {
  const [a, b, c, d] = [first.start, first.end, second.start, second.end];
  const [abc, abd, cda, cdb] = [turn(a, b, c), turn(a, b, d), turn(c, d, a), turn(c, d, b)];
  if (((abc > 0 && abd < 0) || (abc < 0 && abd > 0)) && ((cda > 0 && cdb < 0) || (cda < 0 && cdb > 0))) {
    const share = abc / (abc - abd);
    return [x(c) + share * (x(d) - x(c)), y(c) + share * (y(d) - y(c))];
  }
  if (abc === 0 && within(a, b, c)) return c;
  if (abd === 0 && within(a, b, d)) return d;
  if (cda === 0 && within(c, d, a)) return a;
  if (cdb === 0 && within(c, d, b)) return b;
  return undefined;
}

/** Edges next to each other in one ring share a vertex by construction, which is no crossing. */
const adjacent = (first: Edge, second: Edge) =>
  first.ring === second.ring &&
  (Math.abs(first.index - second.index) === 1 || Math.abs(first.index - second.index) === first.ringEdges - 1);

/**
 * Every place where closed rings cross or touch each other or themselves. Edges are swept west to east so only
 * edges whose longitude spans overlap are compared, which keeps boundaries of thousands of vertices fast.
 */
export function ringCrossings(rings: Position[][]): Crossing[] {
  const edges: Edge[] = rings.flatMap((ring, ringIndex) =>
    ring.slice(1).map((end, index) => {
      const start = ring[index] ?? end;
      return { ring: ringIndex, index, ringEdges: ring.length - 1, start, end, west: Math.min(x(start), x(end)), east: Math.max(x(start), x(end)) };
    }),
  );
  edges.sort((a, b) => a.west - b.west);
  const crossings: Crossing[] = [];
  edges.forEach((edge, position) => {
    for (let later = position + 1; later < edges.length; later++) {
      const other = edges[later];
      if (!other || other.west > edge.east) break;
      if (adjacent(edge, other)) continue;
      const point = meeting(edge, other);
      if (point) crossings.push({ point });
    }
  });
  return crossings;
}
