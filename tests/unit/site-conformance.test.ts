// One way in, one way out: every conformance case read by the CLI (its main(), in this process) and by the whole-file
// reader the atlas's upload uses, screened by the same engine, must give the same geometry, the same report and the
// same report row, or the same error message. tests/e2e/conformance.e2e.ts does the same through the atlas itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { csvLine } from '../../src/report/csv.ts';
import { rowOfReport } from '../../src/report/site-row.ts';
import { createScreener, type Screener } from '../../src/screening/screener.ts';
import { readSiteFile, SiteInputError } from '../../src/site-input/index.ts';
import { conformanceCases } from '../conformance/cases.ts';
import { engineReport, runCli } from '../conformance/run-cli.ts';

const cases = conformanceCases();
let folder: string;
let screener: Screener;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'conformance-'));
  for (const item of cases) writeFileSync(join(folder, item.name), item.bytes);
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCli(argv, 1024);

/** What the atlas's upload reads from the same bytes, or the message it refuses them with. */
async function upload(name: string, bytes: Uint8Array) {
  try {
    return { site: await readSiteFile(name, bytes) };
  } catch (error) {
    if (!(error instanceof SiteInputError)) throw error;
    return { error: error.text };
  }
}

describe('the CLI and the upload read every site file alike', { timeout: 120_000 }, () => {
  test('there are at least 20 cases, good and bad', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((item) => item.refused).length).toBeGreaterThanOrEqual(6);
  });

  test.each(cases.filter((item) => !item.refused).map((item) => [item.name, item] as const))(
    '%s: same geometry, report and row',
    async (_name, item) => {
      const file = join(folder, item.name);
      const uploaded = await upload(item.name, item.bytes);
      expect(uploaded.error).toBeUndefined();
      const geometry = uploaded.site?.geometry;
      const report = screener.screen(geometry, item.projectType);

      const geojson = await cli(file, '--type', item.projectType, '--format', 'geojson');
      expect(geojson.stderr).toBe('');
      const features = (JSON.parse(geojson.stdout) as { features: { geometry: unknown; properties: Record<string, unknown> }[] }).features;
      expect(features).toHaveLength(1);
      expect(features[0]?.geometry).toEqual(geometry);
      const properties = features[0]?.properties ?? {};
      const cited = new Set(report.hits.flatMap((hit) => (hit.cite ? [hit.cite.doc] : [])));
      expect(Object.keys(properties['documents'] as object).sort()).toEqual([...cited].sort());
      expect(engineReport(properties)).toEqual(report);

      const csv = await cli(file, '--type', item.projectType, '--format', 'csv', '--lang', 'zh');
      expect(csv.status).toBe(0);
      const row = csv.stdout.split('\r\n')[1] ?? '';
      const id = properties['id'] as string;
      expect(`${row}\r\n`).toBe(csvLine(rowOfReport(id, report), 'zh'));
    },
  );

  test.each(cases.filter((item) => item.refused).map((item) => [item.name, item] as const))('%s: the same refusal', async (_name, item) => {
    const file = join(folder, item.name);
    const uploaded = await upload(item.name, item.bytes);
    expect(uploaded.error?.en).toMatch(item.refused as RegExp);
    const result = await cli(file, '--type', item.projectType, '--format', 'geojson');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: ${file}, ${uploaded.error?.en}\n`);
    expect(JSON.parse(result.stdout)).toMatchObject({ type: 'FeatureCollection', features: [], error: { en: uploaded.error?.en } });
    const zh = await cli(file, '--type', item.projectType, '--lang', 'zh');
    expect(zh.stderr).toBe(`error: ${file}，${uploaded.error?.zh}\n`);
  });
});
