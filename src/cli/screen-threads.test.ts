import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../screening/seeded-random.ts';
import { runCli } from '../../tests/conformance/run-cli.ts';

let scratch: string;
let points: string;
let pointLines: string;
let mixed: string;
/** Several parts of 1,024 sites (screen-run.ts), so that parts go to several threads and come back out of order. */
const pointCount = 6_000;
const mixedCount = 3_000;
/** The feature of the mixed file with a latitude out of range: the run stops there, in its third part. */
const badFeature = 2_900;

/**
 * Seeded sites where zones, parks and accuracy bands crowd (Ordos and Wuhai), over the whole region and beyond it.
 * The mixed file has a small polygon every 40th feature and a point with its latitude out of range near the end.
 */
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'screen-threads-'));
  const random = seededRandom(2026);
  const boxes = [
    [95, 35.5, 33, 20],
    [106.5, 38.5, 4, 2.5],
  ] as const;
  const place = (n: number) => {
    const [x0, y0, width, height] = boxes[n % 2]!;
    return [Number((x0 + random() * width).toFixed(5)), Number((y0 + random() * height).toFixed(5))] as const;
  };
  let csv = 'id,lon,lat\n';
  let features = '';
  for (let n = 0; n < pointCount; n++) {
    const [x, y] = place(n);
    csv += `${n % 997 === 5 ? `"p,${n}"` : `p${n}`},${x},${y}\n`;
    features += `${JSON.stringify({ type: 'Feature', properties: { id: n % 997 === 5 ? `p,${n}` : `p${n}` }, geometry: { type: 'Point', coordinates: [x, y] } })}\n`;
  }
  points = join(scratch, 'points.csv');
  writeFileSync(points, csv);
  pointLines = join(scratch, 'points.geojsonl');
  writeFileSync(pointLines, features);
  let lines = '';
  for (let n = 1; n <= mixedCount; n++) {
    const [x, y] = place(n);
    const geometry =
      n === badFeature
        ? { type: 'Point', coordinates: [x, 95] }
        : n % 40 === 0
          ? {
              type: 'Polygon',
              coordinates: [
                [
                  [x, y],
                  [x + 0.05, y],
                  [x + 0.05, y + 0.04],
                  [x, y],
                ],
              ],
            }
          : { type: 'Point', coordinates: [x, y] };
    lines += `${JSON.stringify({ type: 'Feature', properties: { id: `s${n}` }, geometry })}\n`;
  }
  mixed = join(scratch, 'mixed.geojsonl');
  writeFileSync(mixed, lines);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The command's output and exit with the screening on one thread and on three (two workers beside the command's own). */
async function oneAndThree(...argv: string[]) {
  const one = await runCli([...argv, '--threads', '1'], 1 << 14);
  const three = await runCli([...argv, '--threads', '3'], 1 << 14);
  return { one, three };
}

describe('screen command on several threads', { timeout: 180_000 }, () => {
  it('writes the same CSV report, byte for byte, as on one thread', async () => {
    const { one, three } = await oneAndThree(points, '--type', 'solar-pv', '--format', 'csv', '--lang', 'zh');
    expect(one.status).toBe(0);
    expect(one.stdout.split('\r\n')).toHaveLength(pointCount + 2);
    expect(three).toEqual(one);
  });

  it('writes the same CSV report from the same points as GeoJSON Lines, whose rows the worker threads write', async () => {
    const { one, three } = await oneAndThree(pointLines, '--type', 'solar-pv', '--format', 'csv', '--lang', 'zh');
    expect(three).toEqual(one);
    expect(one.stdout).toBe((await runCli([points, '--type', 'solar-pv', '--format', 'csv', '--lang', 'zh', '--threads', '3'])).stdout);
  });

  it('stops at the same bad record with the same report before it, in GeoJSON and CSV', async () => {
    for (const format of ['geojson', 'csv']) {
      const { one, three } = await oneAndThree(mixed, '--type', 'steel', '--format', format);
      expect(one.status).toBe(1);
      expect(one.stderr).toMatch(new RegExp(`mixed\\.geojsonl, row ${badFeature}, vertex 1: .*out of range`));
      expect(three).toEqual(one);
      if (format === 'geojson') {
        const collection = JSON.parse(one.stdout) as { features: { id: string; geometry: { type: string } }[] };
        expect(collection.features).toHaveLength(badFeature - 1);
        expect(collection.features.filter((feature) => feature.geometry.type === 'Polygon')).toHaveLength(
          Math.floor((badFeature - 1) / 40),
        );
      }
    }
  });

  it('refuses a thread count that is not a whole number from 1 to 64', async () => {
    for (const threads of ['0', '2.5', 'many', '65']) {
      const result = await runCli([points, '--type', 'steel', '--threads', threads]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--threads must be a whole number from 1 to 64/);
    }
  });

  it('explains --threads in its help, in English and in Chinese', async () => {
    const english = await runCli(['--help']);
    expect(english.status).toBe(0);
    expect(english.stdout).toMatch(/--threads <n> {2}threads that screen/);
    expect((await runCli(['--help', '--lang', 'zh'])).stdout).toMatch(/--threads <n> {2}筛查线程数/);
  });
});
