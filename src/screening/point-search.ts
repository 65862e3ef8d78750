import type Flatbush from 'flatbush';

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

  /** `maxEntries`: the most list entries a grid of this search's index may hold (zoneGrid). */
  constructor(private readonly maxEntries = gridEntries) {}

  /** The zones whose boxes hold (x, y). */
  run(index: Flatbush, x: number, y: number): void {
    const grid = gridOf(index, this.maxEntries);
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
 * A uniform grid over an index's bounds. `boxes`: each item's box (minX, minY, maxX, maxY) by item; cell (row, col)
 * lists items[cellStart[row * columns + col] .. cellStart[row * columns + col + 1]), in the tree walk's order.
 */
export interface ZoneGrid {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Cells per degree. */
  sx: number;
  sy: number;
  columns: number;
  rows: number;
  boxes: Float64Array;
  cellStart: Uint32Array;
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

function gridOf(index: Flatbush, maxEntries: number): ZoneGrid | null {
  let grid = grids.get(index);
  if (grid === undefined) {
    grid = zoneGrid(index, maxEntries);
    grids.set(index, grid);
  }
  return grid;
}

/**
 * The grid of an index, each cell's items in the order PointSearch.walk finds them: gridSide cells a side, halved
 * while the lists would hold more than maxEntries; null below fewestSide.
 */
export function zoneGrid(index: Flatbush, maxEntries = gridEntries): ZoneGrid | null {
  const { minX, minY, maxX, maxY, numItems } = index;
  const boxes = new Float64Array(4 * numItems);
  for (let position = 0; position < numItems; position++) {
    const item = index._indices[position] as number;
    boxes.set(index._boxes.subarray(4 * position, 4 * position + 4), 4 * item);
  }
  const everything = new PointSearch();
  everything.walk(index, -Infinity, -Infinity, Infinity, Infinity);
  const order = everything.found.subarray(0, everything.count);
  for (let side = gridSide; side >= fewestSide; side /= 2) {
    const columns = maxX > minX ? side : 1;
    const rows = maxY > minY ? side : 1;
    const sx = maxX > minX ? columns / (maxX - minX) : 1;
    const sy = maxY > minY ? rows / (maxY - minY) : 1;
    const column = (x: number) => Math.max(0, Math.min(columns - 1, Math.floor((x - minX) * sx)));
    const row = (y: number) => Math.max(0, Math.min(rows - 1, Math.floor((y - minY) * sy)));
    let entries = 0;
    for (const item of order) {
      const box = 4 * item;
      entries +=
        (row(boxes[box + 3] as number) - row(boxes[box + 1] as number) + 1) *
        (column(boxes[box + 2] as number) - column(boxes[box] as number) + 1);
    }
    if (entries > maxEntries) continue;
    // Each cell's count, then its items placed, each item's cells in the walk's order.
    const cellStart = new Uint32Array(columns * rows + 1);
    const visit = (place: (cell: number, item: number) => void) => {
      for (const item of order) {
        const box = 4 * item;
        for (let r = row(boxes[box + 1] as number); r <= row(boxes[box + 3] as number); r++) {
          for (let c = column(boxes[box] as number); c <= column(boxes[box + 2] as number); c++) place(r * columns + c, item);
        }
      }
    };
    visit((cell) => {
      cellStart[cell + 1] = (cellStart[cell + 1] as number) + 1;
    });
    for (let cell = 0; cell < columns * rows; cell++) cellStart[cell + 1] = (cellStart[cell + 1] as number) + (cellStart[cell] as number);
    const items = new Uint32Array(entries);
    const next = cellStart.slice(0, columns * rows);
    visit((cell, item) => {
      items[next[cell] as number] = item;
      next[cell] = (next[cell] as number) + 1;
    });
    return { x0: minX, y0: minY, x1: maxX, y1: maxY, sx, sy, columns, rows, boxes, cellStart, items };
  }
  return null;
}
