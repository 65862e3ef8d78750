/**
 * The screen command's CSV row templates (shared-rows.ts) kept between runs beside its bundle, with the packed zones
 * and grids (zone-cache.ts, grid-cache.ts), in a file per zone set, rules, project type and language. A template is a
 * point's whole report, made once per shape: over the seeded million of tests/bench/cli.ts the command's thread made
 * 1,023 of them in 150-270 ms (timed inside the command), on the run's critical path, as that thread also reads the
 * file and writes every row; a one-point run made its one in 9 ms, its report's code running for the first time.
 *
 * node:v8's serialization again, checked with zod and against itself when read; a file that fails is ignored and
 * replaced, and one that cannot be written costs the next run its templates' making, nothing more.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from '../schema/zod-mini.ts';
import { keepFile, readKept } from './kept-file.ts';
import type { KeptTemplate } from './shared-rows.ts';

/** Bumped when the file's layout changes. */
const layout = 1;

/** Sets of templates a folder keeps (one per project type and language screened lately), the most recently written. */
const keptFiles = 16;

const count = z.int().check(z.nonnegative());
const fileSchema = z.object({
  layout: z.literal(layout),
  templates: z.array(z.object({ codes: z.array(count), parts: z.array(z.instanceof(Uint8Array)), zones: z.array(count) })),
});

/**
 * The key of a file: a hash of what a row is made from but the point's shape and figures (the zones, by a hash of
 * their datasets; the rules, by one of the seeds; the project type and language), the code being the bundle's own.
 */
export function rowKey(zonesKey: string, seedsKey: string, projectType: string, lang: string | undefined): string {
  return createHash('sha256')
    .update(`rows ${layout} ${zonesKey} ${seedsKey} ${projectType} ${lang ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

/** The row templates of a key kept by earlier runs, and the means to keep this run's. */
export class RowCache {
  private readonly file: string;
  /** What the file held, undefined where there was none or it failed its check. */
  readonly loaded: KeptTemplate[] | undefined;

  constructor(folder: string, key: string) {
    this.file = join(folder, `${key}.rows`);
    this.loaded = readRows(this.file);
  }

  /** Writes the templates a run holds at its end when they are more than the file held. */
  keep(templates: readonly KeptTemplate[]): void {
    if (templates.length <= (this.loaded?.length ?? 0)) return;
    keepFile(this.file, { layout, templates }, keptFiles);
  }
}

/** The templates of a file, or undefined where there is none or it fails its check. */
function readRows(file: string): KeptTemplate[] | undefined {
  return readKept(file, (value) => {
    const { templates } = fileSchema.parse(value);
    // Three codes per zone of a shape (PointShape.codes), and a part of the row on either side of each figure.
    if (templates.some(({ codes, parts, zones }) => codes.length % 3 !== 0 || parts.length !== zones.length + 1)) {
      throw new Error('a row template that does not hold together');
    }
    return templates;
  });
}
