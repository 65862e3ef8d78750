// One way in, one way out, in the browser: each conformance case uploaded through the screening panel's file input
// and screened through window.atlas.screen must give what the CLI gives for the same file: the same geometry, the same
// report, the same CSV row (the atlas's export in its interface language against `--lang zh`), the same message.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ConformanceCase, conformanceCases } from '../conformance/cases.ts';
import { engineReport, runCli } from '../conformance/run-cli.ts';
import { launch, openAtlas, type Watched } from './browser.ts';

const cases = conformanceCases();
let browser: Browser;
let atlas: Watched;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'conformance-e2e-'));
  for (const item of cases) writeFileSync(join(folder, item.name), item.bytes);
  browser = await launch();
  atlas = await openAtlas(browser);
  await atlas.page.evaluate(() => window.atlas.setState({ panel: 'screening' }));
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function cli(item: ConformanceCase, ...options: string[]) {
  const file = join(folder, item.name);
  return { ...(await runCli([file, '--type', item.projectType, ...options])), file };
}

/** Uploads a case through the panel's file input; resolves with the site it became, or the problem shown. */
async function upload(item: ConformanceCase): Promise<{ site?: unknown; problem?: string }> {
  const { page } = atlas;
  const problem = page.locator('screening-panel .problem');
  await page.evaluate(() => window.atlas.setState({ site: null }));
  const before = (await problem.allTextContents()).join('');
  await page.locator('screening-panel select[name=project-type]').selectOption(item.projectType);
  await page
    .locator('screening-panel input[type=file]')
    .setInputFiles({ name: item.name, mimeType: 'application/octet-stream', buffer: Buffer.from(item.bytes) });
  for (let waited = 0; waited < 30_000; waited += 100) {
    const site = await page.evaluate(() => window.atlas.getState().site);
    if (site) return { site };
    const shown = (await problem.allTextContents()).join('');
    if (shown && shown !== before) return { problem: shown };
    await page.waitForTimeout(100);
  }
  throw new Error(`${item.name}: the upload neither set a site nor showed a problem`);
}

/** Positions alike to the 10⁻⁶° the atlas keeps of a site (src/state/site-codec.ts), structure alike exactly. */
function expectSameGeometry(actual: unknown, expected: unknown): void {
  const walk = (a: unknown, b: unknown): void => {
    if (typeof b === 'number') {
      expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(5e-7);
    } else if (Array.isArray(b)) {
      expect(Array.isArray(a) && a.length === b.length).toBe(true);
      for (const [index, item] of b.entries()) walk((a as unknown[])[index], item);
    } else if (b && typeof b === 'object') {
      expect(Object.keys(a as object).sort()).toEqual(Object.keys(b).sort());
      for (const [key, value] of Object.entries(b)) walk((a as Record<string, unknown>)[key], value);
    } else expect(a).toBe(b);
  };
  walk(actual, expected);
}

/** The cells after the id: the atlas names its one site differently from the CLI's row ids. */
const withoutId = (row: string) => row.replace(/^("(?:[^"]|"")*"|[^,]*),/, '');

describe('the atlas reads every conformance case as the CLI does', () => {
  test.each(cases.filter((item) => !item.refused).map((item) => [item.name, item] as const))('%s', async (_name, item) => {
    const geojson = await cli(item, '--format', 'geojson');
    expect(geojson.stderr).toBe('');
    const feature = (JSON.parse(geojson.stdout) as { features: { geometry: unknown; properties: Record<string, unknown> }[] }).features[0];
    const uploaded = await upload(item);
    expect(uploaded.problem).toBeUndefined();
    expectSameGeometry(uploaded.site, feature?.geometry);

    const report = await atlas.page.evaluate(([site, type]) => window.atlas.screen(site, type as string), [
      feature?.geometry,
      item.projectType,
    ] as const);
    expect(report).toEqual(engineReport(feature?.properties ?? {}));

    // The atlas's export is of the site it holds: the CLI screens that same site and must write the same row.
    const held = join(folder, `held-${item.name}.geojson`);
    writeFileSync(held, JSON.stringify(uploaded.site));
    const csv = await runCli([held, '--type', item.projectType, '--format', 'csv', '--lang', 'zh']);
    const download = atlas.page.waitForEvent('download');
    await atlas.page.locator('screening-panel [data-export=csv]').click();
    const exported = readFileSync(await (await download).path(), 'utf8').split('\r\n');
    const written = csv.stdout.split('\r\n');
    expect(exported[0]).toBe(written[0]);
    expect(withoutId(exported[1] ?? '')).toBe(withoutId(written[1] ?? ''));
  });

  test.each(cases.filter((item) => item.refused).map((item) => [item.name, item] as const))(
    '%s is refused with the same message',
    async (_name, item) => {
      const result = await cli(item, '--lang', 'zh');
      expect(result.status).toBe(1);
      const message = result.stderr.replace(`error: ${result.file}，`, '').trim();
      const uploaded = await upload(item);
      expect(uploaded.site).toBeUndefined();
      expect(uploaded.problem).toContain(message);
    },
  );

  test('window.atlas.screen refuses a bad geometry with the message the CLI gives', async () => {
    for (const item of cases.filter(
      (candidate) => candidate.refused && candidate.name.endsWith('.geojson') && !candidate.name.startsWith('empty'),
    )) {
      const geometry = (JSON.parse(new TextDecoder().decode(item.bytes)) as { geometry: unknown }).geometry;
      const result = await cli(item);
      const message = result.stderr
        .replace(`error: ${result.file}, `, '')
        .trim()
        .replace(/^feature 1[^:]*: /, '');
      const refusal = await atlas.page.evaluate(
        ([site, type]) =>
          window.atlas.screen(site, type as string).then(
            () => '',
            (error: Error) => error.message,
          ),
        [geometry, item.projectType] as const,
      );
      expect(refusal).toContain(message.split(': ').at(-1));
    }
  });

  test('nothing went wrong in the page', () => {
    expect(atlas.errors).toEqual([]);
  });
});
