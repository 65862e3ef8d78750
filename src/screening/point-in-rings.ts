import type { PackedRings } from './packed-rings.ts';

/**
 * Even-odd ray casting over rings ringFrom..ringTo-1 (a zone's outer rings and holes together), testing only
 * the edges listed in the point's y-band: about three, read in order from bandCoords.
 */
export function pointInRings(rings: PackedRings, ringFrom: number, ringTo: number, x: number, y: number): boolean {
  const { ringIndex, bandStart, bandCoords } = rings;
  let inside = false;
  for (let ring = ringFrom; ring < ringTo; ring++) {
    const meta = 4 * ring;
    const k = Math.floor((y - (ringIndex[meta] as number)) * (ringIndex[meta + 1] as number));
    if (!(k >= 0 && k < (ringIndex[meta + 3] as number)) || !rings.ringClosed[ring]) continue;
    const band = (ringIndex[meta + 2] as number) + k;
    for (let slot = bandStart[band] as number, last = bandStart[band + 1] as number; slot < last; slot++) {
      const c = 4 * slot;
      const yi = bandCoords[c + 1] as number;
      const yj = bandCoords[c + 3] as number;
      if (yi > y !== yj > y) {
        const xi = bandCoords[c] as number;
        if (x < (((bandCoords[c + 2] as number) - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
