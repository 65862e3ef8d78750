import polygonClipping, { type MultiPolygon, type Ring } from 'polygon-clipping';
import { polygonArea } from '../geodesy/ellipsoidal-area.ts';
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

/** Exact overlap (m²) by clipping, for the touching and shared-edge cases that Green's pieces cannot order. */
export function clippedOverlapM2(site: PackedRings, zone: PackedRings, ringFrom: number, ringTo: number): number {
  const siteShape = toMultiPolygon(site, 0, site.ringClosed.length);
  return polygonArea({
    type: 'MultiPolygon',
    coordinates: polygonClipping.intersection(siteShape, toMultiPolygon(zone, ringFrom, ringTo)),
  });
}
