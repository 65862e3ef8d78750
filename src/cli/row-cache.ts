/**
 * The screen command's CSV row templates (shared-rows.ts) kept between runs beside its bundle, with the packed zones
 * and grids (zone-cache.ts, grid-cache.ts), in a file per zone set, rules, project type and language. A template is a
 * point's whole report, made once per shape: over the seeded million of tests/bench/cli.ts the command's thread made
 * 1,023 of them in 173-215 ms (four runs, timed inside the command; 272 ms once while another job loaded the machine),
 * on the run's critical path, as that thread also reads the file and, from CSV or FlatGeobuf, writes every row; a
 * one-point run made its one in 9 ms, its report's code running for the first time.
 *
 * node:v8's serialization again, checked with zod and against itself when read; a file that fails is ignored and
 * replaced, and one that cannot be written costs the next run its templates' making, nothing more.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from '../schema/zod-mini.ts';
import { keepFile, keptOnce, offsetsInOrder } from './kept-file.ts';
import { type KeptTemplate, maxSharedRows } from './shared-rows.ts';

/** Bumped when the file's layout changes. */
const layout = 2;

/** Sets of templates a folder keeps (one per project type and language screened lately), the most recently written. */
const keptFiles = 16;

/**
 * Every template in a few arrays rather than an object per template and an array per part: read as an array per
 * template and part (layout 1), the file of the seeded million's 1,023 templates took 35 ms to read and check, as long
 * as making the one template a one-point run needs. Template t's codes are codes[codeEnd[t - 1] .. codeEnd[t]), its
 * zones alike by zoneEnd, and its parts (one more than its zones) the next ones of bytes, part p ending at partEnd[p].
 */
const fileSchema = z.object({
  layout: z.literal(layout),
  codes: z.instanceof(Int32Array),
  codeEnd: z.instanceof(Uint32Array),
  zones: z.instanceof(Int32Array),
  zoneEnd: z.instanceof(Uint32Array),
  bytes: z.instanceof(Uint8Array),
  partEnd: z.instanceof(Uint32Array),
});
type KeptRows = z.infer<typeof fileSchema>;

/** The templates in the file's arrays. */
function packed(templates: readonly KeptTemplate[]): KeptRows {
  const parts = templates.flatMap((template) => template.parts);
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  const partEnd = new Uint32Array(parts.length);
  let at = 0;
  parts.forEach((part, n) => {
    bytes.set(part, at);
    at += part.length;
    partEnd[n] = at;
  });
  const ends = (lists: number[][]) => {
    let end = 0;
    return Uint32Array.from(lists, (list) => (end += list.length));
  };
  return {
    layout,
    codes: Int32Array.from(templates.flatMap((template) => template.codes)),
    codeEnd: ends(templates.map((template) => template.codes)),
    zones: Int32Array.from(templates.flatMap((template) => template.zones)),
    zoneEnd: ends(templates.map((template) => template.zones)),
    bytes,
    partEnd,
  };
}

/** The templates of the file's arrays (their parts views of its bytes); throws where the arrays do not hold together. */
function unpacked({ codes, codeEnd, zones, zoneEnd, bytes, partEnd }: KeptRows): KeptTemplate[] {
  const count = codeEnd.length;
  if (
    zoneEnd.length !== count ||
    partEnd.length !== zones.length + count ||
    !offsetsInOrder(codeEnd, codes.length) ||
    !offsetsInOrder(zoneEnd, zones.length) ||
    !offsetsInOrder(partEnd, bytes.length)
  ) {
    throw new Error('row templates whose arrays do not match');
  }
  const templates: KeptTemplate[] = [];
  let part = 0;
  for (let t = 0; t < count; t++) {
    const [codeFrom, zoneFrom] = t > 0 ? [codeEnd[t - 1] as number, zoneEnd[t - 1] as number] : [0, 0];
    const own = Array.from(codes.subarray(codeFrom, codeEnd[t]));
    // Three codes per zone of a shape (PointShape.codes).
    if (own.length % 3 !== 0) throw new Error('a row template whose codes are not whole');
    const zoneList = Array.from(zones.subarray(zoneFrom, zoneEnd[t]));
    const parts = Array.from({ length: zoneList.length + 1 }, () => {
      const from = part > 0 ? (partEnd[part - 1] as number) : 0;
      return bytes.subarray(from, partEnd[part++]);
    });
    templates.push({ codes: own, parts, zones: zoneList });
  }
  return templates;
}

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
  private readonly read: () => KeptTemplate[] | undefined;

  constructor(folder: string, key: string) {
    this.file = join(folder, `${key}.rows`);
    this.read = keptOnce(this.file, checkedRows);
  }

  /**
   * What the file held, undefined where there was none or it failed its check; read when first asked for, so that a
   * run whose command's thread alone writes rows reads it after its workers have their setup (7-10 ms, 4.8 MB).
   */
  get loaded(): KeptTemplate[] | undefined {
    return this.read();
  }

  /**
   * Writes the file again with the templates a run's threads made that it lacks (several threads may make one shape's),
   * up to as many as a run's shared rows hold.
   */
  keep(made: readonly KeptTemplate[]): void {
    const templates = [...(this.loaded ?? [])];
    const known = new Set(templates.map(({ codes }) => codes.join(',')));
    for (const template of made) {
      const codes = template.codes.join(',');
      if (known.has(codes)) continue;
      known.add(codes);
      templates.push(template);
    }
    const kept = templates.slice(0, maxSharedRows);
    if (kept.length > (this.loaded?.length ?? 0)) keepFile(this.file, packed(kept), keptFiles);
  }
}

/** The templates a file held (the checks of `unpacked` with its schema's); throws what it refuses. */
const checkedRows = (value: unknown): KeptTemplate[] => unpacked(fileSchema.parse(value));
