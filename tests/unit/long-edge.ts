/**
 * A bureau's patch with two 200 km east-west edges at 45° N, where the geodesic bulges about 0.8 km north of the
 * straight edge, and a site 5 km north of the middle of the northern geodesic: the tests of official and user zones
 * check that the screening engine measures the geodesic distance to it once the layer is imported.
 */
import geographiclib from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { type Closest, edgeKmWithin } from '../../src/screening/edge-distance.ts';
import { RingPacker } from '../../src/screening/packed-rings.ts';
import { kmToGeodesicEdge } from './edge-search.ts';

const wgs84 = geographiclib.Geodesic.WGS84;

export const longEdgeRing: Position[] = [
  [110, 44.9],
  [112.54, 44.9],
  [112.54, 45],
  [110, 45],
  [110, 44.9],
];

const line = wgs84.InverseLine(45, 110, 45, 112.54);
const middle = line.Position(line.s13 / 2);
const site = wgs84.Direct(middle.lat2 as number, middle.lon2 as number, 0, 5000);
const [x, y] = [site.lon2 as number, site.lat2 as number];

/** The exact distance (km) from the site to the northern edge taken as a geodesic, as PostGIS geography takes it. */
export const siteGeodesicKm = kmToGeodesicEdge(x, y, 110, 45, 112.54, 45);

/** The screening engine's distance (km) from the site to the ring. */
export function siteEngineKm(ring: Position[]): number {
  const packer = new RingPacker();
  packer.addRing(Float64Array.from(ring.flat() as number[]), true, false);
  const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
  return edgeKmWithin(packer.finish(), 0, 1, x, y, 50, closest);
}
