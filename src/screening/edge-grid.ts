import { eachEdge } from './band-index.ts';
import { type CellGrid, countedCells, type GridBoxes, placeInCells } from './cell-lists.ts';
import type { PackedRings } from './packed-rings.ts';

/**
 * A uniform grid over one ring's box, each cell listing (as x1, y1, x2, y2) the edges whose box meets it: the band
 * index lists a band's edges across the ring's whole width, so a point near a long outline reads hundreds of edges
 * of its latitude band to measure a few; the grid reads only the cells around it.
 */
export interface EdgeGrid extends CellGrid {
  /** A cell's slots hold its edges, slot n at cellCoords[4 * n .. 4 * n + 4). */
  cellCoords: Float64Array;
}

/**
 * Rings with fewer edges read few enough band edges that a grid would not pay for its second lookup. From about
 * 500 edges a wide band (the Hinggan League's 73 km reads some 30 of its latitude bands, each across its whole width)
 * reads several times the edges a grid does: tests/bench/point-shapes.ts measured a third less CPU per point shape
 * than with grids from 2048 edges, and no gain from grids on smaller rings.
 */
const gridFromEdges = 512;
/** Edges a cell is sized for, on average over the ring's box. */
const edgesPerCell = 4;

/** Grids are built on a ring's first query and kept per packed rings (null: the ring has too few edges). */
const grids = new WeakMap<PackedRings, (EdgeGrid | null | undefined)[]>();

/** The ring's edge grid, built once; null for a ring small enough for its bands. */
export function edgeGridOf(rings: PackedRings, ring: number): EdgeGrid | null {
  let list = grids.get(rings);
  if (list === undefined) {
    list = [];
    grids.set(rings, list);
  }
  let grid = list[ring];
  if (grid === undefined) {
    grid = buildEdgeGrid(rings, ring);
    list[ring] = grid;
  }
  return grid;
}

/** The rings' grids built so far, by ring (undefined: not yet): for a cache to keep (src/cli/grid-cache.ts). */
export const builtEdgeGrids = (rings: PackedRings): readonly (EdgeGrid | null | undefined)[] => grids.get(rings) ?? [];

/**
 * Grids that builtEdgeGrids gave for rings of the same content, taken as these rings' own so that none is built again
 * (a ring that has one keeps it).
 */
export function seedEdgeGrids(rings: PackedRings, built: readonly (EdgeGrid | null | undefined)[]): void {
  const list = grids.get(rings) ?? [];
  built.forEach((grid, ring) => {
    if (grid !== undefined && list[ring] === undefined) list[ring] = grid;
  });
  grids.set(rings, list);
}

function buildEdgeGrid(rings: PackedRings, ring: number): EdgeGrid | null {
  const { coords } = rings;
  const first = rings.ringStart[ring] as number;
  const count = (rings.ringStart[ring + 1] as number) - first;
  const edges = rings.ringClosed[ring] ? count : count - 1;
  if (edges < gridFromEdges) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let v = first; v < first + count; v++) {
    const x = coords[2 * v] as number;
    const y = coords[2 * v + 1] as number;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  // Square cells in degrees, as many as edges / edgesPerCell over the box; a flat box gets one row (or column) of
  // that many, and a scale of 1 per degree across it so that a far query still maps to no cell.
  const cells = Math.ceil(edges / edgesPerCell);
  const side = Math.sqrt(Math.max((x1 - x0) * (y1 - y0), 1e-12) / cells);
  const columns = Math.min(cells, Math.max(1, Math.ceil((x1 - x0) / side)));
  const rows = Math.min(cells, Math.max(1, Math.ceil((y1 - y0) / side)));
  const frame = { x0, y0, sx: x1 > x0 ? columns / (x1 - x0) : 1, sy: y1 > y0 ? rows / (y1 - y0) : 1, columns, rows };
  const boxes: GridBoxes = (visit) =>
    eachEdge(coords, first, count, edges, (_, ax, ay, bx, by) =>
      visit(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (slot) => {
        cellCoords[4 * slot] = ax;
        cellCoords[4 * slot + 1] = ay;
        cellCoords[4 * slot + 2] = bx;
        cellCoords[4 * slot + 3] = by;
      }),
    );
  const counted = countedCells(frame, boxes);
  const cellCoords = new Float64Array(4 * (counted.cellStart[columns * rows] as number));
  placeInCells(counted, boxes);
  return { ...counted, cellCoords };
}
