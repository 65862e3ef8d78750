// The application layer without a browser: the atlas's sessions over the served data, a fake map and a fake page.
import { describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import { createAtlasData } from '../../src/app/atlas-data.ts';
import { Atlas } from '../../src/app/atlas.ts';
import { dataChangeNotice } from '../../src/app/link-notices.ts';
import { verdictBackgroundCss, verdictColours, verdictRgba } from '../../src/app/verdict-colours.ts';
import { verdicts } from '../../src/screening/verdict.ts';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { SiteGeometry } from '../../src/schema/geometry.ts';
import { diskLoader, fakeMap, fakePlatform } from './app-fakes.ts';

/** Qipanjing, where the golden reports pin a prohibited verdict for flat glass (tests/fixtures/screening). */
const qipanjing: SiteGeometry = { type: 'Point', coordinates: [107.1, 39.5] };

async function started(loader = diskLoader(), options: Parameters<typeof fakePlatform>[1] = {}) {
  const fake = fakePlatform(loader, options);
  const map = fakeMap();
  const atlas = new Atlas(fake.platform);
  await atlas.start(map.map);
  return { atlas, map, ...fake };
}

async function screened(project: 'pv-glass' | 'wind', site: SiteGeometry = qipanjing) {
  const run = await started();
  run.atlas.setProjectType(project);
  const screening = await run.atlas.screening.get();
  screening.setSite(site, []);
  const report = await screening.update();
  return { ...run, report: report! };
}

describe('the data both front ends share', () => {
  test('createAtlasData loads every layer, names the data version and builds the same screener the CLI uses', async () => {
    const data = await createAtlasData(diskLoader(), { layers: layerDefinitions });
    expect(data.failures).toEqual([]);
    expect([...data.collections.keys()].sort()).toEqual(layerDefinitions.map((layer) => layer.id).sort());
    expect(data.dataVersion).toMatch(/^[0-9a-f]{12}$/);
    const report = (await data.screener()).screen(qipanjing, 'pv-glass');
    expect(report.verdict).toBe('prohibited');
    expect(report.dataVersion).toBe(data.dataVersion);
    expect(await data.screener()).toBe(await data.screener());
  });

  test('a failing dataset is listed and the others load; extra collections are screened beside them', async () => {
    const extra = new Map([['user-zones', { type: 'FeatureCollection' as const, features: [] }]]);
    const data = await createAtlasData(
      diskLoader((id) => (id === 'wetlands' ? 'wetlands.fgb: HTTP 404' : undefined)),
      { layers: layerDefinitions, extraCollections: extra },
    );
    expect(data.failures).toEqual([{ layerId: 'wetlands', message: 'wetlands.fgb: HTTP 404' }]);
    expect(data.collections.has('wetlands')).toBe(false);
    expect(data.collections.has('restricted-zones')).toBe(true);
    expect(data.collections.get('user-zones')).toBe(extra.get('user-zones'));
  });

  test('without a manifest nothing loads, the version is unknown and the failure says why', async () => {
    const loader = {
      ...diskLoader(),
      manifest: async () => {
        throw new Error('data manifest: HTTP 500');
      },
    };
    const data = await createAtlasData(loader, { layers: layerDefinitions });
    expect(data).toMatchObject({ dataVersion: 'unknown', attributions: [], failures: [{ message: 'data manifest: HTTP 500' }] });
    expect(data.collections.size).toBe(0);
  });
});

describe('the atlas started on a fake map', () => {
  test('gives the map every dataset and the attributions, counts features and becomes ready', async () => {
    const { atlas, map } = await started();
    await expect(atlas.ready).resolves.toBeUndefined();
    expect([...map.data.keys()].sort()).toEqual(layerDefinitions.map((layer) => layer.id).sort());
    expect(map.attributions().length).toBeGreaterThan(0);
    expect(atlas.counts['restricted-zones']).toBe(map.data.get('restricted-zones')!.features.length);
    expect(atlas.failed).toEqual({});
    expect(atlas.messages.list).toEqual([]);
  });

  test('a link that carries a site is screened during the start, and the start still completes', async () => {
    const { atlas } = await started(diskLoader(), { linkState: { site: qipanjing, projectType: 'pv-glass' } });
    await expect(atlas.ready).resolves.toBeUndefined();
    expect(atlas.screening.current!.report?.verdict).toBe('prohibited');
  });

  test('a dataset that fails is reported by layer title and its layer marked, the rest of the atlas works', async () => {
    const { atlas, map } = await started(diskLoader((id) => (id === 'wetlands' ? 'the file is corrupt' : undefined)));
    expect(atlas.failed).toEqual({ wetlands: 'the file is corrupt' });
    const title = layerDefinitions.find((layer) => layer.id === 'wetlands')!.title.en;
    expect(atlas.messages.list).toEqual([{ id: 'wetlands', text: `${title}: the file is corrupt` }]);
    expect(map.data.has('wetlands')).toBe(false);
    atlas.messages.dismiss('wetlands');
    expect(atlas.messages.list).toEqual([]);
  });
});

describe('screening session', () => {
  test("a site and a project type give the engine's report, the site outlined and each hit zone in its verdict's colour", async () => {
    const { report, map, atlas } = await screened('pv-glass');
    expect(report.verdict).toBe('prohibited');
    expect(atlas.screening.current!.report).toBe(report);
    expect(map.outlines.get('site')?.features[0]?.geometry).toEqual(qipanjing);
    const prohibited = report.hits.filter((hit) => hit.verdict === 'prohibited' && hit.layer !== 'admin-regions').map((hit) => hit.zoneId);
    const coloured = map.screening.current!.zones.filter((zone) => zone.properties?.['colour'] === verdictColours.prohibited);
    expect(coloured.map((zone) => String(zone.properties?.['id'])).sort()).toEqual([...new Set(prohibited)].sort());
    // Whole areas (the region, a city) are not painted; the zones keep their method, so hand-drawn edges stay dashed.
    expect(map.screening.current!.zones.every((zone) => zone.properties?.['method'] !== undefined)).toBe(true);
    expect(map.screening.current!.zones.some((zone) => zone.properties?.['id'] === 'inner-mongolia')).toBe(false);
  });

  test("a site near an uncertain edge gets a band as wide as the edge's accuracy", async () => {
    const { report, map } = await screened('wind', { type: 'Point', coordinates: [108, 40.92] });
    const doubted = report.hits.flatMap((hit) => hit.doubts.filter((doubt) => doubt.code === 'zone-edge').map(() => hit));
    expect(doubted.length).toBeGreaterThan(0);
    const bands = map.screening.current!.bands;
    expect(bands.length).toBeGreaterThan(0);
    // The band is the edge grown by its accuracy on both sides: the site, within that accuracy of the edge, lies in it.
    expect(bands.some((band) => booleanPointInPolygon([108, 40.92], band as Feature<Polygon | MultiPolygon>))).toBe(true);
  });

  test('an uploaded site is labelled by its file name', async () => {
    const { atlas } = await started();
    const file = JSON.stringify({ type: 'Point', coordinates: [108.7, 40.2] });
    await (await atlas.screening.get()).upload({
      name: 'site.geojson',
      size: file.length,
      read: async () => new TextEncoder().encode(file).buffer as ArrayBuffer,
    });
    expect(atlas.screening.current!.problem).toBe('');
    expect(atlas.screening.current!.source).toEqual({ zh: 'site.geojson', en: 'site.geojson' });
  });

  test('a site the user gives is labelled by where it came from and framed with its zones', async () => {
    const { atlas, map } = await started();
    atlas.setProjectType('steel');
    await (await atlas.screening.get()).paste({ text: '120.9, 44.83', datum: 'wgs84', zoneWidth: 3 });
    await (await atlas.screening.get()).update();
    expect(atlas.screening.current!.source).toEqual({ zh: '粘贴 1 点', en: 'pasted 1 point' });
    const [west, south, east, north] = map.flights.at(-1)!;
    expect(west).toBeLessThan(120.9);
    expect(east).toBeGreaterThan(120.9);
    expect(south).toBeLessThan(44.83);
    expect(north).toBeGreaterThan(44.83);
  });

  test('clearing the site clears the report and the outlines; the state keeps the project type', async () => {
    const { atlas, map } = await screened('pv-glass');
    (await atlas.screening.get()).setSite(null, []);
    expect(await (await atlas.screening.get()).update()).toBeUndefined();
    expect(atlas.screening.current!.report).toBeUndefined();
    expect([...map.outlines.keys()]).toEqual([]);
    expect(atlas.store.state.projectType).toBe('pv-glass');
  });

  test('a file over the limit is refused unread and the site is kept', async () => {
    const { atlas } = await screened('pv-glass');
    let read = false;
    await (await atlas.screening.get()).upload({
      name: 'big.geojson',
      size: 60 * 1024 * 1024,
      read: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    });
    expect(read).toBe(false);
    expect(atlas.screening.current!.problem).toMatch(/big\.geojson.*your site is unchanged/);
    expect(atlas.store.state.site).toEqual(qipanjing);
  });

  test('pasted coordinates become the site and open the screening panel', async () => {
    const { atlas } = await started();
    await (await atlas.screening.get()).paste({ text: '108.5, 40.5', datum: 'wgs84', zoneWidth: 3 });
    expect(atlas.screening.current!.problem).toBe('');
    expect(atlas.store.state.site).toEqual({ type: 'Point', coordinates: [108.5, 40.5] });
    expect(atlas.store.state.panel).toBe('screening');
  });
});

describe('report export and printing through injected sinks', () => {
  test('CSV and GeoJSON are saved under the project type and verdict', async () => {
    const { atlas, saved, report } = await screened('pv-glass');
    await atlas.exportReport({ format: 'csv', capacity: '' });
    await atlas.exportReport({ format: 'geojson', capacity: '120' });
    expect(saved.map(({ name }) => name)).toEqual(['screening-pv-glass-prohibited.csv', 'screening-pv-glass-prohibited.geojson']);
    const geojson = JSON.parse(await saved[1]!.file.text());
    expect(geojson.features[0].properties).toMatchObject({ verdict: report.verdict, capacity: 120, capacityUnit: '万吨/年' });
    expect(await saved[0]!.file.text()).toContain('prohibited');
  });

  test('printing hands the page the report, the decorated map and the visible layers', async () => {
    const { atlas, printed, report, map } = await screened('pv-glass');
    await atlas.exportReport({ format: 'print', capacity: '50' });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ report, capacity: '50', lang: 'en', mapImage: `data:image/png;base64,${btoa('png at 1x')}` });
    // The printed map frames the site whatever the live view shows, and the locator places it in the region.
    const [west, south, east, north] = map.frames.at(-1)!;
    expect(west < 107.1 && east > 107.1 && south < 39.5 && north > 39.5).toBe(true);
    expect(printed[0]!.locator?.site).toEqual(report.site.centroid);
    expect(printed[0]!.locator!.rings.length).toBeGreaterThan(0);
    const visible = layerDefinitions.filter((layer) => layer.properties && atlas.store.state.layers[layer.id]?.visible);
    expect(printed[0]!.layers).toEqual(visible);
  });

  test('nothing is exported without a site', async () => {
    const { atlas, saved, printed } = await started();
    await atlas.exportReport({ format: 'csv', capacity: '' });
    await atlas.exportReport({ format: 'print', capacity: '' });
    expect([saved, printed]).toEqual([[], []]);
  });
});

describe('presenting and links', () => {
  test('a short link is copied and announced; a long one becomes a share file', async () => {
    const short = await started();
    await short.atlas.presenting.copyLink();
    expect(short.copied).toEqual(['http://127.0.0.1:4173/#v=1']);
    expect(short.atlas.messages.list[0]?.text).toContain('http://127.0.0.1:4173/#v=1');
    const long = await started(diskLoader(), { shareUrl: `http://127.0.0.1:4173/#${'x'.repeat(9000)}` });
    await long.atlas.presenting.copyLink();
    expect(long.copied).toEqual([]);
    expect(long.saved.map(({ name }) => name)).toEqual(['nm-carbon-atlas-share.json']);
    expect(JSON.parse(await long.saved[0]!.file.text())).toMatchObject({ format: 'nm-carbon-atlas-share', hash: '#v=1' });
  });

  test('?embed=1 embeds; the PNG export saves a PNG file of the decorated map', async () => {
    const { atlas, saved } = await started(diskLoader(), { href: 'http://127.0.0.1:4173/?embed=1' });
    expect(atlas.presenting.embedded).toBe(true);
    await atlas.presenting.act('export-2x');
    expect(saved[0]?.name).toMatch(/^nm-carbon-atlas-\d{4}-\d{2}-\d{2}\.png$/);
    expect(saved[0]?.file.type).toBe('image/png');
    expect(await saved[0]!.file.text()).toBe('png at 2x');
  });

  test('a dropped share file opens its hash; a bad one is reported by name', async () => {
    const { atlas, opened } = await started();
    await atlas.presenting.drop({
      name: 'view.json',
      text: async () =>
        JSON.stringify({ format: 'nm-carbon-atlas-share', version: 1, hash: '#z=5', createdAt: '2026-01-01T00:00:00.000Z' }),
    });
    await atlas.presenting.drop({ name: 'bad.json', text: async () => '{' });
    expect(opened).toEqual(['#z=5']);
    expect(atlas.messages.list.map((message) => message.text)).toEqual([expect.stringMatching(/^bad\.json: /)]);
  });

  test("a link made on other data says so, and whether the site's verdict changed", async () => {
    const { report } = await screened('pv-glass');
    const decoded = { partial: {}, notices: [], unknown: [], dataVersion: '000000000000' };
    expect(dataChangeNotice({ ...decoded, verdict: 'prohibited' }, report.dataVersion, report, 'en')).toMatch(
      new RegExp(`then version 000000000000, now ${report.dataVersion}.*verdict is unchanged \\(Prohibited\\)`),
    );
    expect(dataChangeNotice({ ...decoded, verdict: 'clear' }, report.dataVersion, report, 'zh')).toContain(
      '当时为 未涉及管控，现在为 禁止',
    );
    expect(dataChangeNotice({ ...decoded, dataVersion: report.dataVersion }, report.dataVersion, report, 'en')).toBeUndefined();
  });

  test("a link made on the same data says when the site's verdict changed (the engine changed), and nothing when it did not", async () => {
    const { report } = await screened('pv-glass');
    const sameData = { partial: {}, notices: [], unknown: [], dataVersion: report.dataVersion };
    expect(dataChangeNotice({ ...sameData, verdict: 'review' }, report.dataVersion, report, 'en')).toMatch(
      new RegExp(`^The shared site's verdict changed: Review then, ${report.verdict} now\\.$`, 'i'),
    );
    expect(dataChangeNotice({ ...sameData, verdict: 'review' }, report.dataVersion, report, 'zh')).toContain(
      '共享选址的结论已变化：当时为 需核实',
    );
    expect(dataChangeNotice({ ...sameData, verdict: report.verdict }, report.dataVersion, report, 'en')).toBeUndefined();
    // A link that records no data version but a verdict is compared all the same.
    expect(dataChangeNotice({ partial: {}, notices: [], unknown: [], verdict: 'clear' }, report.dataVersion, report, 'en')).toMatch(
      /verdict changed: Clear then/,
    );
    expect(dataChangeNotice(sameData, report.dataVersion, report, 'en')).toBeUndefined();
  });
});

describe('selection, search and settings', () => {
  test('a click opens the first feature and lists the rest; switching keeps every one reachable', async () => {
    const { atlas, map } = await started();
    const [a, b] = map.data
      .get('restricted-zones')!
      .features.slice(0, 2)
      .map((feature) => ({ layer: 'restricted-zones', id: String(feature.properties?.['id']) }));
    map.click([a!, b!]);
    expect(atlas.store.state.selection).toEqual(a);
    expect(atlas.selection.feature(a!)?.properties?.['id']).toBe(a!.id);
    atlas.selection.switchTo(atlas.selection.alsoHere[0]!);
    expect(atlas.store.state.selection).toEqual(b);
    expect(atlas.selection.alsoHere).toEqual([a]);
  });

  test('a search result shows its hidden layer, opens the feature and flies to it', async () => {
    const { atlas, map } = await started();
    const entry =
      atlas.selection.searchEntries.find((candidate) => !atlas.store.state.layers[candidate.layer]?.visible) ??
      atlas.selection.searchEntries[0]!;
    await atlas.selection.pick(entry);
    expect(atlas.store.state.layers[entry.layer]?.visible).toBe(true);
    expect(atlas.store.state.selection).toEqual({ layer: entry.layer, id: entry.id });
    expect(map.flights).toEqual([entry.bbox]);
  });

  test('the online basemap is kept in storage and read back by the next atlas', async () => {
    const { atlas, platform } = await started();
    atlas.basemap.set({ kind: 'template', template: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: 'Example' }, atlas.map());
    expect(new Atlas(platform).basemap.current).toEqual(atlas.basemap.current);
    atlas.basemap.set(undefined, atlas.map());
    expect(new Atlas(platform).basemap.current).toBeUndefined();
  });
});

test('each verdict has one colour, as CSS for the panel and as RGBA for the map', () => {
  for (const verdict of verdicts) {
    expect(verdictBackgroundCss).toContain(`.${verdict} { background: ${verdictColours[verdict]}; }`);
    const [r, g, b, a] = verdictRgba(verdict);
    expect(`#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`).toBe(verdictColours[verdict]);
    expect(a).toBe(255);
  }
});
