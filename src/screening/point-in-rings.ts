import type { PackedRings } from './packed-rings.ts';

/**
 * Even-odd ray casting over rings ringFrom..ringTo-1 (a zone's outer rings and holes together). A ring with a
 * band index only tests the edges listed in the point's band: about edgesPerBand instead of all of them.
 */
export function pointInRings(rings: PackedRings, ringFrom: number, ringTo: number, x: number, y: number): boolean {
  const { coords, ringStart, ringBand } = rings;
  let inside = false;
  for (let ring = ringFrom; ring < ringTo; ring++) {
    if (!rings.ringClosed[ring]) continue;
    const start = ringStart[ring] as number;
    const end = ringStart[ring + 1] as number;
    const band = ringBand[ring] as number;
    if (band < 0) {
      for (let i = start, j = end - 1; i < end; j = i++) {
        const yi = coords[2 * i + 1] as number;
        const yj = coords[2 * j + 1] as number;
        if (yi > y !== yj > y) {
          const xi = coords[2 * i] as number;
          if (x < (((coords[2 * j] as number) - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
      continue;
    }
    const k = Math.floor((y - (rings.ringYMin[ring] as number)) * (rings.ringBandScale[ring] as number));
    if (k < 0 || k >= (rings.ringBandCount[ring] as number)) continue;
    const { bandStart, bandEdges } = rings;
    for (let slot = bandStart[band + k] as number, last = bandStart[band + k + 1] as number; slot < last; slot++) {
      const i = bandEdges[slot] as number;
      const j = i + 1 === end ? start : i + 1;
      const yi = coords[2 * i + 1] as number;
      const yj = coords[2 * j + 1] as number;
      if (yi > y !== yj > y) {
        const xi = coords[2 * i] as number;
        if (x < (((coords[2 * j] as number) - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
