import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { readSeeds } from '../../src/data/node-loader.ts';

const dataRoot = join(import.meta.dirname, '..', '..', 'data');
const features = readdirSync(dataRoot).flatMap((id) => {
  const source = join(dataRoot, id, 'source.geojson');
  if (!existsSync(source)) return [];
  return (JSON.parse(readFileSync(source, 'utf8')) as FeatureCollection).features.map((feature) => ({ layer: id, properties: feature.properties ?? {} }));
});
// The distance zones are derived by the data build from this recipe; their properties are set there.
const recipe = JSON.parse(readFileSync(join(dataRoot, 'river-buffers', 'recipe.json'), 'utf8')) as { buffers: { id: string; km: number }[] };
const bufferKms = recipe.buffers.map((buffer) => buffer.km);
const ids = new Set([...features.map((feature) => feature.properties['id']), ...recipe.buffers.map((buffer) => buffer.id)]);
const kinds = new Set([...features.map((feature) => feature.properties['zone_kind']), 'river-buffer']);
const regions = new Set(features.filter((feature) => feature.layer === 'admin-regions').map((feature) => feature.properties['id']));

describe.each(readSeeds().map((seed) => [seed.id, seed] as const))('%s rules', (_id, seed) => {
  test.each(seed.rules.map((rule) => [rule.id, rule] as const))('%s names a zone the data has, or says why it cannot', (_rule, rule) => {
    const zone = rule.zone;
    if ('id' in zone) {
      expect(ids.has(zone.id), `no feature "${zone.id}"`).toBe(true);
    } else if ('kind' in zone) {
      expect(kinds.has(zone.kind), `no feature of kind "${zone.kind}"`).toBe(true);
      if (zone.kind === 'region') expect(regions.has(zone.region), `no region "${zone.region}"`).toBe(true);
      if (zone.kind === 'river-buffer') expect(bufferKms).toContain(zone.bufferKm);
    } else {
      expect(zone.unmapped.reason.length).toBeGreaterThan(10);
    }
    expect(rule.exceptions.every((exception) => !rule.projectTypes.includes(exception.projectType)),
      'an exception cannot also be a type the rule concerns').toBe(true);
  });
});
