import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { csvLine } from '../report/csv.ts';
import { rowOfReport } from '../report/site-row.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import { createScreener, type Screener } from '../screening/screener.ts';
import { seededRandom } from '../screening/seeded-random.ts';

let screener: Screener;
beforeAll(async () => {
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
});

/**
 * The premise of the CLI's shared reports (batch-screen.ts): points that the batch path flags clear of every accuracy
 * band and gives the same verdict and hit zones have the same CSV row, in both languages, whichever point screened.
 */
describe('points clear of every accuracy band', () => {
  it('share their CSV row with every point of the same verdict and hit zones, for every project type', () => {
    const random = seededRandom(2016);
    // Half over the region's box, half packed around Ordos and Wuhai, where zones, parks and bands crowd.
    const count = 1500;
    const lonLat = new Float64Array(2 * count);
    for (let n = 0; n < count; n++) {
      const crowded = n % 2 === 0;
      lonLat[2 * n] = crowded ? 106.5 + random() * 4 : 97.2 + random() * 28.8;
      lonLat[2 * n + 1] = crowded ? 38.5 + random() * 2.5 : 37.4 + random() * 16;
    }
    let shared = 0;
    let flagged = 0;
    for (const projectType of Object.keys(projectTypes) as ProjectType[]) {
      const { verdicts, hitStart, hitZones, clear } = screener.screenPoints(lonLat, projectType, true);
      const rows = new Map<string, string>();
      for (let n = 0; n < count; n++) {
        if (clear[n] === 0) continue;
        flagged++;
        const key = `${verdicts[n]}:${clear[n]}:${hitZones.subarray(hitStart[n], hitStart[n + 1]).join(',')}`;
        const report = screener.screen({ type: 'Point', coordinates: [lonLat[2 * n], lonLat[2 * n + 1]] }, projectType);
        // Clear of every band: no hit is within its zone's accuracy of the drawn edge.
        expect(report.hits.filter((hit) => hit.distanceKm !== undefined)).toEqual([]);
        const row = rowOfReport('p', report);
        const text = csvLine(row, 'zh') + csvLine(row, 'en') + csvLine(row, undefined);
        const first = rows.get(key);
        if (first === undefined) rows.set(key, text);
        else {
          shared++;
          expect(text, `point ${n} (${lonLat[2 * n]}, ${lonLat[2 * n + 1]}), ${projectType}`).toBe(first);
        }
      }
    }
    // Most points are clear and most of those share a row: the comparison above was made many times.
    expect(flagged).toBeGreaterThan(count);
    expect(shared).toBeGreaterThan(count);
  }, 300_000);
});
