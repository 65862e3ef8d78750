import { clippedOverlapM2 } from './clip-fallback.ts';
import { Crossings } from './crossings.ts';
import { accuracyAt, hasStretches, type LocalAccuracy } from './edge-accuracy.ts';
import { insideLengthKm } from './inside-length.ts';
import { overlapTerm } from './overlap.ts';
import { pointInRings } from './point-in-rings.ts';
import { SiteDistance } from './site-distance.ts';
import type { Site } from './site.ts';
import type { ZoneStore } from './zone-store.ts';

/** How a site meets a zone: inside it, straddling its edge, covering it whole, near it (outside but within the
 * distance asked about) or apart. */
export type Position = 'inside' | 'straddles' | 'covers' | 'near' | 'apart';

export interface Contact {
  position: Position;
  overlapM2: number;
  insideKm: number;
  /** Geodesic km from the site to the zone's edge when within the accuracy that applies there; Infinity otherwise. */
  edgeKm: number;
  /** The accuracy of the zone's edge at the site: of the stretch (index, -1 for none) that holds the edge point
   * nearest the site; the zone's worst accuracy where no edge lies within that. */
  accuracyKm: number;
  stretch: number;
}

/** Relates one site to zones, reusing its scratch buffers across zones and calls. */
export class ContactFinder {
  private readonly crossings = new Crossings();
  readonly distances: SiteDistance;

  constructor(private readonly store: ZoneStore) {
    this.distances = new SiteDistance(store);
  }

  /**
   * Where `site` lies against `zone`; the edge is looked for up to bandKm (0: not at all), the zone's worst accuracy.
   */
  relate(site: Site, zone: number, bandKm: number): Contact {
    const { store } = this;
    const ringFrom = store.zoneRingStart[zone] as number;
    const ringTo = store.zoneRingStart[zone + 1] as number;
    if (site.kind === 'point') {
      const [x, y] = site.centroid;
      const inside = pointInRings(store.rings, ringFrom, ringTo, x, y);
      const { edgeKm, accuracyKm, stretch } = this.edge(site, zone, bandKm);
      return {
        position: inside ? 'inside' : edgeKm <= accuracyKm ? 'near' : 'apart',
        overlapM2: 0,
        insideKm: 0,
        edgeKm,
        accuracyKm,
        stretch,
      };
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
      let area = this.crossings.degenerate ? NaN : overlapTerm(site.rings, site.box, store.rings, ringFrom, ringTo, this.crossings);
      if (Number.isNaN(area)) area = clippedOverlapM2(site.rings, store.rings, ringFrom, ringTo);
      overlapM2 = Math.max(0, area);
      inside = overlapM2 > 0;
    }
    // A straddling site is on the edge; where the accuracy varies, the edge point nearest a vertex tells which stretch.
    if (inside && crossed) {
      const local = hasStretches(store, zone) ? this.edge(site, zone, bandKm) : { accuracyKm: bandKm, stretch: -1 };
      return { position: 'straddles', overlapM2, insideKm, edgeKm: 0, accuracyKm: local.accuracyKm, stretch: local.stretch };
    }
    const { edgeKm, accuracyKm, stretch } = this.edge(site, zone, bandKm);
    if (!inside) return { position: edgeKm <= accuracyKm ? 'near' : 'apart', overlapM2: 0, insideKm: 0, edgeKm, accuracyKm, stretch };
    // Without crossings the zone is inside the site exactly when its first vertex is.
    const first = store.rings.ringStart[ringFrom] as number;
    const covers =
      site.kind === 'polygon' &&
      !crossed &&
      pointInRings(
        site.rings,
        0,
        site.rings.ringClosed.length,
        store.rings.coords[2 * first] as number,
        store.rings.coords[2 * first + 1] as number,
      );
    return { position: covers ? 'covers' : 'inside', overlapM2, insideKm, edgeKm, accuracyKm, stretch };
  }

  /**
   * The distance to the zone's edge within bandKm, and the accuracy that applies there: the zone's one accuracy, or,
   * where it varies along the edge, the accuracy at the nearest edge point; the distance reads Infinity beyond it.
   */
  private edge(site: Site, zone: number, bandKm: number): Pick<Contact, 'edgeKm' | 'accuracyKm' | 'stretch'> {
    const km = bandKm > 0 ? this.distances.within(site, zone, bandKm) : Infinity;
    if (!hasStretches(this.store, zone) || !Number.isFinite(km)) return { edgeKm: km, accuracyKm: bandKm, stretch: -1 };
    const { x, y } = this.distances.edgePoint;
    const local = accuracyAt(this.store, zone, x, y, this.local);
    return { edgeKm: km <= local.km ? km : Infinity, accuracyKm: local.km, stretch: local.stretch };
  }

  private readonly local: LocalAccuracy = { km: 0, stretch: -1 };
}
