/** Append-only typed arrays: packing millions of vertices without a JavaScript array per ring. */
type Typed = Float64Array | Uint32Array | Int32Array | Uint8Array;
type Constructor<T extends Typed> = { new (length: number): T };

export class Growable<T extends Typed> {
  private data: T;
  length = 0;

  constructor(
    private readonly type: Constructor<T>,
    capacity = 1024,
  ) {
    this.data = new type(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /** Room for `total` items, growing by doubling so that appends stay amortised O(1). */
  reserve(total: number): void {
    if (total <= this.data.length) return;
    const grown = new this.type(Math.max(total, this.data.length * 2));
    grown.set(this.data.subarray(0, this.length) as never);
    this.data = grown;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /**
   * The items as a view of the array they were pushed into, with no copy, valid until the next push: for a caller that
   * copies them on at once (packed-shapes.ts, into a part's one buffer) and pushes into the same array again.
   */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** The items, copied into an array of exactly their length (on shared memory when asked, for worker threads). */
  finish(shared = false): T {
    const buffer = shared ? new SharedArrayBuffer(this.length * this.data.BYTES_PER_ELEMENT) : undefined;
    const out = buffer ? new (this.type as unknown as { new (b: SharedArrayBuffer): T })(buffer) : new this.type(this.length);
    out.set(this.data.subarray(0, this.length) as never);
    return out;
  }
}
