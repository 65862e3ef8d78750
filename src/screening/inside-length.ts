import type { Crossings } from './crossings.ts';
import type { PackedRings } from './packed-rings.ts';
import { pointInRings } from './point-in-rings.ts';
import type { Site } from './site.ts';

/**
 * Kilometres of a line site inside a zone: each part is cut at its crossings with the zone's edges and every
 * piece is classified by its midpoint. A piece's length is read off the geodesic distance along the part,
 * pro rata within an edge (a lon/lat segment is not quite a geodesic; the difference is far below 1 m per km).
 */
export function insideLengthKm(site: Site, zone: PackedRings, ringFrom: number, ringTo: number, crossings: Crossings): number {
  const { rings, distanceAlong } = site;
  const { coords } = rings;
  let total = 0;
  const keys: number[] = [];
  for (let ring = 0; ring < rings.ringClosed.length; ring++) {
    const start = rings.ringStart[ring] as number;
    const edges = (rings.ringStart[ring + 1] as number) - start - 1;
    keys.length = 0;
    keys.push(0);
    for (let n = 0; n < crossings.count; n++) if (crossings.siteRing[n] === ring) keys.push(crossings.siteKey[n] as number);
    keys.push(edges);
    keys.sort((a, b) => a - b);
    const at = (key: number): [number, number, number] => {
      const edge = Math.min(Math.floor(key), edges - 1);
      const t = key - edge;
      const a = start + edge;
      const x = (coords[2 * a] as number) + t * ((coords[2 * a + 2] as number) - (coords[2 * a] as number));
      const y = (coords[2 * a + 1] as number) + t * ((coords[2 * a + 3] as number) - (coords[2 * a + 1] as number));
      const km = (distanceAlong[a] as number) + t * ((distanceAlong[a + 1] as number) - (distanceAlong[a] as number));
      return [x, y, km];
    };
    for (let n = 0; n + 1 < keys.length; n++) {
      const from = keys[n] as number;
      const to = keys[n + 1] as number;
      if (to <= from) continue;
      // The middle of the piece's first stretch: before the next vertex or the next crossing, whichever comes first.
      const [mx, my] = at(Math.min((from + to) / 2, (from + Math.floor(from) + 1) / 2));
      if (pointInRings(zone, ringFrom, ringTo, mx, my)) total += (at(to)[2] as number) - (at(from)[2] as number);
    }
  }
  return total;
}
