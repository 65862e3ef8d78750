import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { area, booleanValid, difference, featureCollection, intersect, kinks } from '@turf/turf';
import { describe, expect, test } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { projectTypes, type ProjectType } from '../../src/schema/project-type.ts';
import { createScreener } from '../../src/screening/screener.ts';

const dataRoot = join(import.meta.dirname, '..', '..', 'data');
const collections = new Map(
  readdirSync(dataRoot).flatMap((id) => {
    const source = join(dataRoot, id, 'source.geojson');
    return existsSync(source) ? [[id, JSON.parse(readFileSync(source, 'utf8')) as FeatureCollection] as const] : [];
  }),
);
const features = [...collections].flatMap(([layer, collection]) =>
  collection.features.map((feature) => ({ layer, properties: feature.properties ?? {} })),
);
// The distance zones are derived by the data build from this recipe (derive-river-buffers.ts gives each the recipe's
// id, zone_kind river-buffer and buffer_km = km), so the rules are checked against the recipe.
const recipe = JSON.parse(readFileSync(join(dataRoot, 'river-buffers', 'recipe.json'), 'utf8')) as {
  buffers: { id: string; km: number }[];
};
const bufferKms = recipe.buffers.map((buffer) => buffer.km);
const ids = new Set([...features.map((feature) => feature.properties['id']), ...recipe.buffers.map((buffer) => buffer.id)]);
const kinds = new Set([...features.map((feature) => feature.properties['zone_kind']), 'river-buffer']);
const admin = (collections.get('admin-regions')?.features ?? []) as Feature<Polygon | MultiPolygon>[];
const regions = new Set(admin.map((feature) => feature.properties?.['id']));
const seeds = readSeeds();

describe.each(seeds.map((seed) => [seed.id, seed] as const))('%s rules', (_id, seed) => {
  test.each(seed.rules.map((rule) => [rule.id, rule] as const))('%s names a zone the data has, or says why it cannot', (_rule, rule) => {
    const zone = rule.zone;
    if ('id' in zone) {
      expect(ids.has(zone.id), `no feature "${zone.id}"`).toBe(true);
    } else if ('kind' in zone) {
      expect(kinds.has(zone.kind), `no feature of kind "${zone.kind}"`).toBe(true);
      if (zone.kind === 'region') expect(regions.has(zone.region), `no region "${zone.region}" in admin-regions`).toBe(true);
      else expect(zone.region, 'only kind region takes a region id').toBeUndefined();
      if (zone.kind === 'river-buffer') expect(bufferKms, 'a river buffer of that width').toContain(zone.bufferKm);
      else expect([zone.bufferKm, zone.river], 'only kind river-buffer takes a width and a river').toEqual([undefined, undefined]);
    } else {
      expect(zone.unmapped.reason.length, 'an unmapped zone says why').toBeGreaterThan(10);
    }
  });

  test.each(seed.rules.map((rule) => [rule.id, rule] as const))('%s is well formed', (_rule, rule) => {
    expect(rule.projectTypes.length).toBeGreaterThan(0);
    expect(new Set(rule.projectTypes).size, 'no project type twice').toBe(rule.projectTypes.length);
    // Screening exempts an exception's type outright (src/screening/rules.ts), so an exception may only clarify a
    // type the rule leaves out (PV glass beside flat glass); one of the rule's own types would cancel it for that type.
    expect(
      rule.exceptions.filter((exception) => rule.projectTypes.includes(exception.projectType)).map((e) => e.projectType),
      'an exception cannot also be a type the rule concerns',
    ).toEqual([]);
    expect(new Set(rule.exceptions.map((exception) => exception.projectType)).size, 'no exception twice').toBe(rule.exceptions.length);
    expect(rule.citation.doc, 'a rule cites its own document').toBe(seed.id);
  });

  test('the region-wide rules of the document name its region', () => {
    const expected: Record<string, string> = {
      'hinggan-climate-14th': 'hinggan',
      'ordos-pollution-carbon': 'ordos',
    };
    const region = expected[seed.id] ?? 'inner-mongolia';
    const others = seed.rules.flatMap((rule) =>
      'kind' in rule.zone && rule.zone.kind === 'region' && rule.zone.region !== region ? [`${rule.id}: ${rule.zone.region}`] : [],
    );
    expect(others).toEqual([]);
  });
});

test('rule ids are unique across the seeds', () => {
  const all = seeds.flatMap((seed) => seed.rules.map((rule) => rule.id));
  expect(all.filter((id, index) => all.indexOf(id) !== index)).toEqual([]);
});

describe('the regions rules name are sound shapes', () => {
  const byId = new Map(admin.map((feature) => [String(feature.properties?.['id']), feature]));
  const outline = byId.get('inner-mongolia')!;
  const km2 = (feature: Feature<Polygon | MultiPolygon> | null) => (feature ? area(feature) / 1e6 : 0);
  const vertices = (feature: Feature<Polygon | MultiPolygon>) =>
    (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates)
      .flat()
      .reduce((sum, ring) => sum + ring.length - 1, 0);
  const handDrawn = admin.filter((feature) => feature.properties?.['method'] === 'hand-drawn' && feature.properties?.['id'] !== 'hinggan');

  test.each(handDrawn.map((feature) => [String(feature.properties?.['id']), feature] as const))(
    '%s: valid, 10-60 vertices, inside Inner Mongolia, marked schematic',
    (_id, feature) => {
      expect(kinks(feature as Feature<Polygon>).features).toEqual([]);
      expect(booleanValid(feature)).toBe(true);
      expect(vertices(feature)).toBeGreaterThanOrEqual(10);
      expect(vertices(feature)).toBeLessThanOrEqual(60);
      expect(km2(difference(featureCollection([feature, outline]))), 'km² outside the outline').toBeLessThan(0.01);
      expect(feature.properties?.['accuracy']).toBe('C');
      expect(String(feature.properties?.['area_note_en'])).toMatch(/schematic/i);
      expect(String(feature.properties?.['note_en'])).toMatch(/schematic/i);
    },
  );

  // Leagues and cities tile the region: drawn ones must not overlap each other (1 % of the smaller allows the
  // simplified river edges), and banners lie inside their league or city.
  const leagues = admin.filter((feature) => ['league', 'city'].includes(String(feature.properties?.['category'])));
  const pairs = leagues.flatMap((a, i) =>
    leagues.slice(i + 1).map((b) => [`${a.properties?.['id']} / ${b.properties?.['id']}`, a, b] as const),
  );
  test.each(pairs)('%s do not overlap', (_pair, a, b) => {
    expect(km2(intersect(featureCollection([a, b])))).toBeLessThan(0.01 * Math.min(km2(a), km2(b)));
  });
  const parents: Record<string, string> = {
    'jungar-banner': 'ordos',
    'dalad-banner': 'ordos',
    'urad-front-banner': 'bayannur',
    'ningcheng-county': 'chifeng',
    'yuanbaoshan-district': 'chifeng',
    'hinggan-river-source-areas': 'hinggan',
  };
  test.each(Object.entries(parents))('%s lies inside %s', (child, parent) => {
    expect(byId.has(child) && byId.has(parent)).toBe(true);
    expect(km2(difference(featureCollection([byId.get(child)!, byId.get(parent)!])))).toBeLessThan(0.01);
  });
});

describe('no rule goes missing: every rule is tested on the map or listed as untestable', async () => {
  const screener = createScreener({ collections: await readCollections(), seeds, dataVersion: readManifest().version });
  const { ruleBook, zones } = screener;
  const types = Object.keys(projectTypes) as ProjectType[];
  const tested = new Set(
    ruleBook.rules.filter((rule) =>
      zones.some((zone) => ruleBook.rulesFor(zone.index, rule.projectTypes[0] as ProjectType).includes(rule)),
    ),
  );
  const listed = new Set(types.flatMap((type) => ruleBook.untestableFor(type).map(({ rule }) => rule)));

  test('rules = tested + listed, and no rule is both', () => {
    expect([...tested].filter((rule) => listed.has(rule)).map((rule) => rule.id)).toEqual([]);
    expect(ruleBook.rules.filter((rule) => !tested.has(rule) && !listed.has(rule)).map((rule) => rule.id)).toEqual([]);
    expect(tested.size + listed.size).toBe(ruleBook.rules.length);
  });

  test('the rules naming distance zones the data lacks are the ones listed as unplaced', () => {
    expect(ruleBook.unplaced.map((rule) => rule.id).sort()).toEqual([
      'eco-hai-river-1km-idle-tailings-closure',
      'eco-liao-river-1km-idle-tailings-closure',
      'eco-songhua-river-1km-idle-tailings-closure',
      'eco-yellow-river-tributaries-1km-idle-tailings-closure',
      'eco-yellow-river-tributaries-1km-no-chemical-park',
      'eco-yellow-river-tributaries-3km-industrial-investigation',
    ]);
  });

  // A place where each document applies (its area's seat), inside the Yellow River basin for the region's rules.
  const seats: Record<string, [number, number]> = { 'inner-mongolia': [111.65, 40.81], ordos: [109.98, 39.82], hinggan: [122.08, 46.08] };
  const cases = seeds.flatMap((seed) =>
    seed.rules
      .filter((rule) => listed.has(rule))
      .flatMap((rule) =>
        rule.projectTypes.map((type) => [`${rule.id} (${type})`, rule.id, type, seats[seed.jurisdiction] as [number, number]] as const),
      ),
  );
  test.each(cases)('%s is listed, with its reason, where its document applies', (_name, ruleId, type, seat) => {
    const entry = screener.screen({ type: 'Point', coordinates: seat }, type).untestable.find((candidate) => candidate.ruleId === ruleId);
    expect(entry?.reason.en.length).toBeGreaterThan(10);
    expect(entry?.reason.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
