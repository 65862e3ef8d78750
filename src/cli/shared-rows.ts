/**
 * CSV rows of points, shared by the points whose rows differ only in their ids and the distances to zones' edges
 * that their doubts give, kept as UTF-8 and copied into the report. Points outside the region and its accuracy band
 * share one row; any other point's row is keyed by the engine's point shape and made from the shape's template
 * (Screener.shapeTemplate) with its own figures (cli/shared-rows.test.ts compares every row with the point's own
 * full report). Only the command's thread writes them: worker threads send it their points' shapes (packed-shapes.ts).
 */
import type { CsvRows } from '../report/writers.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { sameCodes, shapeHash } from '../screening/point-shape.ts';
import { edgeMarks, type Screener } from '../screening/screener.ts';
import type { ByteWriter } from './byte-writer.ts';
import type { Numbered, PackedShapes } from './packed-shapes.ts';

/** Templates kept before the cache starts again: more than the shapes of a million points, bounded in memory. */
export const maxSharedRows = 20_000;

/**
 * A CSV row after its id for the points of a shape (its codes), as texts with the distance to a zone's edge between
 * each two (texts.length = zones.length + 1).
 */
interface MadeTemplate {
  codes: number[];
  texts: string[];
  zones: number[];
}

/** A template as UTF-8: the parts between the figures, and the zone whose figure follows each part but the last. */
export interface KeptTemplate {
  codes: number[];
  parts: Uint8Array[];
  zones: number[];
}

const encoder = new TextEncoder();

/** The hash of a shape with no codes: a point outside the region and its band. */
const emptyHash = shapeHash([]);

export class SharedRows {
  /** Templates by their shape's hash, those of one hash compared in full. */
  private readonly templates = new Map<number, KeptTemplate[]>();
  private templateCount = 0;
  /** The templates made here, in the order made (madeTemplates). */
  private readonly made: KeptTemplate[] = [];
  /** The row after the id of every point outside the region and its band (writeOutside), once a template gave it. */
  private outside: Uint8Array | undefined;

  /** Whether the kept templates were taken (at the first shaped row: see the constructor). */
  private tookKept = false;

  /**
   * `kept`: gives the templates an earlier run made for the same zones, rules, type and language (row-cache.ts), asked
   * for at the first row that needs a template: the file's 4.8 MB took the command's thread 7-10 ms to read, before
   * its first part went to a worker, while the first rows are written only once the workers hold many parts.
   */
  constructor(
    readonly rows: CsvRows,
    private readonly screener: Screener,
    private readonly projectType: ProjectType,
    private readonly kept: () => readonly KeptTemplate[] | undefined = () => undefined,
  ) {}

  /** The templates made here (not taken), up to maxSharedRows, for a later run (row-cache.ts). */
  madeTemplates(): readonly KeptTemplate[] {
    return this.made;
  }

  /**
   * The row after the id of a point (x, y) outside the region and its band: the template of a shape with no zones, the
   * report of a point outside the region, for which no edge need be measured. Kept with the other templates
   * (row-cache.ts; no shape in the region lacks the region's code): made afresh, it was the one report that a run whose
   * templates were all kept made, its code cold, at its first such point (one point outside the region: 0.125 s
   * against 0.104 s once kept, 20 interleaved pairs).
   */
  writeOutside(out: ByteWriter, x: number, y: number): void {
    this.outside ??= this.templateOf(emptyHash, [], 0, x, y).parts[0] as Uint8Array;
    out.copy(this.outside);
  }

  /**
   * The row after the id of any other point: its shape's template with its own figures. `mark`: pointsOutsideRegion's
   * for it (0, or regionUndecided where its shape tells whether it lies beyond the region and its band: it then gets
   * writeOutside's row; Screener.shapeInRegion).
   */
  writeShaped(out: ByteWriter, x: number, y: number, mark = 0): void {
    const shape = this.screener.shapeInRegion(x, y, this.projectType, mark);
    if (!shape) {
      this.writeOutside(out, x, y);
      return;
    }
    const template = this.templateOf(shape.hash, shape.codes, shape.codeCount, x, y);
    writeFigures(out, template, shape.zones, shape.figures, 0, shape.nearCount);
  }

  /**
   * writeShaped for point n of a worker's shapes (packed-shapes.ts), at (x, y); `numbered`: the templates of the
   * worker's shape numbers, noted (noteFresh) with those of this part.
   */
  writePacked(out: ByteWriter, shapes: PackedShapes, numbered: Numbered<KeptTemplate>, n: number, x: number, y: number): void {
    const id = shapes.shapeIds[n] as number;
    let template = numbered[id] as KeptTemplate | number[];
    if (Array.isArray(template)) {
      template = this.templateOf(shapeHash(template), template, template.length, x, y);
      numbered[id] = template;
    }
    const { figureEnd, zones, figures } = shapes;
    writeFigures(out, template, zones, figures, n > 0 ? (figureEnd[n - 1] as number) : 0, figureEnd[n] as number);
  }

  /** The template of a shape (its hash and codes[0 .. length)), made for its point (x, y) when none is kept. */
  private templateOf(hash: number, codes: ArrayLike<number>, length: number, x: number, y: number): KeptTemplate {
    const kept = this.findTemplate(hash, codes, length);
    if (kept) return kept;
    const own = Array.from({ length }, (_, at) => codes[at] as number);
    const parts = this.rows.afterId(this.screener.shapeTemplate(own, x, y, this.projectType)).split(edgeMarks);
    const template = {
      codes: own,
      texts: parts.filter((_, n) => n % 2 === 0),
      zones: parts.filter((_, n) => n % 2 === 1).map(Number),
    };
    return this.keepTemplate(template);
  }

  private findTemplate(hash: number, codes: ArrayLike<number>, length: number): KeptTemplate | undefined {
    if (!this.tookKept) {
      this.tookKept = true;
      for (const template of this.kept() ?? []) this.addTemplate(template);
    }
    const candidates = this.templates.get(hash);
    if (!candidates) return undefined;
    for (const kept of candidates) if (sameCodes(kept.codes, codes, length)) return kept;
    return undefined;
  }

  private keepTemplate({ codes, texts, zones }: MadeTemplate): KeptTemplate {
    const kept = this.addTemplate({ codes, parts: texts.map((text) => encoder.encode(text)), zones });
    if (this.made.length < maxSharedRows) this.made.push(kept);
    return kept;
  }

  private addTemplate(kept: KeptTemplate): KeptTemplate {
    if (this.templateCount >= maxSharedRows) {
      this.templates.clear();
      this.templateCount = 0;
    }
    const hash = shapeHash(kept.codes);
    const candidates = this.templates.get(hash);
    if (candidates) candidates.push(kept);
    else this.templates.set(hash, [kept]);
    this.templateCount++;
    return kept;
  }
}

/**
 * A template's row with a point's figures: those of its near zones at zones[from..to), figures alike (PointShape.zones,
 * figures), each where the template marks that zone's distance.
 */
function writeFigures(
  out: ByteWriter,
  template: KeptTemplate,
  zones: ArrayLike<number>,
  figures: ArrayLike<number>,
  from: number,
  to: number,
): void {
  out.copy(template.parts[0] as Uint8Array);
  for (let n = 0; n < template.zones.length; n++) {
    const zone = template.zones[n] as number;
    let at = from;
    while (at < to && zones[at] !== zone) at++;
    // The template is of the same shape: its marks are for zones whose edge is within the accuracy, as listed.
    if (at === to) throw new Error(`a row template names zone ${zone}, which the point's shape does not list`);
    out.number(figures[at] as number);
    out.copy(template.parts[n + 1] as Uint8Array);
  }
}
