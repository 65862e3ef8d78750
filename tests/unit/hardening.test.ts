/**
 * Issue 17's table, one test (or a few) per row that had none: each reproduces the failure the row reports and
 * checks what happens now. Rows tested elsewhere: F5 src/site-input/shapefile.test.ts (zip bomb), F6 and F11
 * src/site-input/repair.test.ts (600,000 points, the 50,000-vertex star), F7 src/report/report.test.ts and
 * src/cli/screen.test.ts (formula cells), F9, F12 (unclosed quote), F13 (a line longer than any record) and F14 (a bad
 * record partway) src/cli/screen.test.ts, F15 and F16 tests/e2e/hardening.e2e.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import { createAtlasData } from '../../src/app/atlas-data.ts';
import { Atlas } from '../../src/app/atlas.ts';
import { IncompleteDataError, incompleteVerdict, screeningLayers } from '../../src/app/incomplete-data.ts';
import { incompleteColour, verdictColours } from '../../src/app/verdict-colours.ts';
import { automation } from '../../src/api/automation.ts';
import { wrapLines } from '../../src/map/export-layout.ts';
import type { ExportDecorations } from '../../src/map/export-png.ts';
import type { FramedDecorations } from '../../src/app/atlas-map.ts';
import { DatasetError, verifiedDataset } from '../../src/data/flatgeobuf.ts';
import { sha256Hex } from '../../src/data/loader.ts';
import { projectRoot, readManifest } from '../../src/data/node-loader.ts';
import type { SiteGeometry } from '../../src/schema/geometry.ts';
import { readShareFile } from '../../src/state/share-file.ts';
import { decodeSite, encodeSite } from '../../src/state/site-codec.ts';
import { StateError } from '../../src/state/state.ts';
import { decodeHash, encodeHash } from '../../src/state/url-codec.ts';
import { featureAt, loadSiteRecordReader } from '../../src/site-input/index.ts';
import { SITE_LIMITS } from '../../src/site-input/limits.ts';
import { diskLoader, fakeMap, fakePlatform } from './app-fakes.ts';
import { jsonLines, screenCli } from './cli-in-process.ts';

/** Runs the screen CLI on a file holding `content`, as a user would name it. */
async function screenFile(name: string, content: string) {
  const folder = mkdtempSync(join(tmpdir(), 'hardening-'));
  try {
    writeFileSync(join(folder, name), content);
    return await screenCli([join(folder, name), '--type', 'steel']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A steel plant at 棋盘井: prohibited with all the data, the case the issue found screening clear. */
const qipanjing: SiteGeometry = { type: 'Point', coordinates: [107.1, 39.5] };

async function screenedWith(loader = diskLoader()) {
  const fake = fakePlatform(loader);
  const map = fakeMap();
  const atlas = new Atlas(fake.platform);
  await atlas.start(map.map);
  atlas.setProjectType('steel');
  const screening = await atlas.screening.get();
  screening.setSite(qipanjing, []);
  const report = await screening.update();
  return { atlas, report, map, ...fake };
}

/** The decorations the PNG export hands the map: what it draws where the verdict stands. */
async function exportedVerdict(atlas: Atlas, map: ReturnType<typeof fakeMap>): Promise<ExportDecorations['verdict']> {
  let drawn: FramedDecorations | undefined;
  const capture = map.map.exportPng;
  map.map.exportPng = (scale, decorations, frame) => {
    drawn = decorations;
    return capture(scale, decorations, frame);
  };
  await atlas.presenting.exportPng(1);
  return drawn!.verdict;
}

const withoutRestrictedZones = () => diskLoader((id) => (id === 'restricted-zones' ? 'restricted-zones.fgb: HTTP 404' : undefined));

describe('F1: a missing or corrupt data file never gives a verdict', () => {
  test('the zone layers are those whose features must declare a zone kind', () => {
    expect(
      screeningLayers(layerDefinitions)
        .map((layer) => layer.id)
        .sort(),
    ).toEqual(['admin-regions', 'deserts', 'red-line-areas', 'restricted-zones', 'river-basins', 'river-buffers', 'wetlands']);
  });

  test('with every dataset the steel plant at 棋盘井 is prohibited', async () => {
    const { atlas, report } = await screenedWith();
    expect(report?.verdict).toBe('prohibited');
    expect(atlas.screening.current!.incomplete).toEqual([]);
  });

  test('without restricted-zones.fgb the card is incomplete and names the layer, not "restricted"', async () => {
    const { atlas, report } = await screenedWith(withoutRestrictedZones());
    expect(report).toBeUndefined();
    expect(atlas.screening.current!.report).toBeUndefined();
    expect(atlas.screening.current!.incomplete.map((item) => item.name)).toEqual([
      { zh: '限制与重点管控区', en: 'Restricted and key-control zones' },
    ]);
    expect(atlas.screening.current!.problem).toBe('');
    await expect(atlas.screener()).rejects.toThrow(/Screening incomplete.*Restricted and key-control zones/);
  });

  test('without a manifest (missing or corrupt) the card names it and every zone layer; no export is possible', async () => {
    const loader = {
      ...diskLoader(),
      manifest: async () => {
        throw new Error('data manifest (manifest.json): the file is not JSON (missing or corrupt)');
      },
    };
    const { atlas, report, saved } = await screenedWith(loader);
    expect(report).toBeUndefined();
    const missing = atlas.screening.current!.incomplete;
    expect(missing[0]).toMatchObject({ id: 'manifest', name: { zh: '数据清单（manifest.json）' }, reason: /not JSON/ });
    expect(
      missing
        .map((item) => item.id)
        .slice(1)
        .sort(),
    ).toEqual(
      screeningLayers(layerDefinitions)
        .map((layer) => layer.id)
        .sort(),
    );
    await atlas.exportReport({ format: 'csv', capacity: '' });
    await atlas.exportReport({ format: 'geojson', capacity: '' });
    expect(saved).toEqual([]);
  });

  test('the PNG export says "incomplete" where the verdict stands, names the missing layer and is never a verdict\'s colour', async () => {
    const { atlas, map } = await screenedWith(withoutRestrictedZones());
    atlas.store.update((state) => ({ ...state, lang: 'zh' }));
    expect(await exportedVerdict(atlas, map)).toEqual({
      text: '结论：不完整 · 钢铁',
      color: incompleteColour,
      detail: '缺少数据：限制与重点管控区',
    });
    expect(Object.values(verdictColours)).not.toContain(incompleteColour);
    atlas.store.update((state) => ({ ...state, lang: 'en' }));
    expect(await exportedVerdict(atlas, map)).toEqual({
      text: 'Verdict: incomplete · Steel',
      color: incompleteColour,
      detail: 'missing data: Restricted and key-control zones',
    });
    const complete = await screenedWith();
    complete.atlas.store.update((state) => ({ ...state, lang: 'zh' }));
    expect(await exportedVerdict(complete.atlas, complete.map)).toEqual({ text: '结论：禁止 · 钢铁', color: verdictColours.prohibited });
  });

  test('with the manifest missing the export names it and every zone layer, wrapped between names within the image', () => {
    const missing = [
      { id: 'manifest', name: { zh: '数据清单（manifest.json）', en: 'data manifest (manifest.json)' }, reason: '' },
      ...screeningLayers(layerDefinitions).map((layer) => ({ id: layer.id, name: layer.title, reason: '' })),
    ];
    const { missing: line } = incompleteVerdict(missing, 'zh');
    const measure = (text: string) => [...text].length * 12;
    const lines = wrapLines(line, 300, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(line);
    for (const [index, text] of lines.entries()) {
      expect(measure(text)).toBeLessThanOrEqual(300);
      if (index < lines.length - 1) expect(text).toMatch(/[、：]$/);
    }
    expect(wrapLines('missing data: Restricted and key-control zones, Wetlands', 200, (text) => text.length * 7)).toEqual([
      'missing data: Restricted and',
      'key-control zones, Wetlands',
    ]);
  });

  test('a failed layer the screening does not read (the water sections) leaves the verdict standing', async () => {
    const { report, atlas } = await screenedWith(diskLoader((id) => (id === 'water-sections' ? 'HTTP 404' : undefined)));
    expect(report?.verdict).toBe('prohibited');
    expect(atlas.failed['water-sections']).toBe('HTTP 404');
  });

  test('the incomplete error reads in Chinese and English', async () => {
    const data = await createAtlasData(
      diskLoader((id) => (id === 'wetlands' ? 'HTTP 404' : undefined)),
      { layers: layerDefinitions },
    );
    const error = await data.screener().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IncompleteDataError);
    expect((error as IncompleteDataError).text.zh).toContain('筛查不完整');
    expect((error as IncompleteDataError).text.zh).toContain('湿地');
  });
});

describe('F8: the checksum is verified in every context', () => {
  const entry = readManifest().datasets.find((dataset) => dataset.id === 'restricted-zones')!;
  const layer = layerDefinitions.find((definition) => definition.id === 'restricted-zones')!;
  const bytes = new Uint8Array(readFileSync(join(projectRoot, 'public', 'data', entry.file)));

  test('without crypto.subtle (plain HTTP off localhost) the kept SHA-256 gives the same digest', async () => {
    // An own property hides the prototype's getter; deleting it brings the getter back.
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      expect(globalThis.crypto.subtle).toBeUndefined();
      expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(await sha256Hex(bytes)).toBe(entry.sha256);
    } finally {
      delete (globalThis.crypto as { subtle?: unknown }).subtle;
      expect(globalThis.crypto.subtle).toBeDefined();
    }
  });

  test('a zone moved by one byte is refused by its checksum', async () => {
    const tampered = bytes.slice();
    tampered[tampered.length - 9]! ^= 1;
    await expect(verifiedDataset(tampered, await sha256Hex(tampered), entry, layer)).rejects.toThrow(DatasetError);
    await expect(verifiedDataset(tampered, await sha256Hex(tampered), entry, layer)).rejects.toThrow(/checksum differs/);
  });
});

describe('F2: links of any size', () => {
  /** A ring of `count` vertices around 棋盘井, about 10 km across, each a few metres from the last. */
  const ring = (count: number): SiteGeometry => {
    const positions = Array.from({ length: count }, (_, index): [number, number] => {
      const angle = (2 * Math.PI * index) / count;
      return [107.1 + 0.05 * Math.cos(angle) * (1 + 0.01 * (index % 7)), 39.5 + 0.05 * Math.sin(angle)];
    });
    return { type: 'Polygon', coordinates: [[...positions, positions[0]!]] };
  };

  test('a 60,000-vertex site is encoded without overflowing the stack and decodes to the same positions', () => {
    const site = ring(60_000);
    const text = encodeSite(site);
    expect(text.length).toBeGreaterThan(124_000);
    const back = decodeSite(text) as { coordinates: number[][][] };
    expect(back.coordinates[0]!.length).toBe(60_001);
    expect(back.coordinates[0]![12_345]).toEqual(
      (site.coordinates as number[][][])[0]![12_345]!.map((value) => Math.round(value * 1e6) / 1e6),
    );
  });

  test('the atlas takes the 60,000-vertex site, and sharing it saves a share file instead of a link', async () => {
    const href = 'http://127.0.0.1:4173/';
    const fake = fakePlatform(diskLoader(), { href });
    const atlas = new Atlas({
      ...fake.platform,
      links: (store, defaults, extras) => ({
        start: () => undefined,
        hash: () => encodeHash(store.state, defaults, extras()),
        shareUrl: () => `${href}${encodeHash(store.state, defaults, extras())}`,
        open: () => undefined,
      }),
    });
    await atlas.start(fakeMap().map);
    atlas.setProjectType('steel');
    const screening = await atlas.screening.get();
    screening.setSite(ring(60_000), []);
    const report = await screening.update();
    expect(report?.site.kind).toBe('polygon');
    await atlas.presenting.act('copy-link');
    expect(fake.copied).toEqual([]);
    expect(fake.saved.map((file) => file.name)).toEqual(['nm-carbon-atlas-share.json']);
    const shared = readShareFile(await fake.saved[0]!.file.text());
    expect((decodeHash(shared.hash, atlas.defaults).partial['site'] as SiteGeometry).type).toBe('Polygon');
  }, 60_000);
});

describe('F10: exportPng validates its scale and always settles', () => {
  test.each([0, Number.NaN, 'x', -1, 1e9, Number.POSITIVE_INFINITY, undefined])(
    'scale %s is refused at once, naming the scales accepted',
    async (scale) => {
      const fake = fakePlatform(diskLoader());
      const map = fakeMap();
      const atlas = new Atlas(fake.platform);
      await atlas.start(map.map);
      await expect(atlas.presenting.exportPng(scale as number)).rejects.toThrow(/export scale must be 1 or 2, not /);
      expect(map.frames).toEqual([]);
      await expect(atlas.presenting.exportPng(2)).resolves.toMatch(/^data:image\/png;base64,/);
    },
  );
});

describe('F3, F4: sites at the edges of the world are screened or refused with the real reason', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'a 166 km line across the antimeridian at 42 N',
      {
        type: 'LineString',
        coordinates: [
          [179, 42],
          [-179, 42],
        ],
      },
      /crosses the 180° meridian/,
    ],
    [
      'a polygon across the antimeridian',
      {
        type: 'Polygon',
        coordinates: [
          [
            [179, 41],
            [-179, 41],
            [-179, 43],
            [179, 43],
            [179, 41],
          ],
        ],
      },
      /crosses the 180° meridian/,
    ],
    [
      'the whole world',
      {
        type: 'Polygon',
        coordinates: [
          [
            [-180, -90],
            [180, -90],
            [180, 90],
            [-180, 90],
            [-180, -90],
          ],
        ],
      },
      /the whole world/,
    ],
    [
      'a ring round the North Pole',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 80],
            [90, 80],
            [180, 80],
            [-90, 80],
            [0, 80],
          ],
        ],
      },
      /goes round the North Pole/,
    ],
    [
      'a polygon reaching the South Pole',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, -80],
            [10, -90],
            [20, -80],
            [0, -80],
          ],
        ],
      },
      /reaches the South Pole/,
    ],
    [
      'a line wider than half the world',
      {
        type: 'LineString',
        coordinates: [
          [-170, 40],
          [0, 40],
          [170, 40],
        ],
      },
      /spans 340° of longitude/,
    ],
  ];

  test.each(cases)(
    '%s: refused by the site reader (atlas upload, API, CLI) and by the engine, in both languages',
    async (_, geometry, reason) => {
      const read = await loadSiteRecordReader();
      const result = read({ kind: 'geometry', geometry }, featureAt(1));
      expect(result.error?.en).toMatch(reason);
      expect(result.error?.zh).toMatch(/[\u4e00-\u9fff]/);
      const data = await createAtlasData(diskLoader(), { layers: layerDefinitions });
      await expect(data.screener().then((screener) => screener.screen(geometry, 'steel'))).rejects.toThrow(reason);
    },
  );

  test('the CLI refuses the 166 km antimeridian line with the reason, an error line of its own and no stack trace', async () => {
    const line = { type: 'Feature', properties: { id: 'across' }, geometry: cases[0]![1] };
    const { status, output, errors } = await screenFile('across.geojson', JSON.stringify({ type: 'FeatureCollection', features: [line] }));
    expect(status).toBe(1);
    expect(errors).toMatch(/^error: .*across\.geojson.*crosses the 180° meridian/);
    expect(errors).not.toMatch(/\n\s+at /);
    expect(jsonLines(output).map((row) => Object.keys(row)[0])).toEqual(['error']);
  });

  test('a line within Inner Mongolia near 棋盘井 still screens, with its centroid where it lies', async () => {
    const data = await createAtlasData(diskLoader(), { layers: layerDefinitions });
    const report = (await data.screener()).screen(
      {
        type: 'LineString',
        coordinates: [
          [107.0, 39.5],
          [107.2, 39.5],
        ],
      },
      'steel',
    );
    expect(report.site.centroid).toEqual([107.1, 39.5]);
    expect(report.verdict).toBe('prohibited');
  });

  test('MultiPoint: the reader refuses several points; the engine names the type; a GeometryCollection is named, not "empty"', async () => {
    const read = await loadSiteRecordReader();
    expect(
      read(
        {
          kind: 'geometry',
          geometry: {
            type: 'MultiPoint',
            coordinates: [
              [107.1, 39.5],
              [108, 40],
            ],
          },
        },
        featureAt(1),
      ).error?.en,
    ).toMatch(/2 separate points/);
    const screener = await (await createAtlasData(diskLoader(), { layers: layerDefinitions })).screener();
    expect(() => screener.screen({ type: 'MultiPoint', coordinates: [[107.1, 39.5]] }, 'steel')).toThrow(
      /unsupported geometry type "MultiPoint"/,
    );
    expect(() => screener.screen({ type: 'GeometryCollection', geometries: [] }, 'steel')).toThrow(
      /unsupported geometry type "GeometryCollection"/,
    );
    const collection = read(
      { kind: 'geometry', geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [107.1, 39.5] }] } },
      featureAt(1),
    );
    expect(screener.screen(collection.site!.geometry, 'steel').verdict).toBe('prohibited');
  });

  test("window.atlas.setState refuses several points or a GeometryCollection with the reader's reason; the site and its verdict stay", async () => {
    const { atlas } = await screenedWith();
    const api = automation(atlas);
    const multiPoint = {
      type: 'MultiPoint',
      coordinates: [
        [107.1, 39.5],
        [108, 40],
        [107.1, 39.5],
      ],
    };
    const reader = (await loadSiteRecordReader())({ kind: 'geometry', geometry: multiPoint }, featureAt(1)).error!;
    const refusal = (await api.setState({ site: multiPoint }).catch((error: unknown) => error)) as Error;
    expect(refusal).toBeInstanceOf(StateError);
    expect(refusal.message).toContain(reader.en.replace(/^feature 1: /, ''));
    expect(refusal.message).toMatch(/site: the input holds 2 separate points/);
    const collection = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [107.1, 39.5] },
        { type: 'Point', coordinates: [108, 40] },
      ],
    };
    await expect(api.setState({ site: collection, projectType: 'pv-glass' })).rejects.toThrow(/site: a GeometryCollection is not a site/);
    expect(api.getState()).toMatchObject({ site: qipanjing, projectType: 'steel' });
    expect((await (await atlas.screening.get()).update())?.verdict).toBe('prohibited');
    expect(atlas.screening.current!.problem).toBe('');
    // One place given twice is that point, as the reader makes it, and screens.
    await api.setState({
      site: {
        type: 'MultiPoint',
        coordinates: [
          [107.1, 39.5],
          [107.1, 39.5],
        ],
      },
    });
    expect(api.getState().site).toEqual(qipanjing);
  });

  test('an uploaded file of several points is refused, and the site before stays, as the panel says', async () => {
    const { atlas } = await screenedWith();
    const points = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        [107.1, 39.5],
        [118.5, 49.5],
      ].map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates } })),
    });
    await (await atlas.screening.get()).upload({
      name: 'points.geojson',
      size: points.length,
      read: async () => new TextEncoder().encode(points).buffer as ArrayBuffer,
    });
    expect(atlas.screening.current!.problem).toMatch(/^points\.geojson: the input holds 2 separate points.*\(your site is unchanged\)$/);
    expect(atlas.store.state.site).toEqual(qipanjing);
    expect((await (await atlas.screening.get()).update())?.verdict).toBe('prohibited');
  });

  test('a site set that cannot be screened replaces the old one, and the panel does not say it is unchanged', async () => {
    const { atlas } = await screenedWith();
    atlas.store.update((state) => ({
      ...state,
      site: {
        type: 'MultiPoint',
        coordinates: [
          [107.1, 39.5],
          [108, 40],
        ],
      } as SiteGeometry,
    }));
    await (await atlas.screening.get()).update();
    expect(atlas.screening.current!.report).toBeUndefined();
    expect(atlas.screening.current!.problem).toMatch(/MultiPoint/);
    expect(atlas.screening.current!.problem).not.toMatch(/unchanged|已保留原选址/);
  });
});

describe('F12: the CLI reads a quoted line break in a CSV cell', () => {
  test('the row is screened with its id whole, and nothing goes to stderr', async () => {
    const { status, output, errors } = await screenFile('quoted.csv', 'id,lon,lat\n"plant\nno. 2",107.1,39.5\n');
    expect(errors).toBe('');
    expect(status).toBe(0);
    expect(jsonLines<{ id: string; verdict: string }>(output).map(({ id, verdict }) => [id, verdict])).toEqual([
      ['plant\nno. 2', 'prohibited'],
    ]);
  });
});

describe("the limits, stated once in src/site-input/limits.ts, are the README's", () => {
  test('bytes, inflated size, vertices, parts and crossings', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;
    expect(readme).toContain(`a file of at most ${megabytes(SITE_LIMITS.fileBytes)}`);
    expect(readme).toContain(`a zip unpacking to at most ${megabytes(SITE_LIMITS.inflatedBytes)}`);
    expect(readme).toContain(`${SITE_LIMITS.vertices.toLocaleString('en')} vertices`);
    expect(readme).toContain(`${SITE_LIMITS.parts.toLocaleString('en')} parts`);
    expect(readme).toContain(`crossing itself at most ${SITE_LIMITS.crossings.toLocaleString('en')} times`);
  });
});
