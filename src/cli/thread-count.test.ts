import { closeSync, mkdtempSync, openSync, rmSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { screeningThreads } from './thread-count.ts';

const scratch = mkdtempSync(join(tmpdir(), 'screen-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const kibibyte = 2 ** 10;
const mebibyte = 2 ** 20;

/** A file of exactly `bytes` (sparse: no disk is written), named so that its extension gives its format. */
function fileOf(name: string, bytes: number): string {
  const file = join(scratch, name);
  const handle = openSync(file, 'w');
  ftruncateSync(handle, bytes);
  closeSync(handle);
  return file;
}

describe('the screening threads a file gets by default', () => {
  it('are one per core, up to 4, from 64 KiB of CSV, 2 MiB of GeoJSON and 512 KiB of FlatGeobuf, and one below', () => {
    const cases: [name: string, bytes: number, cores: number, threads: number][] = [
      ['small.csv', 64 * kibibyte - 1, 2, 1],
      ['large.csv', 64 * kibibyte, 2, 2],
      ['large.csv', 64 * kibibyte, 16, 4],
      ['small.geojson', 2 * mebibyte - 1, 2, 1],
      ['large.geojson', 2 * mebibyte, 2, 2],
      ['small.geojsonl', mebibyte, 8, 1],
      ['large.geojsonl', 2 * mebibyte, 3, 3],
      ['small.fgb', 512 * kibibyte - 1, 4, 1],
      ['large.fgb', 512 * kibibyte, 2, 2],
    ];
    for (const [name, bytes, cores, threads] of cases)
      expect([name, cores, screeningThreads(undefined, fileOf(name, bytes), cores)]).toEqual([name, cores, threads]);
  });

  it('are one for a file read whole, and as asked with --threads', () => {
    expect(screeningThreads(undefined, fileOf('site.kml', 100 * mebibyte), 4)).toBe(1);
    expect(screeningThreads(3, fileOf('tiny.csv', 10), 2)).toBe(3);
    expect(screeningThreads(2, fileOf('huge.fgb', 4096 * mebibyte), 2)).toBe(2);
  });
});
