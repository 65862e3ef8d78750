import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeIndexedFlatGeobuf } from '../../data/build/flatgeobuf-writer.ts';
import { projectRoot } from '../data/node-loader.ts';
import { reportSchema } from '../screening/report.ts';
import { main, wholeFileLimit } from './screen.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'screening', 'cli');
const fixture = (name: string) => join(fixtures, name);
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'screen-cli-'));
  const sites = JSON.parse(readFileSync(fixture('sites.geojson'), 'utf8'));
  writeFileSync(join(scratch, 'sites.fgb'), writeIndexedFlatGeobuf(sites, { name: 'sites' }));
  writeFileSync(join(scratch, 'empty.csv'), '');
  writeFileSync(join(scratch, 'header-only.csv'), 'lon,lat\n');
  writeFileSync(join(scratch, 'huge.geojson'), '');
  truncateSync(join(scratch, 'huge.geojson'), wholeFileLimit + 1);
  writeFileSync(join(scratch, 'corrupt.fgb'), 'not a flatgeobuf file');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI in this process; returns its exit status and what it wrote. */
async function screen(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { write: async (text) => void (stdout += text), error: (text) => void (stderr += text), progress: false });
  return { status, stdout, stderr };
}

const jsonLines = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as { id: string } & Record<string, unknown>);

describe('screen CLI inputs', { timeout: 30_000 }, () => {
  it('screens every feature of a GeoJSON file, in order, with ids or feature numbers', async () => {
    const { status, stdout } = await screen(fixture('sites.geojson'), '--type', 'steel');
    expect(status).toBe(0);
    const reports = jsonLines(stdout);
    expect(reports.map((report) => report.id)).toEqual(['qipanjing-plant', '2', 'ulaanbaatar', 'pipeline']);
    for (const { id, ...report } of reports) expect(reportSchema.parse(report).projectType).toBe('steel');
    expect(reports[2]).toMatchObject({ verdict: 'clear', warnings: [expect.objectContaining({ code: 'outside-region' })] });
  });

  it('reads a FlatGeobuf file feature by feature, with the same reports', async () => {
    const fromGeoJson = await screen(fixture('sites.geojson'), '--type', 'steel');
    const fromFlatGeobuf = await screen(join(scratch, 'sites.fgb'), '--type', 'steel');
    expect(fromFlatGeobuf.status).toBe(0);
    const ids = jsonLines(fromFlatGeobuf.stdout).map((report) => report.id);
    // FlatGeobuf keeps properties, not GeoJSON's top-level feature id: the third feature is numbered instead.
    expect(ids).toEqual(['qipanjing-plant', '2', '3', 'pipeline']);
    const strip = (text: string) => jsonLines(text).map(({ id, ...report }) => report);
    expect(strip(fromFlatGeobuf.stdout)).toEqual(strip(fromGeoJson.stdout));
  });

  it('screens CSV lon/lat rows in batch, with the zones that single screening finds', async () => {
    const batch = await screen(fixture('points.csv'), '--type', 'steel', '--format', 'csv');
    expect(batch.status).toBe(0);
    const lines = batch.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,verdict,zones');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['qipanjing-plant', 'ulaanbaatar', 'hohhot']);
    expect(lines[1]).toMatch(/^qipanjing-plant,prohibited,.*qipanjing-mengxi/);
    expect(lines[2]).toBe('ulaanbaatar,clear,');
    const single = jsonLines((await screen(fixture('points.csv'), '--type', 'steel')).stdout);
    single.forEach((report, n) => {
      const zones = [...new Set((report['hits'] as { zoneId: string }[]).map((hit) => hit.zoneId))].sort().join(';');
      expect(lines[n + 1]).toBe(`${report.id},${report['verdict'] as string},${zones}`);
    });
  });

  it('screens CSV WKT rows, and writes GeoJSON', async () => {
    const { status, stdout } = await screen(fixture('wkt.csv'), '--type', 'coking', '--format', 'geojson');
    expect(status).toBe(0);
    const collection = JSON.parse(stdout) as { features: { id: string; geometry: { type: string }; properties: { verdict: string; report: unknown } }[] };
    expect(collection.features.map((feature) => [feature.id, feature.geometry.type])).toEqual([['straddling', 'Polygon'], ['hohhot', 'Point'], ['pipeline', 'LineString']]);
    for (const feature of collection.features) expect(reportSchema.parse(feature.properties.report).verdict).toBe(feature.properties.verdict);
  });

  it('adds the user’s zones as zones of the kind given', async () => {
    const site = join(scratch, 'in-reserve.geojson');
    writeFileSync(site, JSON.stringify({ type: 'Point', coordinates: [114.1, 44.1] }));
    const { status, stdout } = await screen(site, '--type', 'steel', '--zones', fixture('my-reserve.geojson'), '--zone-kind', 'nature-reserve');
    expect(status).toBe(0);
    const [report] = jsonLines(stdout);
    expect(report?.['hits']).toContainEqual(expect.objectContaining({ zoneId: 'my-reserve', layer: 'user-zones', zoneKind: 'nature-reserve', verdict: 'restricted' }));
  });
});

describe('screen CLI refusals', { timeout: 30_000 }, () => {
  const refuses = async (status: number, message: RegExp, ...argv: string[]) => {
    const result = await screen(...argv);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  };
  it('an unreadable file', () => refuses(1, /cannot read .*missing\.csv: ENOENT/, join(scratch, 'missing.csv'), '--type', 'steel'));
  it('an empty file', () => refuses(1, /empty\.csv is empty/, join(scratch, 'empty.csv'), '--type', 'steel'));
  it('a CSV with no rows', () => refuses(1, /no rows/, join(scratch, 'header-only.csv'), '--type', 'steel'));
  it('a GeoJSON file over 50 MB', () => refuses(1, /over the 50 MB limit/, join(scratch, 'huge.geojson'), '--type', 'steel'));
  it('broken GeoJSON', () => refuses(1, /cannot read .* as GeoJSON/, fixture('broken.geojson'), '--type', 'steel'));
  it('a file that is not FlatGeobuf', () => refuses(1, /cannot read .* as FlatGeobuf/, join(scratch, 'corrupt.fgb'), '--type', 'steel'));
  it('an unknown project type', () => refuses(2, /unknown project type "steal"/, fixture('points.csv'), '--type', 'steal'));
  it('an unknown zone kind', () => refuses(2, /unknown zone kind/, fixture('points.csv'), '--type', 'steel', '--zones', fixture('my-reserve.geojson'), '--zone-kind', 'park'));
  it('coordinates out of range, naming the row', () => refuses(1, /row 2 .*latitude 95 is out of range/, fixture('out-of-range.csv'), '--type', 'steel'));
  it('latitude and longitude swapped', () => refuses(1, /row 1 .*look swapped/, fixture('swapped.csv'), '--type', 'steel'));
  it('projected metres given as degrees', () => refuses(1, /projected metres, not degrees/, fixture('projected.csv'), '--type', 'steel'));
});

describe('screen CLI as a command', () => {
  it('runs under npx tsx, exits 0 and shows no progress when stderr is piped', () => {
    const result = spawnSync('npx', ['tsx', join(projectRoot, 'src', 'cli', 'screen.ts'), fixture('points.csv'), '--type', 'wind', '--format', 'csv'], {
      cwd: projectRoot, encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('id,verdict,zones');
    expect(result.stderr).not.toMatch(/screened/);
  }, 30_000);
});
