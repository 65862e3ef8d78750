/**
 * The ids of a batch of streamed records as UTF-8 bytes in one array, the end of each in another: a CSV row's id is
 * copied from the file's bytes without ever becoming a string, and a batch's ids go to a worker thread as two
 * transferred arrays instead of thousands of cloned strings.
 */
export interface PackedIds {
  bytes: Uint8Array;
  /** ends[n]: where id n ends in `bytes`; it starts where id n - 1 ends (0 for the first). */
  ends: Uint32Array;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Where id `index` starts in `bytes`. */
export const idStart = (ids: PackedIds, index: number): number => (index === 0 ? 0 : (ids.ends[index - 1] as number));

/** Id `index` as text. */
export const idText = (ids: PackedIds, index: number): string => decoder.decode(ids.bytes.subarray(idStart(ids, index), ids.ends[index]));

/** Ids `start` to `end` (not included) as a batch of their own, in arrays of their own (to be transferred). */
export function idsSlice(ids: PackedIds, start: number, end: number): PackedIds {
  const from = idStart(ids, start);
  const ends = ids.ends.slice(start, end);
  for (let n = 0; n < ends.length; n++) ends[n] = (ends[n] as number) - from;
  return { bytes: ids.bytes.slice(from, idStart(ids, end)), ends };
}

/** Packs ids one after another, growing its arrays as needed. */
export class IdWriter {
  private bytes = new Uint8Array(1 << 16);
  private ends = new Uint32Array(1 << 10);
  private length = 0;
  private count = 0;

  /**
   * Bytes `from` to `to` of `source` as the next id: UTF-8 already (the caller has checked). Byte by byte: an id is a
   * few bytes, fewer than set() and the view it needs cost.
   */
  copy(source: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    const bytes = this.bytes;
    let at = this.length;
    for (let n = from; n < to; n++) bytes[at++] = source[n] as number;
    this.end(at);
  }

  /** A text as the next id: an ASCII one byte by byte (most ids are a few, fewer than the encoder's call costs), any other encoded. */
  text(id: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.room(3 * id.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let n = 0; n < id.length; n++) {
      const code = id.charCodeAt(n);
      if (code > 127) {
        this.end(this.length + encoder.encodeInto(id, bytes.subarray(this.length)).written);
        return;
      }
      bytes[at++] = code;
    }
    this.end(at);
  }

  /** The ids packed so far, in arrays of their exact size; the writer starts again empty. */
  done(): PackedIds {
    const ids = { bytes: this.bytes.slice(0, this.length), ends: this.ends.slice(0, this.count) };
    this.length = 0;
    this.count = 0;
    return ids;
  }

  private room(bytes: number): void {
    if (this.length + bytes > this.bytes.length) {
      const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + bytes));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(2 * this.ends.length);
      grown.set(this.ends);
      this.ends = grown;
    }
  }

  private end(at: number): void {
    this.length = at;
    this.ends[this.count++] = at;
  }
}
