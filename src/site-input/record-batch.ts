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
  /**
   * The records the one reader reads, at their index in the batch; undefined at every plain point, unless the batch
   * keeps objects (RecordBatcher's `objects`), when every record read as an object is kept, points too.
   */
  records: (StreamedRecord | undefined)[];
  /** Where a record is, made only when a message names it ("row 3 (lon, lat)", "feature 3"). */
  place(index: number): Bilingual;
}

/** Builds batches record by record: plain points as numbers, others as the records they are. */
export class RecordBatcher {
  private lonLat: Float64Array;
  private numbers: Int32Array;
  private records: (StreamedRecord | undefined)[] = [];
  private readonly ids = new IdWriter();
  count = 0;

  /** `objects`: keep every record made as an object (for unpackedRecords), points too. */
  constructor(
    capacity: number,
    readonly objects = false,
  ) {
    this.lonLat = new Float64Array(2 * capacity);
    this.numbers = new Int32Array(capacity);
  }

  /** A plain point, row or feature `number` of the file; its id follows at once (through idWriter). */
  point(x: number, y: number, number: number): void {
    if (this.count === this.numbers.length) this.grow();
    this.lonLat[2 * this.count] = x;
    this.lonLat[2 * this.count + 1] = y;
    this.numbers[this.count++] = number;
  }

  /** A record for the one reader, or a plain point when the record reads as one (`point`). */
  record(record: StreamedRecord, number: number): void {
    if (record.point) {
      if (this.objects) this.records[this.count] = record;
      this.point(record.point[0], record.point[1], number);
    } else {
      if (this.count === this.numbers.length) this.grow();
      this.lonLat[2 * this.count] = Number.NaN;
      this.lonLat[2 * this.count + 1] = Number.NaN;
      this.records[this.count] = record;
      this.numbers[this.count++] = number;
    }
    this.ids.text(record.id);
  }

  /** Room for more records than the capacity: a reader adds a chunk's records before it hands on a full batch. */
  private grow(): void {
    const lonLat = new Float64Array(2 * this.lonLat.length);
    lonLat.set(this.lonLat);
    this.lonLat = lonLat;
    const numbers = new Int32Array(2 * this.numbers.length);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }

  get idWriter(): IdWriter {
    return this.ids;
  }

  /** The batch so far, its records placed by their numbers; the batcher starts again empty. */
  done(place: (number: number) => Bilingual): RecordBatch {
    const numbers = this.numbers.slice(0, this.count);
    const batch = {
      count: this.count,
      lonLat: this.lonLat.slice(0, 2 * this.count),
      ids: this.ids.done(),
      records: this.records,
      place: (index: number) => place(numbers[index] as number),
    };
    this.records = [];
    this.count = 0;
    return batch;
  }
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
