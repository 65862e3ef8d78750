import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { longEdgeRing, siteEngineKm, siteGeodesicKm } from '../../tests/unit/long-edge.ts';
import { userZones } from './user-zones.ts';

/** The layer file's bytes, handed over as the CLI's reader would. */
async function* source(text: string) {
  yield new TextEncoder().encode(text);
}

describe('user zones (--zones with --zone-kind)', () => {
  it('densifies long edges along geodesics to the feature accuracy_km, so the engine measures the geodesic distance', async () => {
    const layer = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'long', accuracy_km: 1 }, geometry: { type: 'Polygon', coordinates: [longEdgeRing] } },
      ],
    });
    const zones = await userZones('zones.geojson', 'restricted-zone', () => source(layer));
    const ring = (zones.features[0]?.geometry as Polygon | undefined)?.coordinates[0] ?? [];
    expect(siteEngineKm(longEdgeRing) - siteGeodesicKm).toBeGreaterThan(0.7);
    expect(ring.length).toBeGreaterThan(longEdgeRing.length);
    // accuracy_km 1 reports in 0.1 km: the edge may stray a quarter of that, 25 m.
    expect(Math.abs(siteEngineKm(ring) - siteGeodesicKm) * 1000).toBeLessThanOrEqual(25);
  });
});
