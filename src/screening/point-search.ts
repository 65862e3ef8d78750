import type Flatbush from 'flatbush';
import { type CellGrid, countedCells, entriesOf, type GridBoxes, type GridFrame, placeInCells } from './cell-lists.ts';

/**
 * The zones whose (grown) boxes hold a point, into a reusable array, in the order a walk of flatbush's packed tree
 * gives them (walk): point shapes list zones in that order. flatbush's own search allocates a queue and a result
 * array per call; the walk without them still took some 0.45 µs a point over 89 zones, 8 % of a worker's time on a
 * million CSV points. The first point builds a grid over the index (ZoneGrid), whose cells list the boxes that meet
 * them in the walk's order: a point reads one short list. tests/bench/point-shapes.ts, 1M points, 3 interleaved pairs:
 * 2.79 µs a shaped point against 2.98; the screen command on 1M CSV points (two threads, 4 pairs) 1.68 s against 1.79.
 * An index whose boxes would fill too large a grid (zoneGrid) is walked point by point.
 * Relies on flatbush 4's documented-in-types fields _boxes, _indices, _levelBounds.
 */
export class PointSearch {
  found = new Uint32Array(64);
  count = 0;
  private stack = new Int32Array(256);

  /** The zones whose boxes hold (x, y). */
  run(index: Flatbush, x: number, y: number): void {
    const grid = gridOf(index);
    if (grid === null) {
      this.walk(index, x, y, x, y);
      return;
    }
    this.count = 0;
    // The index's bounds hold every box, edges included (the last column and row take points on the far edges).
    if (!(x >= grid.x0 && x <= grid.x1 && y >= grid.y0 && y <= grid.y1)) return;
    const column = Math.min(grid.columns - 1, Math.floor((x - grid.x0) * grid.sx));
    const row = Math.min(grid.rows - 1, Math.floor((y - grid.y0) * grid.sy));
    const cell = row * grid.columns + column;
    const { boxes, items, cellStart } = grid;
    const end = cellStart[cell + 1] as number;
    if (this.found.length < end - (cellStart[cell] as number)) this.found = new Uint32Array(2 * (end - (cellStart[cell] as number)));
    for (let slot = cellStart[cell] as number; slot < end; slot++) {
      const item = items[slot] as number;
      const box = 4 * item;
      if (x < (boxes[box] as number) || y < (boxes[box + 1] as number) || x > (boxes[box + 2] as number) || y > (boxes[box + 3] as number))
        continue;
      this.found[this.count++] = item;
    }
  }

  /** The zones whose boxes meet (x0, y0)-(x1, y1), walking the packed tree depth first: the order of every search. */
  walk(index: Flatbush, x0: number, y0: number, x1: number, y1: number): void {
    const boxes = index._boxes;
    const indices = index._indices;
    const levelBounds = index._levelBounds;
    const nodeSize4 = index.nodeSize * 4;
    const items4 = index.numItems * 4;
    let stack = this.stack;
    let top = 0;
    this.count = 0;
    stack[top++] = boxes.length - 4;
    stack[top++] = levelBounds.length - 1;
    while (top > 0) {
      const level = stack[--top] as number;
      const node = stack[--top] as number;
      const end = Math.min(node + nodeSize4, levelBounds[level] as number);
      const isNode = node >= items4;
      for (let position = node; position < end; position += 4) {
        if (
          x1 < (boxes[position] as number) ||
          y1 < (boxes[position + 1] as number) ||
          x0 > (boxes[position + 2] as number) ||
          y0 > (boxes[position + 3] as number)
        )
          continue;
        const item = (indices[position >> 2] as number) | 0;
        if (isNode) {
          if (top + 2 > stack.length) {
            const grown = new Int32Array(stack.length * 2);
            grown.set(stack);
            this.stack = stack = grown;
          }
          stack[top++] = item;
          stack[top++] = level - 1;
        } else {
          if (this.count === this.found.length) {
            const grown = new Uint32Array(this.found.length * 2);
            grown.set(this.found);
            this.found = grown;
          }
          this.found[this.count++] = item;
        }
      }
    }
  }
}

/**
 * A grid over an index's bounds (cell-lists.ts) whose cells list the items whose boxes meet them, in the tree walk's
 * order: items[slot] for the cell's slots. `boxes`: each item's box (minX, minY, maxX, maxY) by item.
 */
export interface ZoneGrid extends CellGrid {
  x1: number;
  y1: number;
  boxes: Float64Array;
  items: Uint32Array;
}

/**
 * Cells a side at most. The served data's 89 zones fill 43,000 entries, and for seeded points over Inner Mongolia's
 * box a point's cell lists 2.7 zones for the 2.6 whose boxes hold it.
 */
const gridSide = 128;
/** The fewest cells a side worth a grid: coarser, a cell lists most of a crowded index. */
const fewestSide = 16;
/** List entries a grid may hold, 16 MiB: an index of many large boxes gets a coarser grid, or none. */
const gridEntries = 1 << 22;

const grids = new WeakMap<Flatbush, ZoneGrid | null>();

function gridOf(index: Flatbush): ZoneGrid | null {
  let grid = grids.get(index);
  if (grid === undefined) {
    grid = zoneGrid(index);
    grids.set(index, grid);
  }
  return grid;
}

/** The grid an index's searches built or were given (null: they walk the tree), undefined before its first search. */
export const builtZoneGrid = (index: Flatbush): ZoneGrid | null | undefined => grids.get(index);

/**
 * A grid that builtZoneGrid gave for an index of the same content, taken as this index's own from its first search
 * (grid-cache.ts keeps it between runs: built, it was some 10 ms of a worker's first parts, on a run's critical path).
 */
export function seedZoneGrid(index: Flatbush, grid: ZoneGrid | null): void {
  if (!grids.has(index)) grids.set(index, grid);
}

/** Each item's box (minX, minY, maxX, maxY) by item, as a grid reads them. */
function itemBoxes(index: Flatbush): Float64Array {
  const boxes = new Float64Array(4 * index.numItems);
  for (let position = 0; position < index.numItems; position++) {
    const item = index._indices[position] as number;
    boxes.set(index._boxes.subarray(4 * position, 4 * position + 4), 4 * item);
  }
  return boxes;
}

/** Where a grid of `columns` by `rows` cells over the index's bounds lies (one column or row where they are flat). */
function frameOf({ minX, minY, maxX, maxY }: Flatbush, columns: number, rows: number): GridFrame {
  return { x0: minX, y0: minY, sx: maxX > minX ? columns / (maxX - minX) : 1, sy: maxY > minY ? rows / (maxY - minY) : 1, columns, rows };
}

/** The lists of a zone grid, without what its index gives (its frame and boxes): what grid-cache.ts keeps. */
export type ZoneGridLists = Pick<ZoneGrid, 'columns' | 'rows' | 'cellStart' | 'items'>;

/** The grid of an index from the lists zoneGrid made for an index of the same content, its frame and boxes the index's. */
export function zoneGridOver(index: Flatbush, { columns, rows, cellStart, items }: ZoneGridLists): ZoneGrid {
  return { ...frameOf(index, columns, rows), cellStart, x1: index.maxX, y1: index.maxY, boxes: itemBoxes(index), items };
}

/**
 * The grid of an index, each cell's items in the order PointSearch.walk finds them: gridSide cells a side, halved
 * while the lists would hold more than gridEntries; null below fewestSide.
 */
export function zoneGrid(index: Flatbush): ZoneGrid | null {
  const { minX, minY, maxX, maxY } = index;
  const boxes = itemBoxes(index);
  const everything = new PointSearch();
  everything.walk(index, -Infinity, -Infinity, Infinity, Infinity);
  const order = everything.found.subarray(0, everything.count);
  let items = new Uint32Array(0);
  const inOrder: GridBoxes = (visit) => {
    for (const item of order) {
      const box = 4 * item;
      visit(boxes[box] as number, boxes[box + 1] as number, boxes[box + 2] as number, boxes[box + 3] as number, (slot) => {
        items[slot] = item;
      });
    }
  };
  for (let side = gridSide; side >= fewestSide; side /= 2) {
    const frame = frameOf(index, maxX > minX ? side : 1, maxY > minY ? side : 1);
    if (entriesOf(frame, inOrder) > gridEntries) continue;
    const counted = countedCells(frame, inOrder);
    items = new Uint32Array(counted.cellStart[frame.columns * frame.rows] as number);
    placeInCells(counted, inOrder);
    return { ...counted, x1: maxX, y1: maxY, boxes, items };
  }
  return null;
}
