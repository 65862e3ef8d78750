import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, screenCli } from '../../tests/unit/cli-in-process.ts';
import { type Cluster, postgresBinaries, startCluster } from '../../tests/unit/postgis-cluster.ts';
import { projectRoot, readSeeds } from '../data/node-loader.ts';
import { ruleAppliesToType } from '../screening/rules.ts';
import { seededRandom } from '../screening/seeded-random.ts';
import { verdictCode, verdictOfRule } from '../screening/verdict.ts';

/**
 * The CLI's verdicts on official zones read from PostGIS, checked against PostGIS's own join on the same zones:
 * a throwaway cluster on a free local port, made-up red-line zones, 10,000 seeded sites.
 */
if (!postgresBinaries) {
  console.warn(
    'postgis.test.ts skipped: no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql postgis; .ci/run installs them)',
  );
}

const accuracyKm = 0.5;
const siteCount = 10_000;

/** A star-shaped polygon of 12-40 vertices around a centre: convex and concave edges alike. */
function zone(random: () => number): number[][][] {
  const [x, y] = [107 + random() * 4, 39.5 + random() * 2.5];
  const radius = 0.03 + random() * 0.2;
  const count = 12 + Math.floor(random() * 28);
  const ring = Array.from({ length: count }, (_, n) => {
    const angle = (2 * Math.PI * n) / count;
    const r = radius * (0.5 + random() * 0.5);
    return [x + (r * Math.cos(angle)) / Math.cos((y * Math.PI) / 180), y + r * Math.sin(angle)];
  });
  return [[...ring, ring[0] as number[]]];
}

describe.skipIf(!postgresBinaries)('official zones from PostGIS', () => {
  let cluster: Cluster;
  let directory = '';
  let url = '';

  beforeAll(async () => {
    cluster = await startCluster('atlas-postgis-');
    ({ directory, url } = cluster);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create schema official');
    await client.query(
      'create table official.redline (gid serial primary key, "名称" text, "编码" text, geom geometry(MultiPolygon, 4490))',
    );
    const random = seededRandom(13);
    for (let n = 1; n <= 60; n++) {
      await client.query('insert into official.redline ("名称", "编码", geom) values ($1, $2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4490))', [
        `红线斑块${n}`,
        `HX-${String(n).padStart(3, '0')}`,
        JSON.stringify({ type: 'MultiPolygon', coordinates: [zone(random)] }),
      ]);
    }
    await client.query('create table sites (id text primary key, geom geometry(Point, 4490))');
    const sites: string[] = ['id,longitude,latitude'];
    for (let n = 0; n < siteCount; n++) {
      const [x, y] = [107 + random() * 4.3, 39.4 + random() * 2.8].map((value) => Number(value.toFixed(6))) as [number, number];
      sites.push(`s${n},${x},${y}`);
    }
    await client.query(
      `insert into sites select split_part(line, ',', 1), ST_SetSRID(ST_MakePoint(split_part(line, ',', 2)::float8, split_part(line, ',', 3)::float8), 4490)
      from unnest($1::text[]) as line`,
      [sites.slice(1)],
    );
    await client.end();
    writeFileSync(join(directory, 'sites.csv'), `${sites.join('\n')}\n`);
    writeFileSync(
      join(directory, 'profile.json'),
      JSON.stringify({
        version: 1,
        kind: 'ecological-red-line',
        nameAttribute: '名称',
        codeAttribute: '编码',
        accuracyKm,
        mappedBy: 'postgis test',
      }),
    );
  }, 120_000);

  afterAll(() => cluster?.stop());

  it('gives the verdicts on 10,000 sites that a PostGIS ST_Intersects / ST_DWithin join gives', async () => {
    const run = await screenCli([
      join(directory, 'sites.csv'),
      '--type',
      'steel',
      '--zones',
      url,
      '--zone-table',
      'official.redline',
      '--zone-profile',
      join(directory, 'profile.json'),
    ]);
    expect(run.errors).toBe('');
    expect(run.status).toBe(0);
    const output = [run.output];
    // What the engine says of the official zones, per site: inside (or on) a zone, or near it within its accuracy.
    const engine = new Map<string, Map<string, 'inside' | 'near'>>();
    const worst = new Map<string, string>();
    for (const line of output.join('').split('\n').filter(Boolean)) {
      const report = JSON.parse(line) as { id: string; hits: { zoneId: string; position: string; verdict: string; basis: string }[] };
      const zones = new Map<string, 'inside' | 'near'>();
      for (const hit of report.hits.filter((candidate) => candidate.basis === 'official-user')) {
        zones.set(hit.zoneId.split('/')[1] as string, hit.position === 'near' ? 'near' : 'inside');
        const before = worst.get(report.id);
        if (!before || verdictCode(hit.verdict as never) > verdictCode(before as never)) worst.set(report.id, hit.verdict);
      }
      if (zones.size > 0) engine.set(report.id, zones);
    }
    expect(output.join('').split('\n').filter(Boolean)).toHaveLength(siteCount);
    // The same question asked of PostGIS, on the spheroid; sites within 1 m of a threshold are told apart.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const joined = await client.query<{ id: string; code: string; inside: boolean; edge: number }>(
      `
      select s.id, z."编码" as code, ST_Intersects(z.geom, s.geom) as inside,
        ST_Distance(ST_Boundary(z.geom)::geography, s.geom::geography) as edge
      from sites s join official.redline z on ST_DWithin(z.geom::geography, s.geom::geography, $1)`,
      [accuracyKm * 1000 + 1],
    );
    await client.end();
    const database = new Map<string, Map<string, 'inside' | 'near'>>();
    const close = new Set<string>();
    for (const row of joined.rows) {
      if (Math.abs(row.edge - accuracyKm * 1000) < 1 || row.edge < 0.01) close.add(row.id);
      if (!row.inside && row.edge > accuracyKm * 1000) continue;
      const zones = database.get(row.id) ?? new Map<string, 'inside' | 'near'>();
      zones.set(row.code, row.inside ? 'inside' : 'near');
      database.set(row.id, zones);
    }
    const redLineRules = readSeeds()
      .flatMap((seed) => seed.rules)
      .filter((rule) => 'kind' in rule.zone && rule.zone.kind === 'ecological-red-line' && ruleAppliesToType(rule, 'steel'));
    const ruleVerdict = redLineRules.map(verdictOfRule).reduce((a, b) => (verdictCode(a) >= verdictCode(b) ? a : b));
    let compared = 0;
    const disagreements: string[] = [];
    for (let n = 0; n < siteCount; n++) {
      const id = `s${n}`;
      if (close.has(id)) continue;
      compared++;
      const [mine, theirs] = [engine.get(id), database.get(id)];
      const key = (zones: Map<string, string> | undefined) => [...(zones ?? [])].sort().join(';');
      if (key(mine) !== key(theirs)) disagreements.push(`${id}: engine ${key(mine)} / PostGIS ${key(theirs)}`);
      const expected = !theirs ? undefined : [...theirs.values()].includes('inside') ? ruleVerdict : 'review';
      if (worst.get(id) !== expected) disagreements.push(`${id}: verdict ${worst.get(id)} / expected ${expected}`);
    }
    expect(disagreements).toEqual([]);
    expect(close.size).toBeLessThan(10);
    expect(compared).toBeGreaterThan(siteCount - 10);
    // The seeded zones and sites make every case common: inside, near only, and clear of every zone.
    const insides = [...database.values()].filter((zones) => [...zones.values()].includes('inside')).length;
    expect(insides).toBeGreaterThan(300);
    expect(database.size - insides).toBeGreaterThan(50);
  }, 600_000);

  it('gives the same verdicts and hits from the fixture shapefile and from the same patches in a PostGIS table in Gauss-Krüger zone 36', async () => {
    const fixtures = join(projectRoot, 'tests/fixtures/official');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create table official.patches ("名称" text, "编码" text, "面积" text, geom geometry(MultiPolygon, 4524))');
    for (const feature of JSON.parse(readFileSync(join(fixtures, 'red-line-patches.geojson'), 'utf8')).features) {
      await client.query(
        'insert into official.patches values ($1, $2, $3, ST_Multi(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($4), 4490), 4524)))',
        [feature.properties['名称'], feature.properties['编码'], feature.properties['面积'], JSON.stringify(feature.geometry)],
      );
    }
    await client.end();
    const random = seededRandom(36);
    const sites = [
      'id,longitude,latitude',
      ...Array.from({ length: 400 }, (_, n) => `p${n},${(108.15 + random() * 0.75).toFixed(6)},${(40.45 + random() * 0.6).toFixed(6)}`),
    ];
    writeFileSync(join(directory, 'patch-sites.csv'), `${sites.join('\n')}\n`);
    const common = [join(directory, 'patch-sites.csv'), '--type', 'steel', '--zone-profile', join(fixtures, 'red-line-profile.json')];
    const fromFile = await screenCli([...common, '--zones', join(fixtures, 'red-line-gk36.zip')]);
    const fromTable = await screenCli([...common, '--zones', url, '--zone-table', 'official.patches']);
    expect([fromFile.status, fromTable.status]).toEqual([0, 0]);
    type Report = {
      id: string;
      verdict: string;
      hits: { basis: string; zoneId: string; position: string; ruleId: string | null; verdict: string }[];
    };
    const official = (output: string) =>
      jsonLines<Report>(output).map((report) => ({
        id: report.id,
        verdict: report.verdict,
        hits: report.hits
          .filter((hit) => hit.basis === 'official-user')
          .map((hit) => `${hit.zoneId.split('/')[1]} ${hit.position} ${hit.ruleId} ${hit.verdict}`),
      }));
    const [file, table] = [official(fromFile.output), official(fromTable.output)];
    expect(table).toEqual(file);
    expect(file.filter((report) => report.hits.length > 0).length).toBeGreaterThan(20);
  }, 300_000);
});
