/**
 * A report's bytes written in place: rows shared by many points are kept as UTF-8 and copied (a memory copy), where
 * building each row as a string and encoding it was most of the time of a million-point CSV report (865 MB of text).
 */
const encoder = new TextEncoder();

export class ByteWriter {
  private bytes: Uint8Array;
  length = 0;

  /** `spare`: the buffer of an answer already written, written over (screen-pool.ts recycles them). */
  constructor(spare?: ArrayBuffer) {
    this.bytes = new Uint8Array(spare ?? new ArrayBuffer(1 << 20));
  }

  /** All of `source`. */
  copy(source: Uint8Array): void {
    this.room(source.length);
    this.bytes.set(source, this.length);
    this.length += source.length;
  }

  /**
   * Bytes `from` to `to` of `source`, a few (an id): copied byte by byte, which for a short range costs less than the
   * view that set() would need.
   */
  copyRange(source: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    const bytes = this.bytes;
    let at = this.length;
    for (let n = from; n < to; n++) bytes[at++] = source[n] as number;
    this.length = at;
  }

  /** One byte (an ASCII character). */
  byte(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  /** A text as UTF-8. */
  text(value: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.room(3 * value.length);
    this.length += encoder.encodeInto(value, this.bytes.subarray(this.length)).written;
  }

  /**
   * A number as String(value) writes it: a whole number from 0 to 999,999,999 digit by digit (a report's distances are
   * whole kilometres wherever an edge's accuracy is 10 km or worse: 294,194 of the 301,788 of the seeded million of
   * tests/bench/cli.ts), any other through String, whose string per number the collector then frees.
   */
  number(value: number): void {
    if (!(Number.isInteger(value) && value >= 0 && value < 1e9)) {
      this.ascii(String(value));
      return;
    }
    // As a 32-bit integer, which V8 divides as one: on the double a figure is, `%` called C's fmod for every digit
    // (the digit loop was 16 ms of the command's thread in a profile of the seeded million).
    const whole = value | 0;
    let digits = 1;
    for (let rest = whole; rest >= 10; rest = (rest / 10) | 0) digits++;
    this.room(digits);
    let rest = whole;
    for (let at = this.length + digits - 1; at >= this.length; at--) {
      this.bytes[at] = 48 + (rest % 10);
      rest = (rest / 10) | 0;
    }
    this.length += digits;
  }

  /** A text known to be ASCII (a number's digits), without the encoder's call. */
  private ascii(value: string): void {
    this.room(value.length);
    for (let n = 0; n < value.length; n++) this.bytes[this.length++] = value.charCodeAt(n);
  }

  /** What was written, over the buffer it was written in. */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + bytes));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
