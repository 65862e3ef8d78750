import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import geographiclib from 'geographiclib-geodesic';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { kmToGeodesicEdge } from '../../tests/unit/edge-search.ts';
import { type Closest, edgeKmWithin } from '../screening/edge-distance.ts';
import { RingPacker } from '../screening/packed-rings.ts';
import { officialZones } from './cli-zones.ts';
import { officialEdgeToleranceMetres } from './geodesic-edges.ts';
import { readLayerFile } from './layer-file.ts';
import { buildOfficialLayer, type OfficialLayer } from './official-layer.ts';
import type { ZoneProfile } from './profile.ts';

const wgs84 = geographiclib.Geodesic.WGS84;
const importedAt = '2026-12-02T00:00:00.000Z';

/** A bureau's patch whose north and south edges run 200 km east-west at 45° N (the geodesic bulges about 0.8 km
 * north of the straight edge), and a small dense patch whose edges are all well under a kilometre. */
const long: Position[] = [
  [110, 44.9],
  [112.54, 44.9],
  [112.54, 45],
  [110, 45],
  [110, 44.9],
];
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

/** The point 5 km north of the middle of the geodesic from (110, 45) to (112.54, 45), and its distance to that geodesic. */
const line = wgs84.InverseLine(45, 110, 45, 112.54);
const middle = line.Position(line.s13 / 2);
const site = wgs84.Direct(middle.lat2 as number, middle.lon2 as number, 0, 5000);
const [x, y] = [site.lon2 as number, site.lat2 as number];
const geodesicKm = kmToGeodesicEdge(x, y, 110, 45, 112.54, 45);

/** The screening engine's distance from the site to the outline of the layer's first feature. */
function engineKm(ring: Position[]): number {
  const packer = new RingPacker();
  packer.addRing(Float64Array.from(ring.flat() as number[]), true, false);
  const closest: Closest = { km: 0, x: 0, y: 0, fromX: 0, fromY: 0 };
  return edgeKmWithin(packer.finish(), 0, 1, x, y, 50, closest);
}

const outer = (layer: OfficialLayer, index: number) =>
  (layer.collection.features[index]?.geometry as Polygon | undefined)?.coordinates[0] ?? [];

async function checkDensified(layer: OfficialLayer): Promise<void> {
  const tolerance = officialEdgeToleranceMetres(profile.accuracyKm);
  expect(tolerance).toBe(25);
  const ring = outer(layer, 0);
  // Every corner kept, points added on both 200 km edges, none on the 11 km meridian edges (they are geodesics).
  expect(ring.length).toBeGreaterThan(long.length);
  for (const corner of long) expect(ring).toContainEqual(corner);
  expect(Math.abs(engineKm(ring) - geodesicKm) * 1000).toBeLessThanOrEqual(tolerance);
  expect(outer(layer, 1)).toEqual(small);
  expect(layer.provenance.geodesicEdges).toEqual({ toleranceMetres: tolerance, addedVertices: ring.length - long.length });
}

describe('official layers densified along geodesics where they are built', () => {
  it('the straight 200 km edge would put the site about 0.8 km further than the geodesic', () => {
    expect(geodesicKm).toBeCloseTo(5, 3);
    expect(engineKm(long) - geodesicKm).toBeGreaterThan(0.7);
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
