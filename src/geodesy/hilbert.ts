/** Hilbert curve order: 2^8 cells a side (about 10 km over Inner Mongolia), so that two 8-bit radix passes sort
 * the keys; ordering within a cell would gain little, since its points read the same few zones. */
const order = 8;
const side = 1 << order;
/**
 * Bits sorted per pass: 256 buckets. One pass of 16 bits made and summed 65,536 counts for every call, which cost
 * more than the sort itself on the CLI's parts of 1,024 points (a quarter of a second per million points).
 */
const radixBits = 8;

/**
 * An order of points along a Hilbert curve over their box: neighbours on the curve are neighbours on the map,
 * so consecutive queries read the same zones and bands from cache. Radix-sorted, stable: points of one cell keep
 * their input order.
 */
export function hilbertOrder(lonLat: Float64Array): Uint32Array {
  const count = lonLat.length / 2;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = lonLat[2 * i] as number;
    const y = lonLat[2 * i + 1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const scaleX = maxX > minX ? (side - 1) / (maxX - minX) : 0;
  const scaleY = maxY > minY ? (side - 1) / (maxY - minY) : 0;
  const keys = new Uint32Array(count);
  const table = curveTable();
  for (let i = 0; i < count; i++) {
    keys[i] = table[
      (Math.floor(((lonLat[2 * i] as number) - minX) * scaleX) << order) | Math.floor(((lonLat[2 * i + 1] as number) - minY) * scaleY)
    ] as number;
  }
  let sorted = new Uint32Array(count);
  for (let i = 0; i < count; i++) sorted[i] = i;
  let swap = new Uint32Array(count);
  const buckets = 1 << radixBits;
  for (let shift = 0; shift < 2 * order; shift += radixBits) {
    const counts = new Uint32Array(buckets + 1);
    for (let i = 0; i < count; i++) {
      const bucket = (((keys[i] as number) >>> shift) & (buckets - 1)) + 1;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    for (let k = 0; k < buckets; k++) counts[k + 1] = (counts[k + 1] as number) + (counts[k] as number);
    for (let i = 0; i < count; i++) {
      const point = sorted[i] as number;
      const bucket = ((keys[point] as number) >>> shift) & (buckets - 1);
      swap[counts[bucket] as number] = point;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    [sorted, swap] = [swap, sorted];
  }
  return sorted;
}

let cached: Uint16Array | undefined;

/** Curve position of every cell, indexed by (x << order) | y: 128 KB, worked out once. */
function curveTable(): Uint16Array {
  if (!cached) {
    cached = new Uint16Array(side * side);
    for (let x = 0; x < side; x++) for (let y = 0; y < side; y++) cached[(x << order) | y] = hilbertIndex(x, y, order);
  }
  return cached;
}

/**
 * Distance of cell (x, y) along the Hilbert curve filling a 2^order x 2^order grid: at each scale pick the quadrant,
 * then rotate or reflect so that the sub-square is in canonical orientation. The one curve of the project: the batch
 * screening order (order 8) and the FlatGeobuf writer's index (order 16, values up to 2^32, kept in ordinary number
 * arithmetic since they do not fit in an int32) both use it.
 */
export function hilbertIndex(x: number, y: number, order: number): number {
  const last = 2 ** order - 1;
  let d = 0;
  for (let s = 2 ** (order - 1); s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = last - x;
        y = last - y;
      }
      // Swapped through a spare: a destructuring swap made an array per step (the batch order's table of 65,536
      // cells took 70 ms of every screen command's start).
      const spare = x;
      x = y;
      y = spare;
    }
  }
  return d;
}
