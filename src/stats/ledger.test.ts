import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { join } from 'node:path';
import { projectRoot, readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { seedPassages } from '../data/seed-files.ts';
import { kilometresPerDegree } from '../geodesy/ellipsoid.ts';
import { seedSchema, type Seed } from '../schema/seed.ts';
import { computeLedger, type LedgerRow } from './ledger.ts';
import { ledgerToCsv } from './ledger-csv.ts';

const citation = { doc: 'nm-ecology-14th', line: 1, quote: '示例' };
const box = (west: number, south: number, east: number, north: number): Position[] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];
const polygon = (west: number, south: number, size: number): Geometry => ({
  type: 'Polygon',
  coordinates: [box(west, south, west + size, south + size)],
});
const feature = (properties: Record<string, unknown>, geometry: Geometry): Feature => ({ type: 'Feature', properties, geometry });
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const region = (id: string, method: 'open-data' | 'hand-drawn', west: number) =>
  feature(
    {
      id,
      name_zh: id,
      name_en: id,
      category: 'region',
      citations: [citation],
      method,
      accuracy: 'A',
      accuracy_km: 1,
      zone_kind: 'region',
      level: 'autonomous-region',
      official_area_km2: 'unknown',
      area_computed_km2: 1,
      area_note_en: 'fixture',
      area_note_zh: '示例',
      accuracy_note_en: 'fixture',
      accuracy_note_zh: '示例',
    },
    polygon(west, 40, 1),
  );

const base = (id: string, capacity: number | 'unknown', geometry: Geometry) =>
  feature(
    {
      id,
      name_zh: id,
      name_en: id,
      category: 'wind',
      kind: 'wind',
      citations: [citation],
      method: 'open-data',
      accuracy: 'A',
      accuracy_km: 1,
      capacity_mw: capacity,
      capacity_year: 2025,
      status: 'planned',
      league: 'ordos',
    },
    geometry,
  );

/** Inner Mongolia (open data) and Hinggan (hand-drawn) as 1° squares side by side. */
function fixtureCollections(bases: Feature[]): Map<string, FeatureCollection> {
  return new Map([
    ['admin-regions', collection(region('inner-mongolia', 'open-data', 110), region('hinggan', 'hand-drawn', 112))],
    [
      'red-line-areas',
      collection(
        feature({ id: 'forest', method: 'illustrative' }, polygon(110.1, 40.1, 0.5)),
        feature({ id: 'network', method: 'illustrative', aggregate: true }, polygon(110.1, 40.1, 0.5)),
      ),
    ],
    [
      'wetlands',
      collection(
        feature({ id: 'lake', method: 'open-data' }, polygon(110.6, 40.6, 0.2)),
        feature({ id: 'reserve', method: 'hand-drawn' }, polygon(112.1, 40.1, 0.2)),
      ),
    ],
    ['energy-bases', collection(...bases)],
    [
      'water-sections',
      collection(
        feature({ id: 'section', method: 'approximate-point', measured_class: 'unknown' }, { type: 'Point', coordinates: [110.5, 40.5] }),
      ),
    ],
  ]);
}

type TargetFixture = Record<string, unknown> & { id: string };
const target = (fields: TargetFixture) => ({
  indicator: { zh: fields.id, en: fields.id },
  theme: 'ecology',
  unit: '%',
  binding: 'unknown',
  citation,
  scope: { kind: 'region', id: 'inner-mongolia', zh: '内蒙古自治区' },
  comparator: 'reach',
  ...fields,
});
const seed = (id: string, targets: TargetFixture[]): Seed =>
  seedSchema.parse({
    id,
    file: `${id}.txt`,
    targets: targets.map(target),
    rules: [],
    document: {
      title: { zh: id, en: id },
      shortTitle: { zh: id, en: id },
      issuer: 'unknown',
      number: 'unknown',
      date: 'unknown',
      period: 'unknown',
    },
  });
const byId = (rows: LedgerRow[]) => new Map(rows.map((row) => [row.id, row]));

describe('ledger statuses on fixtures', () => {
  const open = base('open-base', 50, polygon(110.7, 40.1, 0.1));
  const capacityTarget = (value: number) => ({
    id: 'cp-new-energy-capacity-2030',
    unit: '亿千瓦',
    comparator: 'at-least',
    target: { value, year: 2030 },
  });

  it('meets or misses a capacity target measured on open data', () => {
    const met = computeLedger(fixtureCollections([open]), [seed('a', [capacityTarget(0.0001)])], 'v1')[0]!;
    expect([met.status, met.measured?.value, met.measured?.unit, met.featureIds]).toEqual(['met', 50, 'MW', ['open-base']]);
    expect(met.reason.en).toContain('Map: 0.0005 × 10⁸ kW (50 MW), range 0.0005–0.0005 × 10⁸ kW; the document: at least 0.0001 × 10⁸ kW');
    expect(computeLedger(fixtureCollections([open]), [seed('a', [capacityTarget(2)])], 'v1')[0]!.status).toBe('not met');
  });

  it('gives an area its range from its edge length × accuracy, and settles a target only outside the range', () => {
    const collections = fixtureCollections([]);
    collections.set('wetlands', collection(feature({ id: 'lake', method: 'open-data', accuracy_km: 2 }, polygon(110.6, 40.6, 0.2))));
    const judge = (value: number) =>
      computeLedger(
        collections,
        [seed('a', [{ id: 'eco-2020-wetland-area', unit: 'km²', comparator: 'at-least', target: { value, year: 2020 } }])],
        'v1',
      )[0]!;
    const row = judge(200);
    const { value, range } = row.measured!;
    // The lake lies 17 km inside the outline, beyond its ±1 km: only the lake's own ±2 km moves its edges.
    const edge = 2 * 0.2 * (kilometresPerDegree(40.7).x + kilometresPerDegree(40.7).y);
    expect(range.low).toBeCloseTo(value - edge * 2, 0);
    expect(range.high).toBeCloseTo(value + edge * 2, 0);
    expect(range.how.en).toContain('× 2 km, a first-order bound');
    expect(row.status).toBe('met');
    const straddled = judge(400);
    expect([value > 300 && value < 450, straddled.status]).toEqual([true, 'not measurable from map data']);
    expect(straddled.reason.en).toContain("which holds the document's figure, so the map cannot settle it");
    expect(straddled.reason.zh).toContain('文件数值落在此范围内，地图无法判定');
    expect(judge(600).status).toBe('not met');
  });

  it('gives a capacity its range from the bases near the outline, either side of it', () => {
    const near = base('near-base', 30, { type: 'Point', coordinates: [110.995, 40.5] });
    const across = base('across-base', 20, { type: 'Point', coordinates: [111.005, 40.5] });
    const judge = (value: number) =>
      computeLedger(
        fixtureCollections([open, near, across]),
        [seed('a', [{ id: 'cp-new-energy-capacity-2030', unit: '万千瓦', comparator: 'at-least', target: { value, year: 2030 } }])],
        'v1',
      )[0]!;
    const row = judge(4);
    expect([row.measured!.value, row.measured!.range.low, row.measured!.range.high, row.measured!.range.inDocumentUnit]).toEqual([
      80,
      50,
      100,
      { low: 5, high: 10 },
    ]);
    expect(row.reason.en).toContain("1 of the 2 counted lie within reach of the region's outline");
    expect(row.reason.en).toContain('1 outside may lie inside. The count runs from 1 to 3.');
    expect(row.status).toBe('met');
    expect(judge(9).status).toBe('not measurable from map data');
    expect(judge(11).status).toBe('not met');
  });

  it('cannot settle a shortfall when some capacities are unknown, but a lower bound can meet a target', () => {
    const bases = [open, base('silent-base', 'unknown', { type: 'Point', coordinates: [110.9, 40.9] })];
    const short = computeLedger(fixtureCollections(bases), [seed('a', [capacityTarget(2)])], 'v1')[0]!;
    expect(short.status).toBe('not measurable from map data');
    expect(short.featureIds).toEqual(['open-base', 'silent-base']);
    expect(computeLedger(fixtureCollections(bases), [seed('a', [capacityTarget(0.0001)])], 'v1')[0]!.status).toBe('met');
  });

  it('marks illustrative data, unmeasurable and reported rows', () => {
    const rows = byId(
      computeLedger(
        fixtureCollections([open]),
        [
          seed('a', [
            {
              id: 'eco-t13-red-line-share',
              comparator: 'not-decrease',
              baseline: { value: 50.46, year: 2020 },
              target: { value: 'unknown', year: 2025 },
            },
            { id: 'hg-wetland-area-2020', unit: '万公顷', comparator: 'reported', baseline: { value: 26.23, year: 2020 } },
            { id: 'eco-2020-wetland-area', unit: '万亩', comparator: 'reported', baseline: { value: 9000, year: 2020 } },
            { id: 'eco-t03-surface-water-class-iii-share', baseline: { value: 69.2, year: 2020 } },
            { id: 'unmapped-target', target: { value: 10, year: 2025 } },
            { id: 'unmapped-baseline', comparator: 'reported', baseline: { value: 3, year: 2020 } },
          ]),
        ],
        'v1',
      ),
    );
    const redLine = rows.get('eco-t13-red-line-share')!;
    expect(redLine.status).toBe('measured on illustrative data');
    expect(redLine.featureIds).toEqual(['forest']);
    expect(redLine.measured!.value).toBeCloseTo(25, 0);
    // Hinggan's outline is hand-drawn, so even its figures from drawn wetlands are illustrative.
    expect(rows.get('hg-wetland-area-2020')!.status).toBe('measured on illustrative data');
    expect(rows.get('hg-wetland-area-2020')!.reason.en).toContain('the document: reported 26.23 × 10⁴ ha');
    const wetland = rows.get('eco-2020-wetland-area')!;
    expect([wetland.status, wetland.featureIds, wetland.measured?.unit]).toEqual(['reported', ['lake'], 'km²']);
    expect(wetland.reason.en).toMatch(
      /Map: [\d,.]+ × 10⁴ mu \([\d,.]+ km²\), range [\d,.]+–[\d,.]+ × 10⁴ mu; the document: reported 9,000 × 10⁴ mu/,
    );
    const water = rows.get('eco-t03-surface-water-class-iii-share')!;
    expect([water.status, water.measured, water.featureIds]).toEqual(['not measurable from map data', null, ['section']]);
    expect(water.reason.en).toContain("0 of the map's 1 sections");
    expect(rows.get('unmapped-target')!.status).toBe('not measurable from map data');
    expect(rows.get('unmapped-baseline')!.status).toBe('reported');
    expect(rows.get('hg-wetland-area-2020')!.reason.zh).toContain('文件：报告值 26.23 万公顷');
    expect(water.reason.zh).toContain('1 个断面中有 0 个');
    for (const row of rows.values()) expect(row.reason.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('still lists every row when a dataset is missing, saying on the measured rows what did not load', () => {
    const collections = fixtureCollections([]);
    collections.delete('wetlands');
    const rows = byId(
      computeLedger(
        collections,
        [
          seed('a', [
            { id: 'hg-wetland-area-2020', unit: '万公顷', comparator: 'reported', baseline: { value: 26.23, year: 2020 } },
            { id: 'unmapped-target', target: { value: 10, year: 2025 } },
          ]),
        ],
        'v1',
      ),
    );
    expect(rows.get('hg-wetland-area-2020')!.status).toBe('not measurable from map data');
    expect(rows.get('hg-wetland-area-2020')!.reason.en).toContain('did not load (dataset wetlands is missing)');
    collections.delete('admin-regions');
    expect(computeLedger(collections, [seed('a', [{ id: 'hg-wetland-area-2020', comparator: 'reported' }])], 'v1')[0]!.reason.en).toContain(
      'admin-regions is missing',
    );
  });

  it("lists conflicts between documents and the seeds' own, both ways", () => {
    const rows = byId(
      computeLedger(
        fixtureCollections([]),
        [
          seed('a', [{ id: 'a-cover', target: { value: 23.5, year: 2025 } }, { id: 'a-x', conflictsWith: ['a-y'] }, { id: 'a-y' }]),
          seed('b', [{ id: 'b-cover', indicator: { zh: 'a-cover', en: 'cover' }, target: { value: 24, year: 2025 } }]),
        ],
        'v1',
      ),
    );
    expect(rows.get('a-cover')!.conflictsWith).toEqual(['b-cover']);
    expect(rows.get('b-cover')!.conflictsWith).toEqual(['a-cover']);
    expect(rows.get('a-y')!.conflictsWith).toEqual(['a-x']);
    expect(rows.get('a-y')!.dataVersion).toBe('v1');
  });
});

describe('what the map alone can never say', () => {
  const handDrawn = (id: string, capacity: number | 'unknown', name = id) =>
    feature(
      {
        id,
        name_zh: name,
        name_en: id,
        category: 'wind',
        kind: 'wind',
        citations: [{ ...citation, quote: name }],
        method: 'hand-drawn',
        accuracy: 'C',
        accuracy_km: 40,
        capacity_mw: capacity,
        capacity_year: 2025,
        status: 'planned',
        league: 'ordos',
      },
      polygon(110.2, 40.2, 0.1),
    );
  const capacity = (value: number, comparator: string) => ({
    id: 'cp-new-energy-capacity-2030',
    unit: '万千瓦',
    comparator,
    target: { value, year: 2030 },
  });

  it('a row measured on illustrative data is never met or not met, whatever the figures', () => {
    for (const value of [0.001, 1, 5, 10, 1000, 1e6]) {
      for (const comparator of ['at-least', 'at-most', 'reach', 'not-decrease', 'not-increase']) {
        const row = computeLedger(fixtureCollections([handDrawn('drawn', 50)]), [seed('a', [capacity(value, comparator)])], 'v1')[0]!;
        expect(row.measured?.value, `${comparator} ${value}`).toBe(50);
        expect(row.status, `${comparator} ${value}`).toBe('measured on illustrative data');
        expect(row.reason.en).toContain('not judged');
      }
    }
  });

  it('a capacity written only as a class is never summed as a figure, and its gap is no shortfall', () => {
    const bases = [
      base('open-base', 50, polygon(110.7, 40.1, 0.1)),
      base('class-base', 1000, { type: 'Point', coordinates: [110.3, 40.3] }),
    ];
    bases[1]!.properties!['name_zh'] = '某某百万千瓦级风电基地';
    const short = computeLedger(fixtureCollections(bases), [seed('a', [capacity(13000, 'at-least')])], 'v1')[0]!;
    expect(short.measured?.value).toBe(50);
    expect(short.measured?.inDocumentUnit).toBe(5);
    expect(short.featureIds).toEqual(['open-base', 'class-base']);
    expect(short.status).toBe('not measurable from map data');
    expect(short.measured?.note.zh).toContain('只写了量级（百万千瓦级），不是数值，未计入');
    expect(short.reason.zh).toMatch(/（下限），范围 [\d,.–]+ 万千瓦，无法判定/);
    const reached = computeLedger(fixtureCollections(bases), [seed('a', [capacity(1, 'at-least')])], 'v1')[0]!;
    expect(reached.status).toBe('met');
  });

  it('a target written as a class is held as words, not as its reading', () => {
    const row = computeLedger(
      fixtureCollections([]),
      [
        seed('a', [
          {
            id: 'class-target',
            unit: '万千瓦',
            target: { value: 100, year: 2025 },
            written: { zh: '百万千瓦级', reading: { zh: '约100万千瓦的量级', en: 'the million-kilowatt class' } },
          },
        ]),
      ],
      'v1',
    )[0]!;
    expect([row.qualitative, row.status, row.written?.zh]).toEqual([true, 'not measurable from map data', '百万千瓦级']);
  });
});

describe('ledger on the bundled data', () => {
  let rows: LedgerRow[];
  let seeds: Seed[];
  beforeAll(async () => {
    seeds = readSeeds();
    rows = computeLedger(await readCollections(), seeds, readManifest().version);
  });

  it('has one row per target of the seeds', () => {
    expect(rows.map((row) => row.id)).toEqual(seeds.flatMap((s) => s.targets.map((t) => t.id)));
  });

  it('measures the red-line, wetland and capacity rows, and says why water classes cannot be', () => {
    const rowsById = byId(rows);
    for (const id of [
      'eco-t13-red-line-share',
      'hg-wetland-area-2020',
      'eco-2020-wetland-area',
      'od-renewable-capacity-2025',
      'hg-clean-power-capacity-2025',
      'hg-wind-pv-biomass-hydro-capacity-2025',
      'cp-new-energy-capacity-2030',
    ]) {
      const row = rowsById.get(id)!;
      expect(row.measured, id).not.toBeNull();
      expect(row.status, id).toBe('measured on illustrative data');
      expect(row.featureIds.length, id).toBeGreaterThan(0);
    }
    const redLine = rowsById.get('eco-t13-red-line-share')!.measured!;
    expect(redLine.value).toBeGreaterThan(30);
    expect(redLine.value).toBeLessThan(70);
    // Hinggan's two bases are written 百万千瓦级, a class: never added up as 2,000 MW against the 13,000 MW target.
    const clean = rowsById.get('hg-clean-power-capacity-2025')!;
    expect(clean.measured!.value).toBe(0);
    expect(clean.measured!.note.en).toContain('written only as a class (百万千瓦级)');
    expect(clean.featureIds).toEqual(expect.arrayContaining(['taohemu-wind-base', 'keyou-zhongqi-wind-base']));
    const water = rowsById.get('eco-t03-surface-water-class-iii-share')!;
    expect(water.status).toBe('not measurable from map data');
    expect(water.reason.en).toContain('measured class');
  });

  it('writes CSV with a byte-order mark, a header and one line per row, each citation placed under its headings', () => {
    const passages = seedPassages(join(projectRoot, 'seeds'), seeds);
    const csv = ledgerToCsv(rows, 'en', passages);
    expect(csv.startsWith('\uFEFFid,document,document_number,place_in_document,')).toBe(true);
    expect(csv).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt|[0-9a-f]{16}/);
    expect(ledgerToCsv(rows, 'zh', passages).startsWith('\uFEFF编号,文件,文号,文中位置,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(rows.length + 1);
    // Every citation is found in its document; the Ordos renewables target sits under its headings (二、…).
    expect(rows.filter((row) => !passages(row.citation)).map((row) => row.id)).toEqual([]);
    const ordos = passages(byId(rows).get('od-renewable-capacity-2025')!.citation)!;
    expect(ordos.place[0]!.title).toMatch(/^(第.+[章节]|[一二三四五六七八九十]+、)/);
    expect(csv).toContain(`${ordos.place.map((heading) => heading.title).join(' › ')}, line`);
  });
});
