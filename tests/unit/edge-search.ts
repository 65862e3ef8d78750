/**
 * Distances from a point to an edge found by search rather than by the engines' closed forms: what the densify tests
 * and tests/bench/edge-distance.ts check the engines against.
 */
import geodesic from 'geographiclib-geodesic';
import { geodesicKm } from '../../src/geodesy/ellipsoid.ts';

const wgs84 = geodesic.Geodesic.WGS84;

/** Smallest value of a function on [0, 1] that is unimodal between samples: 16 samples, then golden sections. */
export function minimumOnUnit(f: (t: number) => number): number {
  let best = 0;
  let bestValue = Infinity;
  for (let i = 0; i <= 16; i++) {
    const value = f(i / 16);
    if (value < bestValue) [best, bestValue] = [i / 16, value];
  }
  let low = Math.max(0, best - 1 / 16);
  let high = Math.min(1, best + 1 / 16);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = high - ratio * (high - low);
    const b = low + ratio * (high - low);
    if (f(a) < f(b)) high = b;
    else low = a;
  }
  return Math.min(bestValue, f((low + high) / 2));
}

/** km from p to the edge a-b drawn straight in longitude/latitude. */
export const kmToStraightEdge = (px: number, py: number, ax: number, ay: number, bx: number, by: number) =>
  minimumOnUnit((t) => geodesicKm(px, py, ax + t * (bx - ax), ay + t * (by - ay)));

/** km from p to the geodesic from a to b. */
export function kmToGeodesicEdge(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const line = wgs84.InverseLine(ay, ax, by, bx);
  return minimumOnUnit((t) => {
    const at = line.Position(t * line.s13);
    return geodesicKm(px, py, at.lon2 as number, at.lat2 as number);
  });
}

/** The most any point of the geodesic from a to b lies from the straight longitude/latitude edge a-b, in km. */
export function kmGeodesicFromStraightEdge(ax: number, ay: number, bx: number, by: number): number {
  const line = wgs84.InverseLine(ay, ax, by, bx);
  return -minimumOnUnit((t) => {
    const at = line.Position(t * line.s13);
    return -kmToStraightEdge(at.lon2 as number, at.lat2 as number, ax, ay, bx, by);
  });
}
