import { edgeKmWithin, nearestOnRings, nearestOnRingsUnbounded, type Closest, type Metric } from './edge-distance.ts';
import { EdgeList, edgesInBox } from './edges-in-range.ts';
import { geodesicKm, kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { edgeEnd, ringEdgeCount } from './packed-rings.ts';
import { SegmentIndex, type SegmentHit } from './segment-index.ts';
import type { Site } from './site.ts';
import type { ZoneStore } from './zone-store.ts';

const emptyClosest = (): Closest => ({ km: 0, x: 0, y: 0, fromX: 0, fromY: 0 });

/** A site's edges in the km plane around its centroid (x = (lon - ox) * metric.x ...), with their degrees. */
interface SitePlane {
  site: Site;
  metric: Metric;
  ox: number;
  oy: number;
  degrees: Float64Array;
  index: SegmentIndex;
}

/**
 * Distances from a site to zones' edges: the closest pair is found in the local plane at the site, then
 * measured geodesically. Between a site and a zone whose edges do not cross, the nearest pair of points always
 * has a vertex of one of them at one end, so vertices are tested against edges both ways, each side limited
 * to what lies within the best distance so far.
 */
export class SiteDistance {
  private readonly closest = emptyClosest();
  private readonly probe = emptyClosest();
  private readonly hit: SegmentHit = { km: 0, segment: 0, t: 0 };
  private readonly zoneEdges = new EdgeList();
  private plane: SitePlane | undefined;

  constructor(private readonly store: ZoneStore) {}

  /** The zone's edge point nearest the site found by the last call that returned a finite distance. */
  get edgePoint(): { x: number; y: number } {
    return this.closest;
  }

  /** Geodesic km from the site to the zone's edge if at most limitKm, else Infinity. */
  within(site: Site, zone: number, limitKm: number): number {
    const { store, closest } = this;
    const ringFrom = store.zoneRingStart[zone] as number;
    const ringTo = store.zoneRingStart[zone + 1] as number;
    if (site.kind === 'point') return edgeKmWithin(store.rings, ringFrom, ringTo, site.centroid[0], site.centroid[1], limitKm, closest);
    // As edgeKmWithin: the local plane is good to well under 1 % across a band; look wider, decide geodesically.
    const metric = kilometresPerDegree(site.centroid[1]);
    closest.km = limitKm * 1.01 + 1e-9;
    const seeded = this.seed(zone, metric, site.rings.coords[0] as number, site.rings.coords[1] as number);
    if (!(this.search(site, zone, metric) || seeded)) return Infinity;
    const km = geodesicKm(closest.fromX, closest.fromY, closest.x, closest.y);
    return km <= limitKm ? km : Infinity;
  }

  /** Geodesic km from the site to the zone's edge, or Infinity when it is not nearer than limitKm. */
  distance(site: Site, zone: number, limitKm = Infinity): number {
    const { store, closest } = this;
    const metric = kilometresPerDegree(site.centroid[1]);
    closest.km = limitKm;
    if (site.kind === 'point') {
      const found = nearestOnRingsUnbounded(
        store.rings,
        store.zoneRingStart[zone] as number,
        store.zoneRingStart[zone + 1] as number,
        site.centroid[0],
        site.centroid[1],
        metric,
        closest,
        1,
      );
      return found ? geodesicKm(closest.fromX, closest.fromY, closest.x, closest.y) : Infinity;
    }
    // A first bound from the site vertex nearest the zone's box centre lets the exhaustive pass skip most vertices.
    const [x, y] = this.vertexNearest(site, zone);
    const seeded = this.seed(zone, metric, x, y);
    const found = this.search(site, zone, metric) || seeded;
    return found ? geodesicKm(closest.fromX, closest.fromY, closest.x, closest.y) : Infinity;
  }

  /** Improves `closest` with the zone's nearest point to one site vertex; returns whether it did. */
  private seed(zone: number, metric: Metric, x: number, y: number): boolean {
    const { store, closest } = this;
    const found = nearestOnRingsUnbounded(
      store.rings,
      store.zoneRingStart[zone] as number,
      store.zoneRingStart[zone + 1] as number,
      x,
      y,
      metric,
      closest,
      1,
    );
    // Nudge the bound up so that the pass below can still find the same pair, and never loses it.
    if (found) closest.km *= 1 + 1e-9;
    return found;
  }

  private vertexNearest(site: Site, zone: number): [number, number] {
    const box = this.store.zoneBox;
    const cx = ((box[4 * zone] as number) + (box[4 * zone + 2] as number)) / 2;
    const cy = ((box[4 * zone + 1] as number) + (box[4 * zone + 3] as number)) / 2;
    const { coords } = site.rings;
    let best = 0;
    let bestD2 = Infinity;
    for (let v = 0; v < coords.length / 2; v++) {
      const d2 = ((coords[2 * v] as number) - cx) ** 2 + ((coords[2 * v + 1] as number) - cy) ** 2;
      if (d2 < bestD2) [best, bestD2] = [v, d2];
    }
    return [coords[2 * best] as number, coords[2 * best + 1] as number];
  }

  /** The site's edges in its local km plane, indexed once per site. */
  private planeOf(site: Site): SitePlane {
    if (this.plane?.site === site) return this.plane;
    const metric = kilometresPerDegree(site.centroid[1]);
    const [ox, oy] = site.centroid;
    const { rings } = site;
    const degrees: number[] = [];
    for (let ring = 0; ring < rings.ringClosed.length; ring++) {
      const start = rings.ringStart[ring] as number;
      for (let a = start; a < start + ringEdgeCount(rings, ring); a++) {
        const b = edgeEnd(rings, ring, a);
        degrees.push(
          rings.coords[2 * a] as number,
          rings.coords[2 * a + 1] as number,
          rings.coords[2 * b] as number,
          rings.coords[2 * b + 1] as number,
        );
      }
    }
    const segments = Float64Array.from(degrees, (value, i) => (i % 2 === 0 ? (value - ox) * metric.x : (value - oy) * metric.y));
    this.plane = { site, metric, ox, oy, degrees: Float64Array.from(degrees), index: new SegmentIndex(segments) };
    return this.plane;
  }

  /**
   * Improves `closest` (from on the site, x/y on the zone) within closest.km; returns whether it did. Zone edges
   * within reach of the site's box are indexed like the site's; each side's vertices are then looked up in the
   * other's index, skipping vertices farther from the other side's box than the best so far.
   */
  private search(site: Site, zone: number, metric: Metric): boolean {
    const { store, closest, hit, zoneEdges } = this;
    const { rings } = store;
    const { probe } = this;
    const start = closest.km;
    // The site's km plane: origin at its centroid, as planeOf's.
    const toX = (lon: number) => (lon - site.centroid[0]) * metric.x;
    const toY = (lat: number) => (lat - site.centroid[1]) * metric.y;
    const siteBox = [
      toX(site.box[0] as number),
      toY(site.box[1] as number),
      toX(site.box[2] as number),
      toY(site.box[3] as number),
    ] as const;
    const gap = (x: number, y: number, box: readonly number[]) =>
      Math.hypot(Math.max(0, (box[0] as number) - x, x - (box[2] as number)), Math.max(0, (box[1] as number) - y, y - (box[3] as number)));
    for (let ring = store.zoneRingStart[zone] as number; ring < (store.zoneRingStart[zone + 1] as number); ring++) {
      const dx = closest.km / metric.x;
      const dy = closest.km / metric.y;
      edgesInBox(
        rings,
        ring,
        (site.box[0] as number) - dx,
        (site.box[1] as number) - dy,
        (site.box[2] as number) + dx,
        (site.box[3] as number) + dy,
        zoneEdges,
      );
      if (zoneEdges.length === 0) continue;
      const segments = new Float64Array(4 * zoneEdges.length);
      const edgeBox = [Infinity, Infinity, -Infinity, -Infinity];
      for (let n = 0; n < zoneEdges.length; n++) {
        const a = zoneEdges.items[n] as number;
        const b = edgeEnd(rings, ring, a);
        const ax = toX(rings.coords[2 * a] as number);
        const ay = toY(rings.coords[2 * a + 1] as number);
        const bx = toX(rings.coords[2 * b] as number);
        const by = toY(rings.coords[2 * b + 1] as number);
        segments[4 * n] = ax;
        segments[4 * n + 1] = ay;
        segments[4 * n + 2] = bx;
        segments[4 * n + 3] = by;
        edgeBox[0] = Math.min(edgeBox[0] as number, ax, bx);
        edgeBox[1] = Math.min(edgeBox[1] as number, ay, by);
        edgeBox[2] = Math.max(edgeBox[2] as number, ax, bx);
        edgeBox[3] = Math.max(edgeBox[3] as number, ay, by);
      }
      // Zone vertices facing the site against the site's edges: through the site's bands while the reach is a
      // small part of the site's height, through its 2-D index (built once per site) beyond.
      for (let n = 0; n < zoneEdges.length; n++) {
        const x = segments[4 * n] as number;
        const y = segments[4 * n + 1] as number;
        if (gap(x, y, siteBox) >= closest.km) continue;
        const a = zoneEdges.items[n] as number;
        const lon = rings.coords[2 * a] as number;
        const lat = rings.coords[2 * a + 1] as number;
        if (closest.km * 8 < (siteBox[3] as number) - (siteBox[1] as number)) {
          probe.km = closest.km;
          nearestOnRings(site.rings, 0, site.rings.ringClosed.length, lon, lat, metric, probe);
          if (probe.km < closest.km) Object.assign(closest, { km: probe.km, x: lon, y: lat, fromX: probe.x, fromY: probe.y });
          continue;
        }
        const plane = this.planeOf(site);
        hit.km = closest.km;
        if (!plane.index.nearest(x, y, hit)) continue;
        const d = 4 * hit.segment;
        const from = (k: number) =>
          (plane.degrees[d + k] as number) + hit.t * ((plane.degrees[d + k + 2] as number) - (plane.degrees[d + k] as number));
        Object.assign(closest, { km: hit.km, x: lon, y: lat, fromX: from(0), fromY: from(1) });
      }
      // Site vertices facing those edges against them.
      const zoneIndex = new SegmentIndex(segments);
      const siteCoords = site.rings.coords;
      for (let v = 0; v < siteCoords.length / 2; v++) {
        const x = toX(siteCoords[2 * v] as number);
        const y = toY(siteCoords[2 * v + 1] as number);
        if (gap(x, y, edgeBox) >= closest.km) continue;
        hit.km = closest.km;
        if (!zoneIndex.nearest(x, y, hit)) continue;
        const a = zoneEdges.items[hit.segment] as number;
        const b = edgeEnd(rings, ring, a);
        const to = (k: number) =>
          (rings.coords[2 * a + k] as number) + hit.t * ((rings.coords[2 * b + k] as number) - (rings.coords[2 * a + k] as number));
        Object.assign(closest, { km: hit.km, x: to(0), y: to(1), fromX: siteCoords[2 * v], fromY: siteCoords[2 * v + 1] });
      }
    }
    return closest.km < start;
  }
}
