/**
 * CSV rows of points, shared by the points whose rows differ only in their ids and the distances to zones' edges
 * that their doubts give, kept as UTF-8 and copied into the report. Points outside the region and its accuracy band
 * share one row; any other point's row is keyed by the engine's point shape and made from the shape's template
 * (Screener.pointTemplate) with its own figures (cli/shared-rows.test.ts compares every row with the point's own
 * full report). Each thread keeps its own: the row of a shape is the same whichever point made it.
 */
import type { CsvRows } from '../report/writers.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { sameCodes, shapeHash } from '../screening/point-shape.ts';
import type { Report } from '../screening/report.ts';
import { edgeMarks, type Screener } from '../screening/screener.ts';
import type { ByteWriter } from './byte-writer.ts';

/** Templates kept before the cache starts again: more than the shapes of a million points, bounded in memory. */
const maxSharedRows = 20_000;

/** A CSV row after its id, as texts with the distance to a zone's edge between each two (texts.length = zones.length + 1). */
interface RowTemplate {
  texts: string[];
  zones: number[];
}

/** Rows one thread made, for the others: each costs a full report (some 0.3 ms), the same in any thread. */
export interface MadeRows {
  /** Templates by the codes of their shape (PointShape.codes). */
  templates: [codes: number[], template: RowTemplate][];
}

/** A template as UTF-8: the parts between the figures, and the zone whose figure follows each part but the last. */
interface KeptTemplate {
  codes: number[];
  parts: Uint8Array[];
  zones: number[];
}

const encoder = new TextEncoder();

const noneMade = (): MadeRows => ({ templates: [] });

export class SharedRows {
  /** Templates by their shape's hash, those of one hash compared in full. */
  private readonly templates = new Map<number, KeptTemplate[]>();
  private templateCount = 0;
  /** The row after the id of every point outside the region and its band, made by the first of them. */
  private outside: Uint8Array | undefined;
  /** Rows made here since they were last handed on (only when the run has several threads). */
  private made: MadeRows | undefined;

  constructor(
    readonly rows: CsvRows,
    private readonly screener: Screener,
    private readonly projectType: ProjectType,
    share: boolean,
  ) {
    this.made = share ? noneMade() : undefined;
  }

  /** The rows made here since the last call. */
  handOn(): MadeRows {
    const made = this.made ?? noneMade();
    if (this.made) this.made = noneMade();
    return made;
  }

  /** Keeps rows another thread made. */
  learn(made: MadeRows): void {
    for (const [codes, template] of made.templates) if (!this.findTemplate(shapeHash(codes), codes)) this.keepTemplate(codes, template);
  }

  /** The row after the id of a point outside the region and its band; `report` makes it the first time. */
  writeOutside(out: ByteWriter, report: () => Report): void {
    this.outside ??= encoder.encode(this.rows.afterId(report()));
    out.copy(this.outside);
  }

  /** The row after the id of any other point: its shape's template with its own figures. */
  writeShaped(out: ByteWriter, x: number, y: number): void {
    const shape = this.screener.pointShape(x, y, this.projectType);
    let template = this.findTemplate(shape.hash, shape.codes);
    if (!template) {
      const parts = this.rows.afterId(this.screener.pointTemplate(x, y, this.projectType)).split(edgeMarks);
      const made = { texts: parts.filter((_, n) => n % 2 === 0), zones: parts.filter((_, n) => n % 2 === 1).map(Number) };
      const codes = shape.codes.slice();
      template = this.keepTemplate(codes, made);
      this.made?.templates.push([codes, made]);
    }
    out.copy(template.parts[0] as Uint8Array);
    for (let n = 0; n < template.zones.length; n++) {
      const at = shape.zones.indexOf(template.zones[n] as number);
      // The template is of the same shape: its marks are for zones whose edge is within the accuracy, as listed.
      if (at < 0) throw new Error(`a row template names zone ${template.zones[n]}, which the point's shape does not list`);
      out.ascii(String(shape.figures[at]));
      out.copy(template.parts[n + 1] as Uint8Array);
    }
  }

  private findTemplate(hash: number, codes: readonly number[]): KeptTemplate | undefined {
    const candidates = this.templates.get(hash);
    if (!candidates) return undefined;
    for (const kept of candidates) if (sameCodes(kept.codes, codes)) return kept;
    return undefined;
  }

  private keepTemplate(codes: number[], template: RowTemplate): KeptTemplate {
    if (this.templateCount >= maxSharedRows) {
      this.templates.clear();
      this.templateCount = 0;
    }
    const kept = { codes, parts: template.texts.map((text) => encoder.encode(text)), zones: template.zones };
    const hash = shapeHash(codes);
    const candidates = this.templates.get(hash);
    if (candidates) candidates.push(kept);
    else this.templates.set(hash, [kept]);
    this.templateCount++;
    return kept;
  }
}
