import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { seedSchema, type Seed } from '../schema/seed.ts';
import { computeLedger, type LedgerRow } from './ledger.ts';
import { ledgerToCsv } from './ledger-csv.ts';

const citation = { file: '003_f727c7bed9c47f2d.txt', line: 1, quote: '示例' };
const box = (west: number, south: number, east: number, north: number): Position[] =>
  [[west, south], [east, south], [east, north], [west, north], [west, south]];
const polygon = (west: number, south: number, size: number): Geometry => ({ type: 'Polygon', coordinates: [box(west, south, west + size, south + size)] });
const feature = (properties: Record<string, unknown>, geometry: Geometry): Feature => ({ type: 'Feature', properties, geometry });
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const region = (id: string, method: 'open-data' | 'hand-drawn', west: number) => feature({
  id, name_zh: id, name_en: id, category: 'region', citations: [citation], method, accuracy: 'A', accuracy_km: 1,
  zone_kind: 'region', level: 'autonomous-region', official_area_km2: 'unknown', area_computed_km2: 1,
  area_note_en: 'fixture', area_note_zh: '示例',
}, polygon(west, 40, 1));

const base = (id: string, capacity: number | 'unknown', geometry: Geometry) => feature({
  id, name_zh: id, name_en: id, category: 'wind', kind: 'wind', citations: [citation], method: 'open-data',
  accuracy: 'A', accuracy_km: 1, capacity_mw: capacity, capacity_year: 2025, status: 'planned', league: 'ordos',
}, geometry);

/** Inner Mongolia (open data) and Hinggan (hand-drawn) as 1° squares side by side. */
function fixtureCollections(bases: Feature[]): Map<string, FeatureCollection> {
  return new Map([
    ['admin-regions', collection(region('inner-mongolia', 'open-data', 110), region('hinggan', 'hand-drawn', 112))],
    ['red-line-areas', collection(
      feature({ id: 'forest', method: 'illustrative' }, polygon(110.1, 40.1, 0.5)),
      feature({ id: 'network', method: 'illustrative', aggregate: true }, polygon(110.1, 40.1, 0.5)),
    )],
    ['wetlands', collection(
      feature({ id: 'lake', method: 'open-data' }, polygon(110.6, 40.6, 0.2)),
      feature({ id: 'reserve', method: 'hand-drawn' }, polygon(112.1, 40.1, 0.2)),
    )],
    ['energy-bases', collection(...bases)],
    ['water-sections', collection(feature({ id: 'section', method: 'approximate-point', measured_class: 'unknown' }, { type: 'Point', coordinates: [110.5, 40.5] }))],
  ]);
}

type TargetFixture = Record<string, unknown> & { id: string };
const target = (fields: TargetFixture) => ({
  indicator: { zh: fields.id, en: fields.id }, theme: 'ecology', unit: '%', binding: 'unknown', citation,
  scope: { kind: 'region', id: 'inner-mongolia', zh: '内蒙古自治区' }, comparator: 'reach', ...fields,
});
const seed = (id: string, targets: TargetFixture[]): Seed => seedSchema.parse({
  id, file: '003_f727c7bed9c47f2d.txt', targets: targets.map(target), rules: [],
  document: { title: { zh: id, en: id }, issuer: 'unknown', number: 'unknown', date: 'unknown', period: 'unknown' },
});
const byId = (rows: LedgerRow[]) => new Map(rows.map((row) => [row.id, row]));

describe('ledger statuses on fixtures', () => {
  const open = base('open-base', 50, polygon(110.7, 40.1, 0.1));
  const capacityTarget = (value: number) => ({ id: 'cp-new-energy-capacity-2030', unit: '亿千瓦', comparator: 'at-least', target: { value, year: 2030 } });

  it('meets or misses a capacity target measured on open data', () => {
    const met = computeLedger(fixtureCollections([open]), [seed('a', [capacityTarget(0.0001)])], 'v1')[0]!;
    expect([met.status, met.measured?.value, met.measured?.unit, met.featureIds]).toEqual(['met', 50, 'MW', ['open-base']]);
    expect(met.note).toContain('0.0001 亿千瓦 = 10 MW');
    expect(computeLedger(fixtureCollections([open]), [seed('a', [capacityTarget(2)])], 'v1')[0]!.status).toBe('not met');
  });

  it('cannot settle a shortfall when some capacities are unknown, but a lower bound can meet a target', () => {
    const bases = [open, base('silent-base', 'unknown', { type: 'Point', coordinates: [110.9, 40.9] })];
    const short = computeLedger(fixtureCollections(bases), [seed('a', [capacityTarget(2)])], 'v1')[0]!;
    expect(short.status).toBe('not measurable from map data');
    expect(short.featureIds).toEqual(['open-base', 'silent-base']);
    expect(computeLedger(fixtureCollections(bases), [seed('a', [capacityTarget(0.0001)])], 'v1')[0]!.status).toBe('met');
  });

  it('marks illustrative data, unmeasurable and reported rows', () => {
    const rows = byId(computeLedger(fixtureCollections([open]), [seed('a', [
      { id: 'eco-t13-red-line-share', comparator: 'not-decrease', baseline: { value: 50.46, year: 2020 }, target: { value: 'unknown', year: 2025 } },
      { id: 'hg-wetland-area-2020', unit: '万公顷', comparator: 'reported', baseline: { value: 26.23, year: 2020 } },
      { id: 'eco-2020-wetland-area', unit: '万亩', comparator: 'reported', baseline: { value: 9000, year: 2020 } },
      { id: 'eco-t03-surface-water-class-iii-share', baseline: { value: 69.2, year: 2020 } },
      { id: 'unmapped-target', target: { value: 10, year: 2025 } },
      { id: 'unmapped-baseline', comparator: 'reported', baseline: { value: 3, year: 2020 } },
    ])], 'v1'));
    const redLine = rows.get('eco-t13-red-line-share')!;
    expect(redLine.status).toBe('measured on illustrative data');
    expect(redLine.featureIds).toEqual(['forest']);
    expect(redLine.measured!.value).toBeCloseTo(25, 0);
    // Hinggan's outline is hand-drawn, so even its figures from drawn wetlands are illustrative.
    expect(rows.get('hg-wetland-area-2020')!.status).toBe('measured on illustrative data');
    expect(rows.get('hg-wetland-area-2020')!.note).toContain('26.23 万公顷 = 2623 km²');
    const wetland = rows.get('eco-2020-wetland-area')!;
    expect([wetland.status, wetland.featureIds, wetland.measured?.unit]).toEqual(['reported', ['lake'], 'km²']);
    expect(wetland.note).toContain('9000 万亩 = 60000 km²');
    const water = rows.get('eco-t03-surface-water-class-iii-share')!;
    expect([water.status, water.measured, water.featureIds]).toEqual(['not measurable from map data', null, ['section']]);
    expect(water.note).toContain('0 of the map\'s 1 sections');
    expect(rows.get('unmapped-target')!.status).toBe('not measurable from map data');
    expect(rows.get('unmapped-baseline')!.status).toBe('reported');
    expect(rows.get('hg-wetland-area-2020')!.noteZh).toContain('26.23 万公顷 = 2623 km²');
    expect(water.noteZh).toContain('1 个断面中有 0 个');
    for (const row of rows.values()) expect(row.noteZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lists conflicts between documents and the seeds\' own, both ways', () => {
    const rows = byId(computeLedger(fixtureCollections([]), [
      seed('a', [{ id: 'a-cover', target: { value: 23.5, year: 2025 } }, { id: 'a-x', conflictsWith: ['a-y'] }, { id: 'a-y' }]),
      seed('b', [{ id: 'b-cover', indicator: { zh: 'a-cover', en: 'cover' }, target: { value: 24, year: 2025 } }]),
    ], 'v1'));
    expect(rows.get('a-cover')!.conflictsWith).toEqual(['b-cover']);
    expect(rows.get('b-cover')!.conflictsWith).toEqual(['a-cover']);
    expect(rows.get('a-y')!.conflictsWith).toEqual(['a-x']);
    expect(rows.get('a-y')!.dataVersion).toBe('v1');
  });
});

describe('ledger on the bundled data', () => {
  let rows: LedgerRow[];
  const seeds = readSeeds();
  beforeAll(async () => {
    rows = computeLedger(await readCollections(), seeds, readManifest().version);
  });

  it('has one row per target of the seeds', () => {
    expect(rows.map((row) => row.id)).toEqual(seeds.flatMap((s) => s.targets.map((t) => t.id)));
  });

  it('measures the red-line, wetland and capacity rows, and says why water classes cannot be', () => {
    const rowsById = byId(rows);
    for (const id of ['eco-t13-red-line-share', 'hg-wetland-area-2020', 'eco-2020-wetland-area', 'od-renewable-capacity-2025',
      'hg-clean-power-capacity-2025', 'hg-wind-pv-biomass-hydro-capacity-2025', 'cp-new-energy-capacity-2030']) {
      const row = rowsById.get(id)!;
      expect(row.measured, id).not.toBeNull();
      expect(row.status, id).toBe('measured on illustrative data');
      expect(row.featureIds.length, id).toBeGreaterThan(0);
    }
    const redLine = rowsById.get('eco-t13-red-line-share')!.measured!;
    expect(redLine.value).toBeGreaterThan(30);
    expect(redLine.value).toBeLessThan(70);
    expect(rowsById.get('hg-clean-power-capacity-2025')!.measured!.value).toBe(2000);
    const water = rowsById.get('eco-t03-surface-water-class-iii-share')!;
    expect(water.status).toBe('not measurable from map data');
    expect(water.note).toContain('measured class');
  });

  it('writes CSV with a byte-order mark, a header and one line per row', () => {
    const csv = ledgerToCsv(rows);
    expect(csv.startsWith('\uFEFFid,document_id,file,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(rows.length + 1);
  });
});
