import type Flatbush from 'flatbush';

/**
 * The zones whose (grown) boxes hold a point, into a reusable array, in the order a walk of flatbush's packed tree
 * gives them (treeSearch): point shapes list zones in that order. flatbush's own search allocates a queue and a result
 * array per call; the walk without them still took some 0.45 µs a point over 89 zones, 8 % of a worker's time on a
 * million CSV points. The first point builds a grid over the index (ZoneGrid), whose cells list the boxes that meet
 * them in the walk's order: a point reads one short list. tests/bench/point-shapes.ts, 1M points, 3 interleaved pairs:
 * 2.79 µs a shaped point against 2.98; the screen command on 1M CSV points (two threads, 4 pairs) 1.68 s against 1.79.
 * Relies on flatbush 4's documented-in-types fields _boxes, _indices, _levelBounds.
 */
export class PointSearch {
  found = new Uint32Array(64);
  count = 0;

  run(index: Flatbush, x: number, y: number): void {
    const grid = gridOf(index);
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
 * Cells a side. With 89 zones over Inner Mongolia's 29 x 16 degrees, a cell of about 0.2 x 0.12 degrees lists
 * 6 zones on average against the 4.6 a point is in, in 50,000 list entries.
 */
const gridSide = 128;

const grids = new WeakMap<Flatbush, ZoneGrid>();

function gridOf(index: Flatbush): ZoneGrid {
  let grid = grids.get(index);
  if (grid === undefined) {
    grid = zoneGrid(index);
    grids.set(index, grid);
  }
  return grid;
}

/** The grid of an index, each cell's items in the order treeSearch finds them. */
export function zoneGrid(index: Flatbush): ZoneGrid {
  const { minX, minY, maxX, maxY, numItems } = index;
  const columns = maxX > minX ? gridSide : 1;
  const rows = maxY > minY ? gridSide : 1;
  const sx = maxX > minX ? columns / (maxX - minX) : 1;
  const sy = maxY > minY ? rows / (maxY - minY) : 1;
  const boxes = new Float64Array(4 * numItems);
  for (let position = 0; position < numItems; position++) {
    const item = index._indices[position] as number;
    boxes.set(index._boxes.subarray(4 * position, 4 * position + 4), 4 * item);
  }
  const order = treeSearch(index, -Infinity, -Infinity, Infinity, Infinity);
  const column = (x: number) => Math.max(0, Math.min(columns - 1, Math.floor((x - minX) * sx)));
  const row = (y: number) => Math.max(0, Math.min(rows - 1, Math.floor((y - minY) * sy)));
  // Two passes: count each cell's items, then place them, each item's cells filled in the walk's order.
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
  const items = new Uint32Array(cellStart[columns * rows] as number);
  const next = cellStart.slice(0, columns * rows);
  visit((cell, item) => {
    items[next[cell] as number] = item;
    next[cell] = (next[cell] as number) + 1;
  });
  return { x0: minX, y0: minY, x1: maxX, y1: maxY, sx, sy, columns, rows, boxes, cellStart, items };
}

/** The items whose boxes meet (x0, y0)-(x1, y1), walking flatbush's packed tree depth first: the order of every search. */
export function treeSearch(index: Flatbush, x0: number, y0: number, x1: number, y1: number): number[] {
  const boxes = index._boxes;
  const indices = index._indices;
  const levelBounds = index._levelBounds;
  const nodeSize4 = index.nodeSize * 4;
  const items4 = index.numItems * 4;
  const found: number[] = [];
  const stack: number[] = [boxes.length - 4, levelBounds.length - 1];
  while (stack.length > 0) {
    const level = stack.pop() as number;
    const node = stack.pop() as number;
    const end = Math.min(node + nodeSize4, levelBounds[level] as number);
    for (let position = node; position < end; position += 4) {
      if (
        x1 < (boxes[position] as number) ||
        y1 < (boxes[position + 1] as number) ||
        x0 > (boxes[position + 2] as number) ||
        y0 > (boxes[position + 3] as number)
      )
        continue;
      const item = (indices[position >> 2] as number) | 0;
      if (node >= items4) stack.push(item, level - 1);
      else found.push(item);
    }
  }
  return found;
}
