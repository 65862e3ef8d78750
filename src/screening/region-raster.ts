import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { bandOfEdge } from './edge-accuracy.ts';
import { pointInRings } from './point-in-rings.ts';
import type { ZoneStore } from './zone-store.ts';

/** Cells a side of the region's raster: about 5 x 3.5 km over Inner Mongolia, 64 KiB packed (RegionRaster.cells). */
const regionSide = 512;

export const outsideCell = 0;
export const insideCell = 1;
/** The cell lies within the zone's accuracy band of its edge: test the point exactly. */
export const edgeCell = 2;

/** A grid over one zone (the region every batch point is tested against, or any zone a point shape meets) telling,
 * for most of its box, inside or outside without reading its edges. */
export interface RegionRaster {
  /** Cells a side; the grid is side x side cells, row by row. */
  side: number;
  /**
   * Two bits a cell, four cells a byte, the first in the low bits: every point looks up the region's raster and a
   * point shape the raster of each zone it meets, at random. At a byte a cell (256 KiB for the region, 0.27 MiB for
   * the 89 served zones' rasters together) a line profile put 119 ms of a worker's 1.9 s on that lookup; packed (64
   * KiB and 70 KiB) the region test ran x1.13 faster (tests/bench/point-shapes.ts, 1M points, 5 interleaved pairs).
   */
  cells: Uint8Array;
  x0: number;
  y0: number;
  /** Cells per degree. */
  sx: number;
  sy: number;
}

/** How finely, and how far from its edges, a zone is rasterized. */
export interface RasterOptions {
  /** Cells a side. */
  side: number;
  /** Grow each edge's box by the accuracy band times this. */
  reach: number;
  /** Grow every edge's box by the zone's widest band, not the band of the stretches the edge meets. */
  widest: boolean;
}

const regionOptions: RasterOptions = { side: regionSide, reach: 1, widest: false };

/**
 * Marks every cell that an edge's box, grown by the accuracy band of that edge (the worst stretch it meets, where
 * the zone's accuracy varies along its edge; or the zone's widest, see RasterOptions) times the reach, touches as an
 * edge cell; no other cell holds a point within that of the edge, so each is wholly inside or outside, as its centre is.
 */
export function rasterizeZone(store: ZoneStore, zone: number, options = regionOptions): RegionRaster {
  const { side, reach, widest } = options;
  const zoneBand = store.zoneAccuracyKm[zone] as number;
  const band = zoneBand * reach;
  const [minX, minY, maxX, maxY] = Array.from(store.zoneBox.subarray(4 * zone, 4 * zone + 4)) as [number, number, number, number];
  const dy = band / kilometresPerDegree(0).y;
  const dx = band / kilometresPerDegree(Math.min(89, Math.max(Math.abs(minY), Math.abs(maxY)) + dy)).x;
  const x0 = minX - dx;
  const y0 = minY - dy;
  const sx = side / (maxX + dx - x0);
  const sy = side / (maxY + dy - y0);
  const cells = new Uint8Array(side * side);
  const { rings } = store;
  const column = (x: number) => Math.max(0, Math.min(side - 1, Math.floor((x - x0) * sx)));
  const row = (y: number) => Math.max(0, Math.min(side - 1, Math.floor((y - y0) * sy)));
  const ringFrom = store.zoneRingStart[zone] as number;
  const ringTo = store.zoneRingStart[zone + 1] as number;
  for (let ring = ringFrom; ring < ringTo; ring++) {
    const start = rings.ringStart[ring] as number;
    const end = rings.ringStart[ring + 1] as number;
    for (let a = start; a < end; a++) {
      const b = a + 1 === end ? start : a + 1;
      const ax = rings.coords[2 * a] as number;
      const ay = rings.coords[2 * a + 1] as number;
      const bx = rings.coords[2 * b] as number;
      const by = rings.coords[2 * b + 1] as number;
      const share = widest ? 1 : zoneBand > 0 ? bandOfEdge(store, zone, ax, ay, bx, by) / zoneBand : 0;
      const ey = dy * share;
      const ex = dx * share;
      const c0 = column(Math.min(ax, bx) - ex);
      const c1 = column(Math.max(ax, bx) + ex);
      for (let r = row(Math.min(ay, by) - ey); r <= row(Math.max(ay, by) + ey); r++) cells.fill(edgeCell, r * side + c0, r * side + c1 + 1);
    }
  }
  // Two cells side by side in a row, neither an edge cell, are both inside or both outside: an edge crossing the row
  // between their centres would lie in one of them, which its box then marks. So a row's ray cast is needed only at
  // the first cell after each run of edge cells (262,144 ray casts for the region's raster became 2,198).
  for (let r = 0; r < side; r++) {
    let state = edgeCell;
    for (let c = 0; c < side; c++) {
      if (cells[r * side + c] === edgeCell) {
        state = edgeCell;
        continue;
      }
      if (state === edgeCell)
        state = pointInRings(rings, ringFrom, ringTo, x0 + (c + 0.5) / sx, y0 + (r + 0.5) / sy) ? insideCell : outsideCell;
      cells[r * side + c] = state;
    }
  }
  const packed = new Uint8Array(Math.ceil((side * side) / 4));
  for (let at = 0; at < side * side; at++) packed[at >> 2] = (packed[at >> 2] as number) | ((cells[at] as number) << ((at & 3) << 1));
  return { side, cells: packed, x0, y0, sx, sy };
}

/** The cell class of (x, y); outside the grid is outside the zone and its band. */
export function rasterCell(raster: RegionRaster, x: number, y: number): number {
  const { side } = raster;
  const c = Math.floor((x - raster.x0) * raster.sx);
  const r = Math.floor((y - raster.y0) * raster.sy);
  if (!(c >= 0 && c < side && r >= 0 && r < side)) return outsideCell;
  const at = r * side + c;
  return ((raster.cells[at >> 2] as number) >> ((at & 3) << 1)) & 3;
}
