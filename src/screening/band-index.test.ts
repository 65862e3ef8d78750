import { describe, expect, test } from 'vitest';
import { edgeEnd, RingPacker, ringEdgeCount, type PackedRings } from './packed-rings.ts';
import { seededRandom } from './seeded-random.ts';
import { starRing } from './synthetic-zones.ts';

/** Zone-like rings of 3 to 200 vertices, a flat ring (every vertex at one latitude) and an open path. */
function packed(shared: boolean): PackedRings {
  const random = seededRandom(7);
  const packer = new RingPacker(16);
  for (let n = 0; n < 300; n++) {
    packer.addRing(
      starRing(random, 110 + random(), 41 + random(), 0.01 + 0.05 * random(), 3 + Math.floor(197 * random())),
      true,
      n % 9 === 0,
    );
  }
  packer.addRing([110, 41, 110.5, 41, 111, 41], true);
  packer.addRing([110, 41, 110.2, 41.3, 110.1, 41.8, 110.4, 41.2], false);
  return packer.finish(shared);
}

/** The bands an edge meets, worked out again here from the ring's stored latitude range and scale. */
function bandsMet(rings: PackedRings, ring: number, edge: number): number[] {
  const [yMin, scale, first, bands] = rings.ringIndex.subarray(4 * ring, 4 * ring + 4) as unknown as number[];
  const band = (y: number) => Math.min((bands as number) - 1, Math.floor((y - (yMin as number)) * (scale as number)));
  const a = rings.coords[2 * edge + 1] as number;
  const b = rings.coords[2 * edgeEnd(rings, ring, edge) + 1] as number;
  return Array.from({ length: band(Math.max(a, b)) - band(Math.min(a, b)) + 1 }, (_, k) => (first as number) + band(Math.min(a, b)) + k);
}

describe('the band index of packed rings', () => {
  test.each([false, true])('is allocated at its exact size, shared = %s', (shared) => {
    const rings = packed(shared);
    const bands = rings.bandStart.length - 1;
    const listed = rings.bandStart[bands] as number;
    expect(rings.ringIndex.length).toBe(4 * rings.ringClosed.length);
    expect(bands).toBe(rings.ringIndex[4 * (rings.ringClosed.length - 1) + 2]! + rings.ringIndex[4 * (rings.ringClosed.length - 1) + 3]!);
    expect(rings.bandEdges.length).toBe(listed);
    expect(rings.bandCoords.length).toBe(4 * listed);
    // No spare capacity behind any array: a doubling buffer or a view into a bigger one would show here.
    for (const array of [rings.coords, rings.ringIndex, rings.bandStart, rings.bandEdges, rings.bandCoords]) {
      expect(array.byteLength).toBe(array.buffer.byteLength);
      expect(array.buffer instanceof SharedArrayBuffer).toBe(shared);
    }
  });

  test('lists each edge in every band its latitude span meets, in edge order, with its end points', () => {
    const rings = packed(false);
    const expected = new Map<number, number[]>();
    for (let ring = 0; ring < rings.ringClosed.length; ring++) {
      const first = rings.ringStart[ring] as number;
      for (let edge = first; edge < first + ringEdgeCount(rings, ring); edge++) {
        for (const band of bandsMet(rings, ring, edge)) expected.set(band, [...(expected.get(band) ?? []), edge]);
      }
    }
    for (let band = 0; band + 1 < rings.bandStart.length; band++) {
      const slots = Array.from({ length: rings.bandStart[band + 1]! - rings.bandStart[band]! }, (_, n) => rings.bandStart[band]! + n);
      expect(slots.map((slot) => rings.bandEdges[slot])).toEqual(expected.get(band) ?? []);
      for (const slot of slots) {
        const start = rings.bandEdges[slot] as number;
        const ring = rings.ringStart.findIndex((begin, n) => begin <= start && start < rings.ringStart[n + 1]!);
        const end = edgeEnd(rings, ring, start);
        expect([...rings.bandCoords.subarray(4 * slot, 4 * slot + 4)]).toEqual([
          rings.coords[2 * start],
          rings.coords[2 * start + 1],
          rings.coords[2 * end],
          rings.coords[2 * end + 1],
        ]);
      }
    }
  });
});
