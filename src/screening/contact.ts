import { clippedOverlapTerm } from './clip-fallback.ts';
import { Crossings } from './crossings.ts';
import { geodesicKm, kilometresPerDegree, squareMetresPerUnit } from './ellipsoid.ts';
import { edgeKmWithin, nearestOnRings, nearestOnRingsUnbounded, type Closest, type Metric } from './edge-distance.ts';
import { EdgeList, edgesInBox } from './edges-in-range.ts';
import { insideLengthKm } from './inside-length.ts';
import { overlapTerm } from './overlap.ts';
import { pointInRings } from './point-in-rings.ts';
import type { Site } from './site.ts';
import type { ZoneStore } from './zone-store.ts';

/** How a site meets a zone: inside it, straddling its edge, covering it whole, near it (outside but within the
 * distance asked about) or apart. */
export type Position = 'inside' | 'straddles' | 'covers' | 'near' | 'apart';

export interface Contact {
  position: Position;
  overlapM2: number;
  insideKm: number;
  /** Geodesic km from the site to the zone's edge when within the band asked about; Infinity otherwise. */
  edgeKm: number;
}

/** Relates one site to zones, reusing its scratch buffers across zones and calls. */
export class ContactFinder {
  private readonly crossings = new Crossings();
  private readonly zoneVertices = new EdgeList();
  private readonly closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };

  constructor(private readonly store: ZoneStore) {}

  /** Where `site` lies against `zone`; the edge distance is looked for up to bandKm (0: not at all). */
  relate(site: Site, zone: number, bandKm: number): Contact {
    const { store } = this;
    const ringFrom = store.zoneRingStart[zone] as number;
    const ringTo = store.zoneRingStart[zone + 1] as number;
    const metric = kilometresPerDegree(site.centroid[1]);
    if (site.kind === 'point') {
      const [x, y] = site.centroid;
      const inside = pointInRings(store.rings, ringFrom, ringTo, x, y);
      const edgeKm = bandKm > 0 ? this.edgeWithin(site, zone, bandKm, metric) : Infinity;
      return { position: inside ? 'inside' : edgeKm <= bandKm ? 'near' : 'apart', overlapM2: 0, insideKm: 0, edgeKm };
    }
    this.crossings.find(site.rings, site.box, store.rings, ringFrom, ringTo);
    const crossed = this.crossings.count > 0;
    let overlapM2 = 0;
    let insideKm = 0;
    let inside: boolean;
    if (site.kind === 'line') {
      insideKm = insideLengthKm(site, store.rings, ringFrom, ringTo, this.crossings);
      inside = insideKm > 0;
    } else {
      let term = this.crossings.degenerate ? NaN : overlapTerm(site.rings, site.box, store.rings, ringFrom, ringTo, this.crossings);
      if (Number.isNaN(term)) term = clippedOverlapTerm(site.rings, store.rings, ringFrom, ringTo);
      overlapM2 = Math.max(0, (term / 2) * squareMetresPerUnit);
      inside = overlapM2 > 0;
    }
    if (inside && crossed) return { position: 'straddles', overlapM2, insideKm, edgeKm: 0 };
    const edgeKm = bandKm > 0 ? this.edgeWithin(site, zone, bandKm, metric) : Infinity;
    if (!inside) return { position: edgeKm <= bandKm ? 'near' : 'apart', overlapM2: 0, insideKm: 0, edgeKm };
    const covers = site.kind === 'polygon' && Math.abs(overlapM2 - (store.zoneAreaM2[zone] as number)) <= 1e-9 * overlapM2;
    return { position: covers ? 'covers' : 'inside', overlapM2, insideKm, edgeKm };
  }

  /** Geodesic distance from the site to the zone's edge if it is at most limitKm; Infinity otherwise. */
  edgeWithin(site: Site, zone: number, limitKm: number, metric: Metric = kilometresPerDegree(site.centroid[1])): number {
    const { store } = this;
    if (site.kind === 'point') {
      const [x, y] = site.centroid;
      return edgeKmWithin(store.rings, store.zoneRingStart[zone] as number, store.zoneRingStart[zone + 1] as number, x, y, limitKm, this.closest);
    }
    // As edgeKmWithin: the local plane is good to well under 1 % over a band; search wider, decide geodesically.
    this.closest.km = limitKm * 1.01 + 1e-9;
    this.searchEdge(site, zone, metric);
    if (this.closest.km > limitKm * 1.01) return Infinity;
    const km = this.geodesicOfClosest();
    return km <= limitKm ? km : Infinity;
  }

  /** Geodesic distance from the site to the zone's edge, however far. */
  edgeDistance(site: Site, zone: number): number {
    const { store, closest } = this;
    const metric = kilometresPerDegree(site.centroid[1]);
    const ringFrom = store.zoneRingStart[zone] as number;
    const ringTo = store.zoneRingStart[zone + 1] as number;
    const [x, y] = site.kind === 'point' ? site.centroid : [site.rings.coords[0] as number, site.rings.coords[1] as number];
    closest.km = Infinity;
    nearestOnRingsUnbounded(store.rings, ringFrom, ringTo, x, y, metric, closest, 1);
    if (site.kind !== 'point') {
      closest.km *= 1 + 1e-9;
      this.searchEdge(site, zone, metric);
    }
    return this.geodesicOfClosest();
  }

  private geodesicOfClosest(): number {
    const { closest } = this;
    return geodesicKm(closest.fromX, closest.fromY, closest.x, closest.y);
  }

  /** Improves `closest` within closest.km: site vertices against zone edges, then zone vertices near the site
   * against site edges (between edges that do not cross, the nearest pair always has a vertex at one end). */
  private searchEdge(site: Site, zone: number, metric: Metric): void {
    const { store, closest, zoneVertices } = this;
    const ringFrom = store.zoneRingStart[zone] as number;
    const ringTo = store.zoneRingStart[zone + 1] as number;
    const { coords } = site.rings;
    for (let v = 0; v < coords.length / 2; v++) {
      nearestOnRings(store.rings, ringFrom, ringTo, coords[2 * v] as number, coords[2 * v + 1] as number, metric, closest);
    }
    const siteRings = site.rings.ringClosed.length;
    for (let ring = ringFrom; ring < ringTo; ring++) {
      const dx = closest.km / metric.x;
      const dy = closest.km / metric.y;
      edgesInBox(store.rings, ring, (site.box[0] as number) - dx, (site.box[1] as number) - dy, (site.box[2] as number) + dx, (site.box[3] as number) + dy, zoneVertices);
      for (let n = 0; n < zoneVertices.length; n++) {
        const v = zoneVertices.items[n] as number;
        const x = store.rings.coords[2 * v] as number;
        const y = store.rings.coords[2 * v + 1] as number;
        const before = closest.km;
        nearestOnRings(site.rings, 0, siteRings, x, y, metric, closest);
        // Measured from a zone vertex: swap so that `from` stays on the site.
        if (closest.km < before) [closest.x, closest.y, closest.fromX, closest.fromY] = [x, y, closest.x, closest.y];
      }
    }
  }
}
