/**
 * Which distance the screening reports, and how far it can be from the other readings (a script, not a test):
 * `npx tsx tests/bench/edge-distance.ts [points per zone]`.
 *
 * The engine's edge distance (hits' distanceKm, the accuracy bands) is the geodesic (WGS-84) distance from the site
 * to the point of the zone's drawn edge nearest to it in a local plane, each edge straight in longitude/latitude as
 * GeoJSON draws it. PostGIS's geography distance instead treats each edge as a geodesic. The data build densifies
 * long edges along their geodesics (data/build/geodesic-edges.ts) so that the two stay within a quarter of the
 * reporting step; this script checks that on every zone of the served data, measuring:
 *  1. how far each drawn edge (straight in lon/lat) lies from the geodesic between its ends: the most the two
 *     readings of an edge can differ for any site;
 *  2. on seeded points within each zone's accuracy band, the engine's distance against the exact geodesic distance
 *     to the straight edges and to geodesic edges;
 * and prints each maximum beside the resolution the report gives that zone's distances in (hits.ts kmFigure: 1 km
 * at accuracies of 10 km or more, 0.1 km from 1 km, 0.001 km below), which is what a difference must stay under.
 */
import geodesic from 'geographiclib-geodesic';
import { readCollections } from '../../src/data/node-loader.ts';
import { distanceStepKm } from '../../src/geodesy/distance-step.ts';
import { geodesicKm } from '../../src/geodesy/ellipsoid.ts';
import { type Closest, edgeKmWithin } from '../../src/screening/edge-distance.ts';
import { RingPacker } from '../../src/screening/packed-rings.ts';
import { seededRandom } from '../../src/screening/seeded-random.ts';
import { zonesOfCollections } from '../../src/screening/zones.ts';
import { kmToGeodesicEdge, kmToStraightEdge } from '../unit/edge-search.ts';

const perZone = Number(process.argv[2] ?? 200);
const wgs84 = geodesic.Geodesic.WGS84;

const collections = await readCollections();
const zones = [...zonesOfCollections(collections)];
const random = seededRandom(16);

let widest = { km: 0, zone: '', lengthKm: 0 };
let overResolution = 0;
let worstShare = { share: 0, zone: '' };
let engineVsStraight = { km: 0, zone: '' };
let engineVsGeodesic = { km: 0, zone: '', resolution: 0 };
let sampled = 0;
let flips = 0;
for (const zone of zones) {
  const { accuracyKm } = zone.info;
  const resolution = distanceStepKm(accuracyKm);
  const edges: [number, number, number, number][] = [];
  const packer = new RingPacker();
  for (const ring of zone.rings) {
    packer.addRing(ring.xy, true, ring.hole);
    const { xy } = ring;
    const count = xy.length / 2 - (xy[0] === xy[xy.length - 2] && xy[1] === xy[xy.length - 1] ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const j = (i + 1) % count;
      edges.push([xy[2 * i] as number, xy[2 * i + 1] as number, xy[2 * j] as number, xy[2 * j + 1] as number]);
    }
  }
  // 1. Each edge against the geodesic between its ends, measured from the middle of the straight edge.
  for (const [ax, ay, bx, by] of edges) {
    const km = kmToGeodesicEdge((ax + bx) / 2, (ay + by) / 2, ax, ay, bx, by);
    if (km > widest.km) widest = { km, zone: zone.info.id, lengthKm: geodesicKm(ax, ay, bx, by) };
    if (km > resolution / 2) overResolution++;
    if (km / (resolution / 2) > worstShare.share) worstShare = { share: km / (resolution / 2), zone: zone.info.id };
  }
  if (accuracyKm <= 0) continue;
  // 2. Seeded points scattered up to the accuracy either side of a random edge.
  const rings = packer.finish();
  const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
  for (let n = 0; n < perZone; n++) {
    const [ax, ay, bx, by] = edges[Math.floor(random() * edges.length)]!;
    const t = random();
    const at = wgs84.Direct(ay + t * (by - ay), ax + t * (bx - ax), random() * 360, (2 * random() - 1) * accuracyKm * 1000);
    const x = at.lon2 as number;
    const y = at.lat2 as number;
    const engine = edgeKmWithin(rings, 0, zone.rings.length, x, y, accuracyKm * 2, closest);
    if (!Number.isFinite(engine)) continue;
    const near = edges.filter(
      ([ex, ey, fx, fy]) => Math.min(geodesicKm(x, y, ex, ey), geodesicKm(x, y, fx, fy)) <= engine + geodesicKm(ex, ey, fx, fy),
    );
    const straight = Math.min(...near.map(([ex, ey, fx, fy]) => kmToStraightEdge(x, y, ex, ey, fx, fy)));
    const geodesicEdges = Math.min(...near.map(([ex, ey, fx, fy]) => kmToGeodesicEdge(x, y, ex, ey, fx, fy)));
    sampled++;
    if (Math.abs(engine - straight) > engineVsStraight.km) engineVsStraight = { km: Math.abs(engine - straight), zone: zone.info.id };
    if (Math.abs(engine - geodesicEdges) > engineVsGeodesic.km)
      engineVsGeodesic = { km: Math.abs(engine - geodesicEdges), zone: zone.info.id, resolution };
    if (engine <= accuracyKm !== geodesicEdges <= accuracyKm) flips++;
  }
}

const edgeCount = zones.reduce((sum, zone) => sum + zone.rings.reduce((ringSum, ring) => ringSum + ring.xy.length / 2, 0), 0);
console.log(`edge distances on ${zones.length} zones (${edgeCount.toLocaleString('en')} vertices) of the served data`);
console.log(
  `  the report's distance: geodesic (WGS-84) from the site to the nearest point of the drawn edge, each edge straight in longitude/latitude between points the data build places on the geodesic`,
);
console.log(
  `  straight edge vs geodesic edge, widest gap: ${(widest.km * 1000).toFixed(1)} m (zone ${widest.zone}, an edge of ${widest.lengthKm.toFixed(1)} km); edges whose gap exceeds half the zone's reporting step: ${overResolution}; largest gap as a share of half the step: ${worstShare.share.toFixed(2)} (zone ${worstShare.zone})`,
);
console.log(`  ${sampled.toLocaleString('en')} seeded points within each zone's accuracy band:`);
console.log(
  `    engine vs exact geodesic distance to the straight edges: at most ${(engineVsStraight.km * 1000).toFixed(2)} m (zone ${engineVsStraight.zone})`,
);
console.log(
  `    engine vs geodesic edges (PostGIS geography): at most ${(engineVsGeodesic.km * 1000).toFixed(1)} m (zone ${engineVsGeodesic.zone}, reported in steps of ${engineVsGeodesic.resolution} km); points on the other side of the band edge: ${flips}`,
);
const holds = widest.km < 0.0005 || overResolution === 0;
console.log(`target: the two readings differ by less than half the reporting step on every edge: ${holds ? 'holds' : 'does not hold'}`);
