/**
 * A uniform grid over longitude and latitude whose cells list the items whose boxes meet them, laid out as a counting
 * sort lays out lists: one pass counts each cell's items, the next places each at the next free slot of every cell
 * its box meets, so that cell (row, column) lists slots cellStart[row * columns + column] .. cellStart[row * columns +
 * column + 1] of the caller's arrays, in the order the boxes came. The edge grid of a long ring (edge-grid.ts) and
 * the zone grid of an index (point-search.ts) are both laid out so.
 */

/** Where a grid lies: its south-west corner, cells per degree, and cells a side. */
export interface GridFrame {
  x0: number;
  y0: number;
  /** Cells per degree of longitude and of latitude. */
  sx: number;
  sy: number;
  columns: number;
  rows: number;
}

export interface CellGrid extends GridFrame {
  cellStart: Uint32Array;
}

/**
 * The items' boxes, given to `visit` in the same order at each pass; `place`, called once for each cell the box meets
 * (row by row, each row west to east), gets the slot of the item's entry in that cell.
 */
export type GridBoxes = (visit: (minX: number, minY: number, maxX: number, maxY: number, place: (slot: number) => void) => void) => void;

/** The grid's lists counted: cellStart, whose last entry is the number of slots the caller's arrays need. */
export function countedCells(frame: GridFrame, boxes: GridBoxes): CellGrid {
  const cells = frame.columns * frame.rows;
  const cellStart = new Uint32Array(cells + 1);
  boxes((minX, minY, maxX, maxY) =>
    eachCell(frame, minX, minY, maxX, maxY, (cell) => {
      cellStart[cell + 1] = (cellStart[cell + 1] as number) + 1;
    }),
  );
  for (let cell = 0; cell < cells; cell++) cellStart[cell + 1] = (cellStart[cell + 1] as number) + (cellStart[cell] as number);
  return { ...frame, cellStart };
}

/** Places the same boxes as countedCells counted, each at its slot in every cell it meets. */
export function placeInCells(grid: CellGrid, boxes: GridBoxes): void {
  const next = grid.cellStart.slice(0, grid.columns * grid.rows);
  boxes((minX, minY, maxX, maxY, place) =>
    eachCell(grid, minX, minY, maxX, maxY, (cell) => {
      const slot = next[cell] as number;
      next[cell] = slot + 1;
      place(slot);
    }),
  );
}

/** Entries the grid's lists would hold, counted box by box without visiting their cells. */
export function entriesOf(frame: GridFrame, boxes: GridBoxes): number {
  let entries = 0;
  boxes((minX, minY, maxX, maxY) => {
    entries += (rowOf(frame, maxY) - rowOf(frame, minY) + 1) * (columnOf(frame, maxX) - columnOf(frame, minX) + 1);
  });
  return entries;
}

/** The cells a box meets; a box beyond the grid meets the cells at its edge. */
function eachCell(frame: GridFrame, minX: number, minY: number, maxX: number, maxY: number, cell: (index: number) => void): void {
  const west = columnOf(frame, minX);
  const east = columnOf(frame, maxX);
  for (let row = rowOf(frame, minY); row <= rowOf(frame, maxY); row++) {
    for (let column = west; column <= east; column++) cell(row * frame.columns + column);
  }
}

const columnOf = ({ x0, sx, columns }: GridFrame, x: number) => Math.max(0, Math.min(columns - 1, Math.floor((x - x0) * sx)));
const rowOf = ({ y0, sy, rows }: GridFrame, y: number) => Math.max(0, Math.min(rows - 1, Math.floor((y - y0) * sy)));
