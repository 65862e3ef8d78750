import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeIndexedFlatGeobuf } from '../../data/build/flatgeobuf-writer.ts';
import { projectRoot } from '../data/node-loader.ts';
import { reportColumns } from '../report/columns.ts';
import { reportSchema } from '../screening/report.ts';
import { MAX_RECORD_BYTES } from '../site-input/stream.ts';
import { runCli } from '../../tests/conformance/run-cli.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'screening', 'cli');
const fixture = (name: string) => join(fixtures, name);
let scratch: string;
const scratchFile = (name: string, content: string | Uint8Array) => {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
};
const square = (x: number, y: number, size = 0.1) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'screen-cli-'));
  const sites = JSON.parse(readFileSync(fixture('sites.geojson'), 'utf8'));
  writeFileSync(join(scratch, 'sites.fgb'), writeIndexedFlatGeobuf(sites, { name: 'sites' }));
  writeFileSync(join(scratch, 'sites.geojsonl'), `${sites.features.map((feature: unknown) => JSON.stringify(feature)).join('\n')}\n`);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI in this process, reading files in small chunks so that records span them. */
const screen = (...argv: string[]) => runCli(argv, 4096);

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string } & Record<string, unknown>);
const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('screen CLI inputs', { timeout: 60_000 }, () => {
  it('screens every feature of a GeoJSON file, in order, with ids or feature numbers, naming the cited documents by title', async () => {
    const { status, stdout } = await screen(fixture('sites.geojson'), '--type', 'steel');
    expect(status).toBe(0);
    const reports = jsonLines(stdout);
    expect(reports.map((report) => report.id)).toEqual(['qipanjing-plant', '2', 'ulaanbaatar', 'pipeline']);
    for (const { id, ...report } of reports) expect(reportSchema.parse(report).projectType).toBe('steel');
    expect(reports[2]).toMatchObject({ verdict: 'clear', warnings: [expect.objectContaining({ code: 'outside-region' })] });
    const documents = reports.flatMap((report) => Object.values(report['documents'] as Record<string, { zh: string }>));
    expect(documents.length).toBeGreaterThan(0);
    for (const title of documents) expect(title.zh).toMatch(/[\u4e00-\u9fff]{6}/);
  });

  it('reads FlatGeobuf and GeoJSON Lines feature by feature, with the same reports', async () => {
    const strip = (text: string) => jsonLines(text).map(({ id, ...report }) => report);
    const fromGeoJson = await screen(fixture('sites.geojson'), '--type', 'steel');
    for (const file of ['sites.fgb', 'sites.geojsonl']) {
      const other = await screen(join(scratch, file), '--type', 'steel');
      expect(other.status).toBe(0);
      expect(strip(other.stdout)).toEqual(strip(fromGeoJson.stdout));
    }
  });

  it('screens CSV lon/lat rows, each row with the verdict and zones of its full report', async () => {
    const batch = await screen(fixture('points.csv'), '--type', 'steel', '--format', 'csv');
    expect(batch.status).toBe(0);
    const lines = csvLines(batch.stdout);
    expect(lines[0]).toBe(reportColumns.map((column) => column.name).join(','));
    const cells = lines.slice(1).map((line) => line.split(','));
    expect(cells.map((row) => row[0])).toEqual(['qipanjing-plant', 'ulaanbaatar', 'hohhot']);
    expect(cells[0]?.[1]).toBe('prohibited');
    const single = jsonLines((await screen(fixture('points.csv'), '--type', 'steel')).stdout);
    const zoneIds = reportColumns.findIndex((column) => column.name === 'zone_ids');
    single.forEach((report, n) => {
      const zones = [...new Set((report['hits'] as { zoneId: string }[]).map((hit) => hit.zoneId))].sort().join(';');
      expect(cells[n]?.[1]).toBe(report['verdict']);
      expect(cells[n]?.[zoneIds]).toBe(zones);
    });
  });

  it('screens CSV WKT rows, and writes GeoJSON', async () => {
    const { status, stdout } = await screen(fixture('wkt.csv'), '--type', 'coking', '--format', 'geojson');
    expect(status).toBe(0);
    const collection = JSON.parse(stdout) as { features: { id: string; geometry: { type: string }; properties: unknown }[] };
    expect(collection.features.map((feature) => [feature.id, feature.geometry.type])).toEqual([
      ['straddling', 'Polygon'],
      ['hohhot', 'Point'],
      ['pipeline', 'LineString'],
    ]);
    for (const feature of collection.features) expect(reportSchema.safeParse(feature.properties).success).toBe(true);
  });

  it('labels the CSV and words its verdicts in the language asked for, and never writes a formula', async () => {
    const file = scratchFile('formula.csv', 'id,lon,lat\n"=HYPERLINK(""http://example.com"",""x"")",107.1,39.5\n@SUM(A1),111.7,40.8\n');
    const zh = await screen(file, '--type', 'steel', '--format', 'csv', '--lang', 'zh');
    expect(zh.status).toBe(0);
    const [header, ...rows] = csvLines(zh.stdout);
    expect(header?.split(',')[1]).toBe('结论');
    expect(rows[0]).toMatch(/^"'=HYPERLINK\(""http:\/\/example.com"",""x""\)",禁止/);
    expect(rows[1]).toMatch(/^'@SUM\(A1\),/);
  });

  it('adds the user’s zones as zones of the kind given', async () => {
    const site = scratchFile('in-reserve.geojson', JSON.stringify({ type: 'Point', coordinates: [114.1, 44.1] }));
    const { status, stdout } = await screen(
      site,
      '--type',
      'steel',
      '--zones',
      fixture('my-reserve.geojson'),
      '--zone-kind',
      'nature-reserve',
    );
    expect(status).toBe(0);
    const [report] = jsonLines(stdout);
    expect(report?.['hits']).toContainEqual(
      expect.objectContaining({ zoneId: 'my-reserve', layer: 'user-zones', zoneKind: 'nature-reserve', verdict: 'restricted' }),
    );
  });
});

describe('screen CLI refusals', { timeout: 60_000 }, () => {
  const refuses = async (message: RegExp, ...argv: string[]) => {
    const result = await screen(...argv);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    return result;
  };
  it('an unreadable file', () => refuses(/^error: cannot read .*missing\.csv: ENOENT/, join(scratch, 'missing.csv'), '--type', 'steel'));
  it('an empty file', () => refuses(/empty\.csv is empty/, scratchFile('empty.csv', ''), '--type', 'steel'));
  it('a CSV with no rows', () => refuses(/header but no data rows/, scratchFile('header-only.csv', 'lon,lat\n'), '--type', 'steel'));
  it('broken GeoJSON', () =>
    refuses(/broken\.geojson, the GeoJSON file ends before its FeatureCollection does/, fixture('broken.geojson'), '--type', 'steel'));
  it('a file that is not FlatGeobuf', () =>
    refuses(/corrupt\.fgb, the file is not FlatGeobuf/, scratchFile('corrupt.fgb', 'not a flatgeobuf file'), '--type', 'steel'));
  it('coordinates out of range, naming the row', () =>
    refuses(/^error: .*out-of-range\.csv, row 3 \(lon, lat\): .*out of range/, fixture('out-of-range.csv'), '--type', 'steel'));
  it('latitude and longitude swapped', () =>
    refuses(/swapped\.csv, row 2 .*latitude, longitude/, fixture('swapped.csv'), '--type', 'steel'));
  it('an unclosed quote', () =>
    refuses(
      /^error: .*unclosed\.csv, row 3: a quoted field is never closed\n$/,
      scratchFile('unclosed.csv', 'id,lon,lat\n1,109,40\n"2,110,41\n'),
      '--type',
      'steel',
    ));
  it('a line longer than any record may be', () =>
    refuses(
      /long\.csv, row 2: a record is longer than/,
      scratchFile('long.csv', `lon,lat\n${'1'.repeat(MAX_RECORD_BYTES + 10)}`),
      '--type',
      'steel',
    ));

  it('an unknown project type or zone kind, with the usage', async () => {
    for (const argv of [
      ['--type', 'steal'],
      ['--type', 'steel', '--zones', fixture('my-reserve.geojson'), '--zone-kind', 'park'],
      ['--type', 'steel', '--lang', 'fr'],
    ]) {
      const result = await screen(fixture('points.csv'), ...argv);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/usage: screen/);
    }
  });

  it('a bad record partway: what came before is written and the output stays valid', async () => {
    const file = scratchFile('partway.csv', 'id,lon,lat\na,111.7,40.8\nb,111.7,95\nc,111.7,40.8\n');
    const geojson = await refuses(/partway\.csv, row 3/, file, '--type', 'steel', '--format', 'geojson');
    const collection = JSON.parse(geojson.stdout) as { features: { id: string }[]; error: { en: string; file: string } };
    expect(collection.features.map((feature) => feature.id)).toEqual(['a']);
    expect(collection.error.en).toMatch(/^row 3 \(lon, lat\): /);
    const lines = jsonLines((await refuses(/row 3/, file, '--type', 'steel')).stdout);
    expect(lines.map((line) => line.id ?? Object.keys(line)[0])).toEqual(['a', 'error']);
  });

  it('in Chinese with --lang zh', () =>
    refuses(/^error: .*swapped\.csv，第2行/, fixture('swapped.csv'), '--type', 'steel', '--lang', 'zh'));

  describe('zones are checked like sites', () => {
    const zones = (name: string, geometry: object) =>
      scratchFile(name, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'z' }, geometry }] }));
    it.each([
      [
        'projected metres',
        {
          type: 'Polygon',
          coordinates: [
            [
              [500000, 4400000],
              [510000, 4400000],
              [510000, 4410000],
              [500000, 4400000],
            ],
          ],
        },
        /projected|out of range/,
      ],
      ['swapped axes', { type: 'Polygon', coordinates: square(40, 109) }, /latitude, longitude/],
      [
        'latitude 95',
        {
          type: 'Polygon',
          coordinates: [
            [
              [110, 90],
              [110.1, 95],
              [110.2, 90],
              [110, 90],
            ],
          ],
        },
        /out of range/,
      ],
      ['a point', { type: 'Point', coordinates: [110, 40] }, /a zone must be a polygon, not a Point/],
    ])('%s', async (name, geometry, message) => {
      await refuses(
        new RegExp(`--zones .*, feature 1.*${message.source}`),
        fixture('points.csv'),
        '--type',
        'steel',
        '--zones',
        zones(`${name}.geojson`, geometry),
        '--zone-kind',
        'nature-reserve',
      );
    });
  });
});

describe('screen CLI as a command', () => {
  it('runs under npm run, writes only the report on stdout, and shows no progress when stderr is piped', () => {
    const result = spawnSync('npm', ['run', 'screen', '--', fixture('points.csv'), '--type', 'wind', '--format', 'csv'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(csvLines(result.stdout)[0]).toBe(reportColumns.map((column) => column.name).join(','));
    expect(result.stderr).not.toMatch(/screened/);
  }, 60_000);
});
