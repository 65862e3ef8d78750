/** What every streamed reader shares: the record it yields, the bytes it reads, and the bound on one record. */
import type { Bilingual } from '../schema/bilingual.ts';
import type { SiteRecord } from './record.ts';
import { SiteInputError } from './site-input-error.ts';

/** One record of a streamed file: where it is (row or feature, with the columns read), its id, and its raw fields. */
export interface StreamedRecord {
  /** "row 3 (lon, lat)" or "feature 3": the place errors name, counted as the atlas counts them. */
  where: Bilingual;
  /** The record's id column or property, else its row or feature number. */
  id: string;
  record: SiteRecord;
  /**
   * A lon/lat row written as plain decimal degrees within range, or a GeoJSON Point of two coordinates in range in
   * degrees, already read: what the one reader would make of it (a point needs no repair), without its per-cell
   * angle parsing or its walk over a geometry's parts, which are most of a million-row file's cost.
   */
  point?: [number, number];
  /** A feature's properties (GeoJSON, FlatGeobuf), for callers that read more than the geometry. */
  properties?: Record<string, unknown>;
}

/** Bytes of a file in chunks: the screen command's reads (cli/file-chunks.ts), or chunks of bytes in a test. */
export type ByteSource = AsyncIterable<Uint8Array>;

/** A record longer than this is refused: no site needs it, and a file with no line break must not fill the memory. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/** Records in a batch of a streamed file: a chunk's worth or so. */
export const batchSize = 8192;

export const tooLong = (where: Bilingual) =>
  new SiteInputError({
    en: `${where.en}: a record is longer than ${MAX_RECORD_BYTES / 2 ** 20} MiB (a missing line break or an unclosed quote?)`,
    zh: `${where.zh}：记录超过${MAX_RECORD_BYTES / 2 ** 20} MiB（缺少换行或引号未闭合？）`,
  });
