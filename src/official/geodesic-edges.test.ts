import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { longEdgeRing, siteEngineKm, siteGeodesicKm } from '../../tests/unit/long-edge.ts';
import { officialZones } from './cli-zones.ts';
import { officialEdgeToleranceMetres } from './geodesic-edges.ts';
import { readLayerFile } from './layer-file.ts';
import { buildOfficialLayer, type OfficialLayer } from './official-layer.ts';
import type { ZoneProfile } from './profile.ts';

const importedAt = '2026-12-02T00:00:00.000Z';

/** The long patch, and a small dense one whose edges are all well under a kilometre. */
const long = longEdgeRing;
const small: Position[] = [
  [111, 44],
  [111.005, 44],
  [111.005, 44.005],
  [111, 44.005],
  [111, 44],
];
const patch = (name: string, ring: Position[]): Feature<Polygon> => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const bytes = new TextEncoder().encode(
  JSON.stringify({ type: 'FeatureCollection', features: [patch('long', long), patch('small', small)] } satisfies FeatureCollection),
);
const profile: ZoneProfile = {
  version: 1,
  kind: 'ecological-red-line',
  nameAttribute: 'name',
  accuracyKm: 1,
  mappedBy: 'test reviewer',
  crs: 'EPSG:4490',
};

const outer = (layer: OfficialLayer, index: number) =>
  (layer.collection.features[index]?.geometry as Polygon | undefined)?.coordinates[0] ?? [];

async function checkDensified(layer: OfficialLayer): Promise<void> {
  const tolerance = officialEdgeToleranceMetres(profile.accuracyKm);
  expect(tolerance).toBe(25);
  const ring = outer(layer, 0);
  // Every corner kept, points added on both 200 km edges, none on the 11 km meridian edges (they are geodesics).
  expect(ring.length).toBeGreaterThan(long.length);
  for (const corner of long) expect(ring).toContainEqual(corner);
  expect(Math.abs(siteEngineKm(ring) - siteGeodesicKm) * 1000).toBeLessThanOrEqual(tolerance);
  expect(outer(layer, 1)).toEqual(small);
  expect(layer.provenance.geodesicEdges).toEqual({ toleranceMetres: tolerance, addedVertices: ring.length - long.length });
}

describe('official layers densified along geodesics where they are built', () => {
  it('the straight 200 km edge would put the site about 0.8 km further than the geodesic', () => {
    expect(siteGeodesicKm).toBeCloseTo(5, 3);
    expect(siteEngineKm(long) - siteGeodesicKm).toBeGreaterThan(0.7);
  });

  it('densifies the atlas import (the worker reads the file, then builds the layer)', async () => {
    const file = await readLayerFile('long-edge.geojson', bytes);
    await checkDensified(await buildOfficialLayer(file, profile, { importedAt }));
  });

  it('densifies the CLI layer read from --zones with --zone-profile', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'official-geodesic-'));
    writeFileSync(join(directory, 'long-edge.geojson'), bytes);
    writeFileSync(join(directory, 'profile.json'), JSON.stringify(profile));
    const layer = await officialZones(
      { zones: join(directory, 'long-edge.geojson'), profile: join(directory, 'profile.json') },
      importedAt,
    );
    await checkDensified(layer);
  });
});
