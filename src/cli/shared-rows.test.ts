import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { documentTitles } from '../report/document-title.ts';
import { type ReportFormat, reportText } from '../report/writers.ts';
import type { ProjectType } from '../schema/project-type.ts';
import { createScreener, type Screener } from '../screening/screener.ts';
import { seededRandom } from '../screening/seeded-random.ts';
import { runCli } from '../../tests/conformance/run-cli.ts';

let screener: Screener;
let scratch: string;
let file: string;
const count = 3000;
const ids: string[] = [];
const lonLat = new Float64Array(2 * count);

/**
 * Seeded points: a third over a box wider than the region (so some lie outside it), a third packed around Ordos and
 * Wuhai, where zones, parks, jurisdictions and their accuracy bands crowd, and a third along the region's eastern
 * edge. A few ids need quoting or a formula guard in a CSV cell.
 */
beforeAll(async () => {
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
  const random = seededRandom(1616);
  const boxes = [
    [95, 35.5, 33, 20],
    [106.5, 38.5, 4, 2.5],
    [118, 42, 8, 6],
  ] as const;
  let text = 'id,lon,lat\n';
  for (let n = 0; n < count; n++) {
    const [x0, y0, width, height] = boxes[n % 3]!;
    const x = (x0 + random() * width).toFixed(6);
    const y = (y0 + random() * height).toFixed(6);
    lonLat[2 * n] = Number(x);
    lonLat[2 * n + 1] = Number(y);
    ids.push(n % 500 === 7 ? `=p${n}` : n % 500 === 8 ? `p,${n}` : `p${n}`);
    text += `${ids[n]!.includes(',') ? `"${ids[n]}"` : ids[n]},${x},${y}\n`;
  }
  scratch = mkdtempSync(join(tmpdir(), 'shared-rows-'));
  file = join(scratch, 'points.csv');
  writeFileSync(file, text);
  const features = ids.map((id, n) => ({
    type: 'Feature',
    properties: { id },
    geometry: { type: 'Point', coordinates: [lonLat[2 * n], lonLat[2 * n + 1]] },
  }));
  writeFileSync(join(scratch, 'points.geojsonl'), features.map((feature) => `${JSON.stringify(feature)}\n`).join(''));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The report as the plain per-site path writes it: each point screened alone, its full report written by the writer. */
function perSite(format: ReportFormat, projectType: ProjectType, lang: 'zh' | 'en' | undefined): string {
  const records = ids.map((id, n) => {
    const geometry = { type: 'Point', coordinates: [lonLat[2 * n]!, lonLat[2 * n + 1]!] };
    return { id, geometry, report: screener.screen(geometry, projectType) };
  });
  const titles = documentTitles(readSeeds().map((seed) => ({ id: seed.id, title: seed.document.title })));
  return reportText(format, records, lang, titles);
}

/**
 * The CLI shares rows between points (batch-screen.ts SharedRows): every row must still be byte for byte the row of
 * the point's own full report, in every format and language.
 */
describe('the CLI on points', () => {
  it('covers points outside the region, in zones and within accuracy bands', () => {
    const outsideFlags = screener.pointsOutsideRegion(lonLat);
    const outside = outsideFlags.reduce((sum, flag) => sum + flag, 0);
    let band = 0;
    for (let n = 0; n < count; n++) {
      if (outsideFlags[n] === 0 && screener.pointShape(lonLat[2 * n]!, lonLat[2 * n + 1]!, 'solar-pv').nearCount > 0) band++;
    }
    expect(band).toBeGreaterThan(count / 4);
    expect(outside).toBeGreaterThan(count / 20);
    expect(count - band - outside).toBeGreaterThan(count / 20);
  });

  it.each([
    ['csv', 'solar-pv', undefined],
    ['csv', 'solar-pv', 'zh'],
    ['csv', 'steel', 'en'],
    ['csv', 'coal-power', undefined],
    ['jsonl', 'solar-pv', undefined],
    ['geojson', 'steel', undefined],
  ] as const)(
    'writes %s for %s (language %s) exactly as each point screened alone',
    async (format, projectType, lang) => {
      const { status, stdout, stderr } = await runCli([file, '--type', projectType, '--format', format, ...(lang ? ['--lang', lang] : [])]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const expected = perSite(format, projectType, lang);
      // Row by row first, so that a failure names the point; then the whole text.
      const lines = (text: string) => text.split('\n');
      const [got, want] = [lines(stdout), lines(expected)];
      for (let n = 0; n < want.length; n++) expect(got[n], `line ${n + 1}`).toBe(want[n]);
      expect(stdout).toBe(expected);
    },
    300_000,
  );

  it('writes the same CSV from the points as GeoJSON features, which the reader takes as points too', async () => {
    const input = join(scratch, 'points.geojsonl');
    const { status, stdout } = await runCli([input, '--type', 'solar-pv', '--format', 'csv', '--lang', 'en']);
    expect(status).toBe(0);
    expect(stdout).toBe(perSite('csv', 'solar-pv', 'en'));
  }, 300_000);
});
