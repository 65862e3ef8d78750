/**
 * The point shapes of a part, packed in typed arrays: what a worker thread sends back for a CSV report, whose rows
 * the command's thread then writes itself from its own templates (shared-rows.ts). Shapes are most of a point's
 * cost. A worker that wrote the rows as well compiled and optimised the whole report's code a second time, to make
 * templates (a full report each, some 0.15 ms) for rows that are mostly copied bytes. 1M CSV points on two threads,
 * 5 interleaved pairs, medians: 1.81 s wall and 3.06 s CPU, 159 MiB, against 1.90 s, 3.35 s and 182 MiB when each
 * thread wrote its rows; with the worker making the templates of the shapes it met first, 2.10 s and 3.64 s.
 */
import { Growable } from '../screening/growable.ts';
import { type PointShape, sameCodes } from '../screening/point-shape.ts';
import type { Screener } from '../screening/screener.ts';

/**
 * Per point of a part, in the order of its lon/lat pairs: `shapeIds` its shape's number in the worker's ShapeNumbers
 * (-1: outside the region and its accuracy band), its near zones and their figures at zones[figureEnd[n - 1] ..
 * figureEnd[n]) (PointShape.zones, figures). The shapes first numbered in this part are numbers firstFresh on, their
 * codes at freshCodes[freshEnd[k - 1] .. freshEnd[k]); `restart`: the worker started its numbers again before them.
 * The six arrays lie in one buffer (packed), moved to the command's thread as one.
 */
export interface PackedShapes {
  shapeIds: Int32Array;
  figureEnd: Uint32Array;
  zones: Int32Array;
  figures: Float64Array;
  restart: boolean;
  firstFresh: number;
  freshEnd: Uint32Array;
  freshCodes: Int32Array;
}

/** Shapes a worker numbers before it starts again, as many as the command's thread keeps templates (maxSharedRows). */
const maxNumbers = 20_000;

/**
 * A worker's numbers for the shapes it meets, from 0 in the order met: the command's thread keeps each number's row
 * template, so that a point costs it an array lookup, not a hash and a comparison of codes.
 */
export class ShapeNumbers {
  private readonly byHash = new Map<number, { codes: number[]; id: number }[]>();
  private count = 0;
  /** A part's arrays as pack() fills them, kept from part to part; each part's are copied into its own buffer. */
  private shapeIds = new Int32Array(0);
  private figureEnd = new Uint32Array(0);
  private readonly zones = new Growable(Int32Array, 1024);
  private readonly figures = new Growable(Float64Array, 1024);
  private readonly freshCodes = new Growable(Int32Array, 256);
  private readonly freshEnd = new Growable(Uint32Array, 64);

  /** `limit`: numbers before they start again, so that a run of any size holds a bounded map. */
  constructor(private readonly limit = maxNumbers) {}

  /**
   * The shapes of the points (lon/lat pairs) for a project type, as Screener.pointShape gives them one by one, with
   * the codes of those numbered here for the first time. A point of the region raster's edge cells is placed against
   * the region by its shape (Screener.shapeInRegion), and numbered only inside it or its band.
   */
  pack(screener: Screener, lonLat: Float64Array, projectType: string): PackedShapes {
    const count = lonLat.length / 2;
    const outside = screener.pointsOutsideRegion(lonLat, true);
    const restart = this.count + count > this.limit;
    if (restart) {
      this.byHash.clear();
      this.count = 0;
    }
    const firstFresh = this.count;
    if (this.shapeIds.length < count) {
      this.shapeIds = new Int32Array(count);
      this.figureEnd = new Uint32Array(count);
    }
    const { shapeIds, figureEnd, zones, figures, freshCodes, freshEnd } = this;
    shapeIds.fill(-1, 0, count);
    zones.length = 0;
    figures.length = 0;
    freshCodes.length = 0;
    freshEnd.length = 0;
    for (let n = 0; n < count; n++) {
      const where = outside[n] as number;
      if (where !== 1) {
        const shape = screener.shapeInRegion(lonLat[2 * n] as number, lonLat[2 * n + 1] as number, projectType, where);
        if (!shape) {
          figureEnd[n] = zones.length;
          continue;
        }
        let id = this.find(shape);
        if (id < 0) {
          id = this.add(shape);
          for (let at = 0; at < shape.codeCount; at++) freshCodes.push(shape.codes[at] as number);
          freshEnd.push(freshCodes.length);
        }
        shapeIds[n] = id;
        for (let at = 0; at < shape.nearCount; at++) {
          zones.push(shape.zones[at] as number);
          figures.push(shape.figures[at] as number);
        }
      }
      figureEnd[n] = zones.length;
    }
    return packed(shapeIds.subarray(0, count), figureEnd.subarray(0, count), zones, figures, freshEnd, freshCodes, restart, firstFresh);
  }

  private find(shape: PointShape): number {
    for (const kept of this.byHash.get(shape.hash) ?? []) if (sameCodes(kept.codes, shape.codes, shape.codeCount)) return kept.id;
    return -1;
  }

  private add(shape: PointShape): number {
    const kept = { codes: shape.codeList(), id: this.count++ };
    const list = this.byHash.get(shape.hash);
    if (list) list.push(kept);
    else this.byHash.set(shape.hash, [kept]);
    return kept.id;
  }
}

/**
 * A part's shapes in one buffer (figures first, for their eight-byte alignment), copied from the arrays pack() filled.
 * A worker's message moved six buffers a part before (17.7 µs a message alone on this machine, against 8.0 µs for one
 * buffer of the same bytes), and the command's thread made six again: 1M CSV points on two threads x0.984 wall, x0.981
 * CPU (20 interleaved pairs); the report byte-identical.
 */
function packed(
  shapeIds: Int32Array,
  figureEnd: Uint32Array,
  zones: Growable<Int32Array>,
  figures: Growable<Float64Array>,
  freshEnd: Growable<Uint32Array>,
  freshCodes: Growable<Int32Array>,
  restart: boolean,
  firstFresh: number,
): PackedShapes {
  const count = shapeIds.length;
  const buffer = new ArrayBuffer(8 * figures.length + 4 * (2 * count + zones.length + freshEnd.length + freshCodes.length));
  let at = 0;
  const place = <T extends Float64Array | Int32Array | Uint32Array>(
    Type: new (buffer: ArrayBuffer, at: number, length: number) => T,
    from: T,
  ): T => {
    const view = new Type(buffer, at, from.length);
    view.set(from as never);
    at += from.byteLength;
    return view;
  };
  return {
    figures: place(Float64Array, figures.view()),
    shapeIds: place(Int32Array, shapeIds),
    figureEnd: place(Uint32Array, figureEnd),
    zones: place(Int32Array, zones.view()),
    freshEnd: place(Uint32Array, freshEnd.view()),
    freshCodes: place(Int32Array, freshCodes.view()),
    restart,
    firstFresh,
  };
}

/** The buffer the shapes' arrays share (packed), for a message that moves it instead of copying. */
export const shapeBuffers = (shapes: PackedShapes): ArrayBuffer[] => [shapes.shapeIds.buffer as ArrayBuffer];

/**
 * What the command's thread holds for each of a worker's shape numbers: the shape's codes until a point of it is
 * written, then its row template (shared-rows.ts).
 */
export type Numbered<Template> = (Template | number[])[];

/** Notes the shapes numbered first in a part, before its points are written (after a restart, only those). */
export function noteFresh<Template>(numbered: Numbered<Template>, shapes: PackedShapes): void {
  const { restart, firstFresh, freshEnd, freshCodes } = shapes;
  if (restart) numbered.length = 0;
  for (let k = 0; k < freshEnd.length; k++) {
    numbered[firstFresh + k] = Array.from(freshCodes.subarray(k > 0 ? (freshEnd[k - 1] as number) : 0, freshEnd[k] as number));
  }
}
