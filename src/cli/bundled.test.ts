import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../data/node-loader.ts';
import { runCli } from '../../tests/conformance/run-cli.ts';

let cache: string;
const sites = join(projectRoot, 'tests', 'fixtures', 'screening', 'cli', 'sites.geojson');

/** `npm run screen` without npm: the launcher in a child process, its bundle in this test's own folder. */
const launch = (...argv: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, 'src', 'cli', 'bundled.cjs'), ...argv], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, ATLAS_CLI_CACHE: cache },
    maxBuffer: 64 * 2 ** 20,
  });
const bundleTime = () => statSync(join(cache, 'screen.cjs')).mtimeMs;
/** The files of a kind (`.grids`, `.zones`) kept beside the bundle for the next run. */
const kept = (extension: string) =>
  readdirSync(cache)
    .filter((name) => name.startsWith('grids-'))
    .flatMap((name) =>
      readdirSync(join(cache, name))
        .filter((file) => file.endsWith(extension))
        .map((file) => join(cache, name, file)),
    );

/**
 * Runs the command three times: the first keeps one file of a kind, the second reads the same report with it, and the
 * third, after the file is damaged, reads the same report again and writes the file anew (at least `size` bytes).
 */
function keptAcrossRuns(extension: string, run: () => ReturnType<typeof launch>, size: number) {
  const first = run();
  expect(first.status).toBe(0);
  expect(kept(extension)).toHaveLength(1);
  const file = kept(extension)[0]!;
  expect(run().stdout).toBe(first.stdout);
  writeFileSync(file, `not ${extension}`);
  expect(run().stdout).toBe(first.stdout);
  expect(statSync(file).size).toBeGreaterThan(size);
  return { first, file };
}

// Inside the project, as the bundle finds the project's data by the package.json above it.
beforeAll(() => {
  mkdirSync(join(projectRoot, 'node_modules', '.cache'), { recursive: true });
  cache = mkdtempSync(join(projectRoot, 'node_modules', '.cache', 'atlas-cli-test-'));
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('the bundled screen command', { timeout: 120_000 }, () => {
  it('writes what the command writes from source, from any working folder', async () => {
    const bundled = launch('screen', sites, '--type', 'steel', '--format', 'csv', '--lang', 'zh');
    const source = await runCli([sites, '--type', 'steel', '--format', 'csv', '--lang', 'zh']);
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    // Every bundle in ASCII, which the bundle loader reads as Latin-1 (bundled.cjs asciiText): the report's Chinese
    // comes from the escapes its strings hold.
    const bundles = readdirSync(cache).filter((name) => name.endsWith('.cjs'));
    expect(bundles.length).toBeGreaterThan(2);
    for (const name of bundles)
      expect(
        readFileSync(join(cache, name)).every((byte) => byte < 0x80),
        name,
      ).toBe(true);
    expect(bundled.stdout).toBe(source.stdout);
    expect(bundled.stdout.split('\r\n').length).toBeGreaterThan(4);
  });

  it('screens on worker threads from the bundle, with the same report', async () => {
    const argv = [sites, '--type', 'steel', '--format', 'geojson'];
    const threaded = launch('screen', ...argv, '--threads', '2');
    expect(threaded.stderr).toBe('');
    expect(threaded.status).toBe(0);
    expect(threaded.stdout).toBe((await runCli([...argv, '--threads', '1'])).stdout);
  });

  it('reads official layers with the packages bundled in (shapefile, GeoPackage, PostgreSQL client) as from source', async () => {
    const official = join(projectRoot, 'tests', 'fixtures', 'official');
    const profile = ['--zone-profile', join(official, 'red-line-profile.json')];
    for (const layer of ['red-line-gk36.zip', 'red-line-gk36.gpkg']) {
      const argv = [sites, '--type', 'steel', '--zones', join(official, layer), ...profile];
      const bundled = launch('screen', ...argv);
      expect(bundled.status).toBe(0);
      expect(bundled.stdout).toBe((await runCli(argv)).stdout);
    }
    const database = launch(
      'screen',
      sites,
      '--type',
      'steel',
      '--zones',
      'postgresql://nobody@127.0.0.1:1/atlas',
      '--zone-table',
      'a.b',
      ...profile,
    );
    expect(database.status).toBe(1);
    expect(database.stderr).toContain('cannot connect to the database (connect ECONNREFUSED 127.0.0.1:1)');
  });

  it('records the files it was built from and rebuilds only when one changed', () => {
    const record = JSON.parse(readFileSync(join(cache, 'built-from.json'), 'utf8')) as { inputs: Record<string, number> };
    expect(Object.keys(record.inputs)).toEqual(
      expect.arrayContaining(['src/cli/screen.ts', 'src/screening/screener.ts', 'src/cli/bundled.cjs']),
    );
    // The packages' files are stood for by npm's record of the install (npm ci writes it).
    expect(Object.keys(record.inputs).filter((file) => file.includes('node_modules'))).toEqual(['node_modules/.package-lock.json']);
    const built = bundleTime();
    expect(launch('screen', sites, '--type', 'steel').status).toBe(0);
    expect(bundleTime()).toBe(built);
    record.inputs['src/screening/screener.ts'] = 0;
    writeFileSync(join(cache, 'built-from.json'), JSON.stringify(record));
    expect(launch('screen', sites, '--type', 'steel').status).toBe(0);
    expect(bundleTime()).toBeGreaterThan(built);
  });

  it('keeps the grids its screeners built for the next run, on one thread or several, and drops them when it rebuilds', () => {
    const points = join(cache, 'grid-points.csv');
    const rows = Array.from({ length: 600 }, (_, n) => `g${n},${107 + (n % 30) / 6},${38 + Math.floor(n / 30) / 6}`);
    writeFileSync(points, `id,lon,lat\n${rows.join('\n')}\n`);
    const run = (...argv: string[]) => launch('screen', points, '--type', 'solar-pv', '--format', 'csv', ...argv);
    const { first, file } = keptAcrossRuns('.grids', run, 10_000);

    const record = JSON.parse(readFileSync(join(cache, 'built-from.json'), 'utf8')) as { inputs: Record<string, number> };
    record.inputs['src/cli/grid-cache.ts'] = 0;
    writeFileSync(join(cache, 'built-from.json'), JSON.stringify(record));
    // The rebuilt command's CSV rows are shaped on the worker thread alone: what it built is kept too.
    expect(run('--threads', '2').stdout).toBe(first.stdout);
    expect(existsSync(dirname(file))).toBe(false);
    expect(kept('.grids')).toHaveLength(1);
    expect(statSync(kept('.grids')[0]!).size).toBeGreaterThan(10_000);
  });

  it("runs its bundles, the worker threads' too, from the code cache it wrote, and writes again one that V8 refuses", () => {
    const caches = () => readdirSync(cache).filter((name) => name.endsWith('.code-cache'));
    for (const name of caches()) rmSync(join(cache, name));
    const run = () => launch('screen', sites, '--type', 'steel', '--format', 'csv', '--threads', '2');
    const first = run();
    expect(first.status).toBe(0);
    const written = caches();
    expect(written.map((name) => name.split('.')[0]).sort()).toEqual(['screen', 'screen-early', 'screen-worker']);
    const times = () => written.map((name) => statSync(join(cache, name)).mtimeMs);
    const before = times();
    expect(run().stdout).toBe(first.stdout);
    // Taken, not written again: V8 accepted it.
    expect(times()).toEqual(before);
    const main = join(cache, written.find((name) => name.startsWith('screen.'))!);
    writeFileSync(main, 'not a code cache');
    expect(run().stdout).toBe(first.stdout);
    expect(statSync(main).size).toBeGreaterThan(100_000);
  });

  it("keeps the atlas's zones packed for the next run, not a user's own, and packs them again from a damaged file", () => {
    const { file } = keptAcrossRuns('.zones', () => launch('screen', sites, '--type', 'steel', '--format', 'csv'), 100_000);
    const official = join(projectRoot, 'tests', 'fixtures', 'official');
    const layer = ['--zones', join(official, 'red-line-gk36.zip'), '--zone-profile', join(official, 'red-line-profile.json')];
    expect(launch('screen', sites, '--type', 'steel', ...layer).status).toBe(0);
    expect(kept('.zones')).toEqual([file]);
  });

  it("keeps the CSV row templates of the atlas's zones for the next run of the same type and language, not for JSON", () => {
    const before = kept('.rows').length;
    const csv = (...argv: string[]) => launch('screen', sites, '--format', 'csv', ...argv);
    const first = csv('--type', 'cement', '--lang', 'en');
    expect(kept('.rows')).toHaveLength(before + 1);
    expect(csv('--type', 'cement', '--lang', 'en').stdout).toBe(first.stdout);
    expect(kept('.rows')).toHaveLength(before + 1);
    csv('--type', 'cement', '--lang', 'zh');
    expect(kept('.rows')).toHaveLength(before + 2);
    expect(launch('screen', sites, '--type', 'coking', '--format', 'jsonl').status).toBe(0);
    expect(kept('.rows')).toHaveLength(before + 2);
    // From GeoJSON on two threads the worker writes the rows (screen-run.ts rowsOnWorkers): its templates are kept.
    const threaded = csv('--type', 'ferroalloy', '--threads', '2');
    expect(kept('.rows')).toHaveLength(before + 3);
    expect(csv('--type', 'ferroalloy', '--threads', '1').stdout).toBe(threaded.stdout);
  });

  it('runs when its path goes through a link', () => {
    const link = join(cache, 'project-link');
    symlinkSync(projectRoot, link);
    const linked = spawnSync(
      process.execPath,
      [join(link, 'src', 'cli', 'bundled.cjs'), 'screen', sites, '--type', 'steel', '--format', 'csv'],
      {
        cwd: tmpdir(),
        encoding: 'utf8',
        env: { ...process.env, ATLAS_CLI_CACHE: cache },
      },
    );
    expect(linked.status).toBe(0);
    expect(linked.stdout).toBe(launch('screen', sites, '--type', 'steel', '--format', 'csv').stdout);
    expect(linked.stdout).toContain('qipanjing-plant');
  });

  it('stops quietly when the reader of its output stops early, as `| head` does', async () => {
    // Some 20 MB of report: far more than a pipe holds, so that the command is still writing when the pipe closes.
    const points = join(cache, 'many-points.csv');
    writeFileSync(
      points,
      `id,lon,lat\n${Array.from({ length: 20_000 }, (_, n) => `p${n},${108 + (n % 400) / 100},${39 + n / 10_000}`).join('\n')}\n`,
    );
    const child = spawn(
      process.execPath,
      [join(projectRoot, 'src', 'cli', 'bundled.cjs'), 'screen', points, '--type', 'steel', '--format', 'csv'],
      {
        cwd: tmpdir(),
        env: { ...process.env, ATLAS_CLI_CACHE: cache },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let first = '';
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString();
      child.stdout.destroy();
    });
    const [status] = (await once(child, 'exit')) as [number | null];
    expect(first).toContain('id,verdict');
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('passes on the command exit status and refuses an unknown command', () => {
    const refused = launch('screen', sites);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--type is required');
    const unknown = launch('paint');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('usage: node src/cli/bundled.cjs <screen>');
  });
});
