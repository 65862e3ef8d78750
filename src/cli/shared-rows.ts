/**
 * CSV rows of points, shared by the points whose rows differ only in their ids and the distances to zones' edges
 * that their doubts give, kept as UTF-8 and copied into the report. A point clear of every accuracy band is keyed by
 * the batch path's verdict, edge stretches and hit zones (cli/clear-points.test.ts checks that premise), and its row
 * shared whole; any other by the engine's point shape, its row made from the shape's template
 * (Screener.pointTemplate) with its own figures (cli/shared-rows.test.ts compares every row with the point's own full
 * report). Each thread keeps its own: the row of a key is the same whichever point made it.
 */
import type { CsvRows } from '../report/writers.ts';
import type { ProjectType } from '../schema/project-type.ts';
import type { PointVerdicts } from '../screening/point-batch.ts';
import { sameCodes, shapeHash } from '../screening/point-shape.ts';
import type { Report } from '../screening/report.ts';
import { edgeMarks, type Screener } from '../screening/screener.ts';
import type { ByteWriter } from './byte-writer.ts';

/** Rows kept of each kind before the cache starts again: more than the shapes of a million points, bounded in memory. */
const maxSharedRows = 20_000;

/** A CSV row after its id, as texts with the distance to a zone's edge between each two (texts.length = zones.length + 1). */
interface RowTemplate {
  texts: string[];
  zones: number[];
}

/** The row after the id of the points clear of every band that have this verdict, clear code and hit zones. */
interface ClearRow {
  verdict: number;
  clear: number;
  hits: number[];
  text: string;
}

/** Rows one thread made, for the others: each costs a full report (some 0.3 ms), the same in any thread. */
export interface MadeRows {
  clear: ClearRow[];
  /** Templates by the codes of their shape (PointShape.codes). */
  near: [codes: number[], template: RowTemplate][];
}

interface KeptClear {
  verdict: number;
  clear: number;
  hits: number[];
  bytes: Uint8Array;
}

/** A template as UTF-8: the parts between the figures, and the zone whose figure follows each part but the last. */
interface KeptTemplate {
  codes: number[];
  parts: Uint8Array[];
  zones: number[];
}

const encoder = new TextEncoder();

/** A clear point's key hashed from its numbers: no string is built per point to look its row up. */
function clearHash(verdict: number, clear: number, zones: ArrayLike<number>, from: number, to: number): number {
  let hash = Math.imul(verdict + 1, 0x9e3779b1) ^ clear;
  for (let at = from; at < to; at++) hash = Math.imul(hash ^ (zones[at] as number), 0x85ebca6b);
  return hash ^ (hash >>> 15);
}

const noneMade = (): MadeRows => ({ clear: [], near: [] });

export class SharedRows {
  /** Templates by their shape's hash, those of one hash compared in full. */
  private readonly templates = new Map<number, KeptTemplate[]>();
  private templateCount = 0;
  /** Clear rows by hash, those of one hash compared in full. */
  private readonly clearRows = new Map<number, KeptClear[]>();
  private clearCount = 0;
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
    for (const row of made.clear) {
      if (!this.findClear(row.verdict, row.clear, row.hits, 0, row.hits.length)) this.keepClear(row);
    }
    for (const [codes, template] of made.near) if (!this.findTemplate(shapeHash(codes), codes)) this.keepTemplate(codes, template);
  }

  /** The row after the id of point `n` of a batch, which no accuracy band reaches; `report` makes it the first time. */
  writeClear(out: ByteWriter, { verdicts, clear, hitStart, hitZones }: PointVerdicts, n: number, report: () => Report): void {
    const from = hitStart[n] as number;
    const to = hitStart[n + 1] as number;
    let kept = this.findClear(verdicts[n] as number, clear[n] as number, hitZones, from, to);
    if (!kept) {
      const row = {
        verdict: verdicts[n] as number,
        clear: clear[n] as number,
        hits: Array.from(hitZones.subarray(from, to)),
        text: this.rows.afterId(report()),
      };
      kept = this.keepClear(row);
      this.made?.clear.push(row);
    }
    out.copy(kept.bytes);
  }

  /** The row after the id of a point within some zone's accuracy band: its shape's template with its own figures. */
  writeNear(out: ByteWriter, x: number, y: number): void {
    const shape = this.screener.pointShape(x, y, this.projectType);
    let template = this.findTemplate(shape.hash, shape.codes);
    if (!template) {
      const parts = this.rows.afterId(this.screener.pointTemplate(x, y, this.projectType)).split(edgeMarks);
      const made = { texts: parts.filter((_, n) => n % 2 === 0), zones: parts.filter((_, n) => n % 2 === 1).map(Number) };
      const codes = shape.codes.slice();
      template = this.keepTemplate(codes, made);
      this.made?.near.push([codes, made]);
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

  private findClear(verdict: number, clear: number, zones: ArrayLike<number>, from: number, to: number): KeptClear | undefined {
    const candidates = this.clearRows.get(clearHash(verdict, clear, zones, from, to));
    if (!candidates) return undefined;
    for (const kept of candidates) {
      if (kept.verdict !== verdict || kept.clear !== clear || kept.hits.length !== to - from) continue;
      let same = true;
      for (let at = from; at < to && same; at++) same = kept.hits[at - from] === zones[at];
      if (same) return kept;
    }
    return undefined;
  }

  private keepClear(row: ClearRow): KeptClear {
    if (this.clearCount >= maxSharedRows) {
      this.clearRows.clear();
      this.clearCount = 0;
    }
    const kept = { verdict: row.verdict, clear: row.clear, hits: row.hits, bytes: encoder.encode(row.text) };
    const hash = clearHash(row.verdict, row.clear, row.hits, 0, row.hits.length);
    const candidates = this.clearRows.get(hash);
    if (candidates) candidates.push(kept);
    else this.clearRows.set(hash, [kept]);
    this.clearCount++;
    return kept;
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
