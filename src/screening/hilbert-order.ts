/**
 * An order of points along a Hilbert curve over their box: neighbours on the curve are neighbours on the map,
 * so consecutive queries read the same zones and bands from cache. Radix-sorted, two 16-bit passes.
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
  const side = 65535;
  const scaleX = maxX > minX ? side / (maxX - minX) : 0;
  const scaleY = maxY > minY ? side / (maxY - minY) : 0;
  const keys = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    keys[i] = hilbert(Math.floor(((lonLat[2 * i] as number) - minX) * scaleX), Math.floor(((lonLat[2 * i + 1] as number) - minY) * scaleY));
  }
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let swap = new Uint32Array(count);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < count; i++) {
      const bucket = (((keys[order[i] as number] as number) >>> shift) & 0xffff) + 1;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    for (let k = 0; k < 65536; k++) counts[k + 1] = (counts[k + 1] as number) + (counts[k] as number);
    for (let i = 0; i < count; i++) {
      const point = order[i] as number;
      const bucket = ((keys[point] as number) >>> shift) & 0xffff;
      swap[counts[bucket] as number] = point;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    [order, swap] = [swap, order];
  }
  return order;
}

/** Position of cell (x, y) along the Hilbert curve filling a 65536 x 65536 grid. */
function hilbert(x: number, y: number): number {
  let d = 0;
  for (let s = 32768; s > 0; s >>>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = 65535 - x;
        y = 65535 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d >>> 0;
}
