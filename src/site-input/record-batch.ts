/**
 * A batch of a streamed file's records packed for screening: each record's point in one array of numbers, its id in
 * packed bytes, and a record object only for those that the one reader still has to read (a geometry, angles, a
 * quoted cell). A million plain CSV rows then make no object per row, which the collector would have to trace.
 */
import type { Bilingual } from '../schema/bilingual.ts';
import { IdWriter, idText, type PackedIds } from './packed-ids.ts';
import type { StreamedRecord } from './stream.ts';

export interface RecordBatch {
  count: number;
  /** Per record, its lon/lat; NaN, NaN where `records` holds the record instead. */
  lonLat: Float64Array;
  ids: PackedIds;
  /** The records the one reader reads, at their index in the batch; undefined at every plain point. */
  records: (StreamedRecord | undefined)[];
  /** Where a record is, made only when a message names it ("row 3 (lon, lat)", "feature 3"). */
  place(index: number): Bilingual;
}

/** Builds batches record by record: plain points as numbers, others as the records they are. */
export class RecordBatcher {
  private lonLat: Float64Array;
  private records: (StreamedRecord | undefined)[] = [];
  private readonly ids = new IdWriter();
  count = 0;

  constructor(readonly capacity: number) {
    this.lonLat = new Float64Array(2 * capacity);
  }

  /** A plain point; its id follows at once (ids.copy or ids.text through idWriter). */
  point(x: number, y: number): void {
    this.lonLat[2 * this.count] = x;
    this.lonLat[2 * this.count + 1] = y;
    this.count++;
  }

  /** A record for the one reader, or a plain point when the record reads as one (`point`). */
  record(record: StreamedRecord): void {
    if (record.point) this.point(record.point[0], record.point[1]);
    else {
      this.lonLat[2 * this.count] = Number.NaN;
      this.lonLat[2 * this.count + 1] = Number.NaN;
      this.records[this.count++] = record;
    }
    this.ids.text(record.id);
  }

  get idWriter(): IdWriter {
    return this.ids;
  }

  /** The batch so far, placed by `place`; the batcher starts again empty. */
  done(place: (index: number) => Bilingual): RecordBatch {
    const batch = { count: this.count, lonLat: this.lonLat.slice(0, 2 * this.count), ids: this.ids.done(), records: this.records, place };
    this.records = [];
    this.count = 0;
    return batch;
  }
}

/** Records read as objects (GeoJSON, FlatGeobuf) as a batch. */
export function packedRecords(records: readonly StreamedRecord[]): RecordBatch {
  const batcher = new RecordBatcher(records.length);
  for (const record of records) batcher.record(record);
  const wheres = records.map((record) => record.where);
  return batcher.done((index) => wheres[index] as Bilingual);
}

/** A batch as record objects again, each plain point as a lon/lat record of its numbers: for callers that want objects. */
export function unpackedRecords(batch: RecordBatch): StreamedRecord[] {
  const records: StreamedRecord[] = [];
  for (let index = 0; index < batch.count; index++) {
    const x = batch.lonLat[2 * index] as number;
    const y = batch.lonLat[2 * index + 1] as number;
    records.push(
      batch.records[index] ?? {
        where: batch.place(index),
        id: idText(batch.ids, index),
        record: { kind: 'lonLat', longitude: String(x), latitude: String(y) },
        point: [x, y],
      },
    );
  }
  return records;
}
