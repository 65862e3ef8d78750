import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { type Contact, ContactFinder } from './contact.ts';
import { hasStretches } from './edge-accuracy.ts';
import { contactsOfCodes } from './point-shape.ts';
import { createScreener, type Screener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';
import { parseSite, type Site } from './site.ts';
import type { ZoneStore } from './zone-store.ts';

let screener: Screener;
let store: ZoneStore;

beforeAll(async () => {
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
  store = screener.store;
});

const point = (x: number, y: number) => parseSite({ type: 'Point', coordinates: [x, y] });

/** What a row template reads of a contact: everything but the distance's value. */
const compared = (contact: Contact | undefined) =>
  contact === undefined || contact.position === 'apart'
    ? 'apart'
    : {
        position: contact.position,
        accuracyKm: contact.accuracyKm,
        stretch: contact.stretch,
        onEdge: contact.edgeKm <= contact.accuracyKm,
      };

/** The contact with `zone` that a point's shape stands for (contactsOfCodes), as row templates read it. */
const fromShape = (site: Site, zone: number) => {
  const [x, y] = site.centroid;
  return compared(contactsOfCodes(store, screener.pointShape(x, y).codeList()).get(zone));
};

describe("a point shape's contacts (contactsOfCodes, from which row templates are made)", () => {
  it("read as the point's own for points on the very edge of the band and anywhere around it", () => {
    const finder = new ContactFinder(store);
    const random = seededRandom(1234);
    let onBandEdge = 0;
    let around = 0;
    for (let trial = 0; trial < 400; trial++) {
      const zone = Math.floor(random() * store.count);
      const band = store.zoneAccuracyKm[zone] as number;
      if (!(band > 0)) continue;
      // From the middle of a random edge of the zone, along its normal: where the exact distance first passes the
      // band, found to a nanometre, and random points up to twice the band away on either side.
      const first = store.rings.ringStart[store.zoneRingStart[zone] as number] as number;
      const last = (store.rings.ringStart[(store.zoneRingStart[zone] as number) + 1] as number) - 1;
      const vertex = first + Math.floor(random() * (last - first));
      const [ax, ay, bx, by] = [0, 1, 2, 3].map((k) => store.rings.coords[2 * vertex + k] as number) as [number, number, number, number];
      const metric = kilometresPerDegree((ay + by) / 2);
      const [ex, ey] = [(bx - ax) * metric.x, (by - ay) * metric.y];
      const length = Math.hypot(ex, ey);
      if (!(length > 0)) continue;
      const side = random() < 0.5 ? 1 : -1;
      const along = (km: number) =>
        point((ax + bx) / 2 + (side * -ey * km) / length / metric.x, (ay + by) / 2 + (side * ex * km) / length / metric.y);
      const distance = (km: number) => finder.relate(along(km), zone, 4 * band).edgeKm;
      for (let n = 0; n < 4; n++) {
        const site = along((2 * random() - 1) * 2 * band);
        expect(fromShape(site, zone)).toEqual(compared(finder.relate(site, zone, band)));
        around++;
      }
      if (hasStretches(store, zone) || !(distance(2 * band) > band)) continue;
      let [inside, outside] = [0, 2 * band];
      while (outside - inside > 1e-12) {
        const middle = (inside + outside) / 2;
        if (distance(middle) <= band) inside = middle;
        else outside = middle;
      }
      for (const km of [inside, outside]) {
        const site = along(km);
        expect(fromShape(site, zone), `zone ${zone} at ${km} km`).toEqual(compared(finder.relate(site, zone, band)));
        onBandEdge++;
      }
    }
    expect(around).toBeGreaterThan(800);
    expect(onBandEdge).toBeGreaterThan(100);
  });
});
