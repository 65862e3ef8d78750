import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections, readManifest, readSeeds } from '../data/node-loader.ts';
import { projectTypes, type ProjectType } from '../schema/project-type.ts';
import { csvRows } from '../report/writers.ts';
import type { Report } from './report.ts';
import { createScreener, edgeMarks, type PointShape, type Screener } from './screener.ts';
import { seededRandom } from './seeded-random.ts';

let screener: Screener;
/** Seeded points within about a band of the zones' edges: beside a vertex of a random zone, up to its accuracy off. */
const points: [number, number][] = [];

beforeAll(async () => {
  screener = createScreener({ collections: await readCollections(), seeds: readSeeds(), dataVersion: readManifest().version });
  const { rings, zoneRingStart, zoneAccuracyKm, count } = screener.store;
  const random = seededRandom(29);
  while (points.length < 600) {
    const zone = Math.floor(random() * count);
    const ring =
      (zoneRingStart[zone] as number) + Math.floor(random() * ((zoneRingStart[zone + 1] as number) - (zoneRingStart[zone] as number)));
    const first = rings.ringStart[ring] as number;
    const vertex = first + Math.floor(random() * ((rings.ringStart[ring + 1] as number) - first));
    const offset = ((zoneAccuracyKm[zone] as number) * 1.2) / 111;
    points.push([
      (rings.coords[2 * vertex] as number) + (2 * random() - 1) * offset * 1.4,
      (rings.coords[2 * vertex + 1] as number) + (2 * random() - 1) * offset,
    ]);
  }
});

/** A report as JSON without the members a template does not give: the distances to edges and the nearest zones. */
function withoutFigures(report: Report): string {
  return JSON.stringify({ ...report, nearest: [] }, (key, value) => (key === 'distanceKm' || key === 'edgeKm' ? null : value));
}

/** A template's text with each zone's mark (edgeMark) replaced by the point's figure for that zone, as its shape gives it. */
function filledIn(text: string, shape: PointShape): string {
  return text.replace(edgeMarks, (_, zone: string) => String(shape.nearFigures().get(Number(zone))));
}

describe('point shapes', () => {
  it('give the edge distances the point report gives, rounded as it writes them', () => {
    let compared = 0;
    for (const [x, y] of points) {
      const shape = screener.pointShape(x, y);
      const figures = new Map([...shape.nearFigures()].map(([zone, figure]) => [screener.zones[zone]?.id, figure]));
      for (const hit of screener.screen({ type: 'Point', coordinates: [x, y] }, 'solar-pv').hits) {
        if (hit.distanceKm === undefined) continue;
        expect(figures.get(hit.zoneId)).toBe(hit.distanceKm);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it("without a project type, make a template of any type that is each point's report, filled in with its figures", () => {
    let marks = 0;
    for (const type of Object.keys(projectTypes) as ProjectType[]) {
      for (const [x, y] of points) {
        const shape = screener.pointShape(x, y);
        const template = withoutFigures(screener.shapeTemplate(shape.codeList(), x, y, type));
        marks += template.match(edgeMarks)?.length ?? 0;
        expect(filledIn(template, shape), `${type} at ${x}, ${y}`).toBe(
          withoutFigures(screener.screen({ type: 'Point', coordinates: [x, y] }, type)),
        );
      }
    }
    expect(marks).toBeGreaterThan(1000);
  }, 60_000);

  it('with a project type, search the edge of a zone the point is inside only where a row can show it', () => {
    const { ruleBook } = screener;
    const roles = new Set([...ruleBook.jurisdictionZones, ...ruleBook.parkZones]);
    const rowShowsEdge = (zone: number) => ruleBook.rulesFor(zone, 'solar-pv').length > 0 || roles.has(zone);
    let skipped = 0;
    let kept = 0;
    for (const [x, y] of points) {
      const untyped = screener.pointShape(x, y);
      const near = new Map<number, number>();
      for (let at = 0; at < untyped.codeCount; at += 3) near.set(untyped.codes[at] as number, untyped.codes[at + 1] as number);
      const typed = screener.pointShape(x, y, 'solar-pv');
      for (let at = 0; at < typed.codeCount; at += 3) {
        const zone = typed.codes[at] as number;
        if (near.get(zone) !== 3) continue;
        // Inside and within the accuracy of the edge: kept as such, with its figure, only where a row shows the edge.
        const shows = rowShowsEdge(zone);
        expect(typed.codes[at + 1], screener.zones[zone]?.id).toBe(shows ? 3 : 2);
        expect(typed.nearFigures().has(zone)).toBe(shows);
        if (shows) kept++;
        else skipped++;
      }
    }
    expect(skipped).toBeGreaterThan(20);
    expect(kept).toBeGreaterThan(20);
  });

  it("with a project type, make a template whose CSV row is each point's, filled in, from fewer shapes", () => {
    const rows = csvRows('zh');
    for (const type of Object.keys(projectTypes) as ProjectType[]) {
      const typed = new Set<string>();
      const untyped = new Set<string>();
      for (const [x, y] of points) {
        untyped.add(screener.pointShape(x, y).key);
        const shape = screener.pointShape(x, y, type);
        typed.add(shape.key);
        const row = filledIn(rows.afterId(screener.shapeTemplate(shape.codeList(), x, y, type)), shape);
        expect(row, `${type} at ${x}, ${y}`).toBe(rows.afterId(screener.screen({ type: 'Point', coordinates: [x, y] }, type)));
      }
      expect(typed.size).toBeLessThan(untyped.size);
    }
  }, 60_000);
});
