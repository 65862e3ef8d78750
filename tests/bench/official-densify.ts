/**
 * What densifying an official layer along geodesics costs at import: `npx tsx tests/bench/official-densify.ts
 * [polygons]` (default 100000). The seeded synthetic layer (tests/bench/synthetic-official.ts) is densified at the
 * tolerance its stated accuracy gives (src/official/geodesic-edges.ts), interleaved A B A B with the whole import
 * of the same layer (tests/bench/interleave.ts), which includes it: the ratio is the share of the import it takes.
 */
import type { ZoneProfile } from '../../src/official/profile.ts';
import { densifyOfficialFeatures, officialEdgeToleranceMetres } from '../../src/official/geodesic-edges.ts';
import { importOfficialLayer } from '../../src/official/import-layer.ts';
import { interleave, measure, ratioText } from './interleave.ts';
import { syntheticOfficialLayer, vertexCount } from './synthetic-official.ts';

const count = Number(process.argv[2] ?? 100_000);
const accuracyKm = 0.05;
const profile: ZoneProfile = {
  version: 1,
  kind: 'ecological-red-line',
  nameAttribute: 'name',
  codeAttribute: 'code',
  accuracyKm,
  mappedBy: 'bench',
  crs: 'EPSG:4490',
};
const { collection, bytes } = syntheticOfficialLayer(count);
const vertices = vertexCount(collection);
const tolerance = officialEdgeToleranceMetres(accuracyKm);
const importedAt = new Date().toISOString();

const densified = densifyOfficialFeatures(collection.features, tolerance);
console.log(
  `official layer: ${count.toLocaleString('en')} polygons, ${vertices.toLocaleString('en')} vertices; accuracy ${accuracyKm} km, tolerance ${tolerance} m: ${densified.addedVertices.toLocaleString('en')} vertices added`,
);
const compared = await interleave(
  2,
  () => measure(() => densifyOfficialFeatures(collection.features, tolerance)),
  () => measure(() => importOfficialLayer({ file: 'synthetic.fgb', bytes, profile, importedAt })),
);
console.log(
  `densifying: ${(compared.ours.wallMs / 1000).toFixed(2)} s wall, ${(compared.ours.cpuMs / 1000).toFixed(2)} s CPU; whole import (densifying included): ${(compared.baseline.wallMs / 1000).toFixed(2)} s wall, ${(compared.baseline.cpuMs / 1000).toFixed(2)} s CPU; import / densifying ${ratioText(compared)}`,
);
