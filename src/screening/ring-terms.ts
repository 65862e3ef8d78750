import type { PackedRings } from './packed-rings.ts';

/** Area in m² of rings ringFrom..ringTo-1 (outer rings less holes, as stored counter-clockwise and clockwise). */
export function ringsArea(rings: PackedRings, ringFrom: number, ringTo: number): number {
  let total = 0;
  for (let ring = ringFrom; ring < ringTo; ring++) total += rings.ringTerm[ring] as number;
  return Math.max(0, total);
}
