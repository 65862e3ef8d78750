import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { csvLine } from '../report/csv.ts';
import { rowOfReport } from '../report/site-row.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import { regionUndecided } from '../screening/point-batch.ts';
import { createScreener, regionId, type Screener } from '../screening/screener.ts';
import { seededRandom } from '../screening/seeded-random.ts';

let screener: Screener;
beforeAll(async () => {
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
});

/** Seeded points over a box around the region's, and packed along its western and southern edges, where its band lies. */
function pointsByTheEdges(count: number): Float64Array {
  const random = seededRandom(2016);
  const lonLat = new Float64Array(2 * count);
  for (let n = 0; n < count; n++) {
    const edge = n % 2 === 0;
    lonLat[2 * n] = edge ? 97 + random() * 15 : 95 + random() * 33;
    lonLat[2 * n + 1] = edge ? 37 + random() * 6 : 36 + random() * 19;
  }
  return lonLat;
}

/**
 * The premise of the CLI's one row for points outside the region (shared-rows.ts writeOutside): every point the
 * engine places outside the region and its accuracy band has the same CSV row, in both languages, for every project
 * type; and no point it places there has a hit in the batch path or any distance in its own report.
 */
describe('points outside the region and its band', () => {
  it('share one CSV row for each project type, and none has a hit', () => {
    const count = 1500;
    const lonLat = pointsByTheEdges(count);
    const outside = screener.pointsOutsideRegion(lonLat);
    const flagged = outside.reduce((sum, flag) => sum + flag, 0);
    expect(flagged).toBeGreaterThan(count / 4);
    expect(flagged).toBeLessThan((3 * count) / 4);
    for (const projectType of Object.keys(projectTypes) as ProjectType[]) {
      const { hitStart } = screener.screenPoints(lonLat, projectType);
      let first: string | undefined;
      for (let n = 0; n < count; n++) {
        if (outside[n] === 0) continue;
        expect(hitStart[n + 1], `point ${n}`).toBe(hitStart[n]);
        const report = screener.screen({ type: 'Point', coordinates: [lonLat[2 * n], lonLat[2 * n + 1]] }, projectType);
        expect(report.hits.filter((hit) => hit.distanceKm !== undefined)).toEqual([]);
        const row = rowOfReport('p', report);
        const text = csvLine(row, 'zh') + csvLine(row, 'en') + csvLine(row, undefined);
        first ??= text;
        expect(text, `point ${n} (${lonLat[2 * n]}, ${lonLat[2 * n + 1]}), ${projectType}`).toBe(first);
      }
    }
  }, 300_000);

  it("are told by the points' shapes where the region's raster leaves them, with every project type and without", () => {
    const count = 3000;
    const lonLat = pointsByTheEdges(count);
    const outside = screener.pointsOutsideRegion(lonLat);
    const left = screener.pointsOutsideRegion(lonLat, true);
    let undecided = 0;
    let beyond = 0;
    for (let n = 0; n < count; n++) {
      if (left[n] !== regionUndecided) {
        expect(left[n], `point ${n}`).toBe(outside[n]);
        // A point the raster decides keeps its shape whatever it is (shapeInRegion settles only the undecided).
        if (left[n] === 0) expect(screener.shapeInRegion(lonLat[2 * n] as number, lonLat[2 * n + 1] as number, 'steel', 0)).toBeDefined();
        continue;
      }
      undecided++;
      if (outside[n] === 1) beyond++;
      for (const projectType of [undefined, ...(Object.keys(projectTypes) as ProjectType[])]) {
        const shape = screener.pointShape(lonLat[2 * n] as number, lonLat[2 * n + 1] as number, projectType);
        expect(screener.inRegion(shape), `point ${n} (${lonLat[2 * n]}, ${lonLat[2 * n + 1]}), ${projectType}`).toBe(outside[n] === 0);
        if (projectType === undefined) continue;
        const settled = screener.shapeInRegion(lonLat[2 * n] as number, lonLat[2 * n + 1] as number, projectType, regionUndecided);
        expect(settled === undefined, `point ${n}, ${projectType}: shapeInRegion`).toBe(outside[n] === 1);
      }
    }
    // Both answers among the points left to their shapes: inside the region or its band, and beyond it.
    expect(beyond).toBeGreaterThan(20);
    expect(undecided - beyond).toBeGreaterThan(20);
  });

  it('are none when no region is loaded: the documents then apply everywhere', async () => {
    const collections = new Map(
      [...(await readCollections())].map(([name, collection]) => [
        name,
        { ...collection, features: collection.features.filter((feature) => feature.properties?.id !== regionId) },
      ]),
    );
    const regionless = createScreener({ collections, seeds: readSeeds(), dataVersion: readManifest().version });
    expect(regionless.regionZone).toBe(-1);
    expect(Array.from(regionless.pointsOutsideRegion(new Float64Array([80, 30, 111.6, 40.8])))).toEqual([0, 0]);
  });
});
