import polygonClipping, { type MultiPolygon, type Ring } from 'polygon-clipping';
import { edgeTerm, sinAuthalic } from './ellipsoid.ts';
import type { PackedRings } from './packed-rings.ts';

/** Rings ringFrom..ringTo-1 as a GeoJSON-style multipolygon: each outer ring followed by its holes. */
export function toMultiPolygon(rings: PackedRings, ringFrom: number, ringTo: number): MultiPolygon {
  const polygons: MultiPolygon = [];
  for (let ring = ringFrom; ring < ringTo; ring++) {
    const positions: Ring = [];
    for (let v = rings.ringStart[ring] as number; v < (rings.ringStart[ring + 1] as number); v++) {
      positions.push([rings.coords[2 * v] as number, rings.coords[2 * v + 1] as number]);
    }
    positions.push(positions[0] as [number, number]);
    const last = polygons[polygons.length - 1];
    if (rings.ringHole[ring] && last) last.push(positions);
    else polygons.push([positions]);
  }
  return polygons;
}

/** Twice the area (equal-area units, as overlapTerm) of a multipolygon, holes subtracted whatever their winding. */
export function multiPolygonTerm(polygons: MultiPolygon): number {
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, n) => {
      let term = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i] as [number, number];
        const [x2, y2] = ring[i + 1] as [number, number];
        term += edgeTerm(x1, sinAuthalic(y1), x2, sinAuthalic(y2));
      }
      total += n === 0 ? Math.abs(term) : -Math.abs(term);
    });
  }
  return total;
}

/** Exact overlap by clipping, for the touching and shared-edge cases that Green's pieces cannot order. */
export function clippedOverlapTerm(site: PackedRings, zone: PackedRings, ringFrom: number, ringTo: number): number {
  const siteShape = toMultiPolygon(site, 0, site.ringClosed.length);
  return multiPolygonTerm(polygonClipping.intersection(siteShape, toMultiPolygon(zone, ringFrom, ringTo)));
}
