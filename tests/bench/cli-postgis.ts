/**
 * PostGIS's side of tests/bench/cli.ts: the zones the screen command screens on (every bundled zone, as the screener
 * reads them) in a throwaway cluster, cut with ST_Subdivide and indexed with GiST, the bench's CSV points loaded with
 * COPY, and the join that asks of each point what the agreement test (src/official/postgis.test.ts) asks: which
 * zones it lies in (ST_Intersects) and which zones' edges are within the zone's accuracy on the spheroid
 * (ST_DWithin on geography) - the zones a report lists. The server's CPU is read from /proc: the postmaster's own
 * and reaped children's time, and the time of its live children (the backend and any parallel workers).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { readCollections } from '../../src/data/node-loader.ts';
import { zonesOfCollections } from '../../src/screening/zones.ts';
import { type Cluster, postgresBinaries, startCluster } from '../unit/postgis-cluster.ts';
import type { Cost } from './interleave.ts';

/**
 * `offset 0` keeps the inner select as written, so ST_Intersects is evaluated in the join and the grouping sorts or
 * hashes (id, zone, inside) rather than rows that still carry the zone pieces' geometries.
 */
export const postgisQuery = `select count(*) as hits, count(*) filter (where inside) as insides from (
  select id, zone, bool_or(inside) as inside from (
    select p.id, z.zone, ST_Intersects(z.geom, p.geom) as inside
    from pieces z join points p on ST_DWithin(z.geog, p.geog, z.accuracy_m) offset 0) as near
  group by id, zone) as pairs`;

export interface PostgisScreening {
  zones: number;
  pieces: number;
  /** One timed run of the query on the warm server: wall as the client sees it, CPU of the server's processes. */
  time(): Promise<Cost & { hits: number; insides: number }>;
  close(): Promise<void>;
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString());

/** CPU milliseconds the server has used: the postmaster, its children gone (reaped) and its children alive. */
function serverCpuMs(postmaster: number): number {
  const fields = (pid: number | string) => {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces: the fields are counted after its closing parenthesis.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  };
  const own = fields(postmaster);
  // After ')': state is field 3 of stat, so utime (14), stime (15), cutime (16), cstime (17) are at 11..14.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const child = fields(pid);
      if (Number(child[1]) === postmaster) ticks += Number(child[11]) + Number(child[12]);
    } catch {
      // A process that ended between the listing and the read: its time is now in the postmaster's reaped time.
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** The cluster loaded and warmed, or why there is none. */
export async function startPostgisScreening(csvFile: string): Promise<PostgisScreening | string> {
  if (!postgresBinaries) return 'no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql postgis)';
  let cluster: Cluster;
  try {
    cluster = await startCluster('atlas-bench-postgis-');
  } catch (error) {
    return `PostgreSQL or its postgis extension would not start: ${(error as Error).message.split('\n')[0]}`;
  }
  const client = new pg.Client({ connectionString: cluster.url });
  try {
    await client.connect();
    await client.query('create table zones (zone int, accuracy_m float8, geom geometry(MultiPolygon, 4326))');
    let zones = 0;
    for (const source of zonesOfCollections(await readCollections())) {
      // The screener's rings: an outer ring starts a polygon, the holes after it belong to it.
      const polygons: number[][][][] = [];
      for (const ring of source.rings) {
        const positions = Array.from({ length: ring.xy.length / 2 }, (_, n) => [ring.xy[2 * n] as number, ring.xy[2 * n + 1] as number]);
        if (ring.hole) polygons.at(-1)?.push(positions);
        else polygons.push([positions]);
      }
      await client.query(
        `insert into zones values ($1, $2,
          ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)), 3)))`,
        [zones++, source.info.accuracyKm * 1000, JSON.stringify({ type: 'MultiPolygon', coordinates: polygons })],
      );
    }
    await client.query(`create table pieces as select zone, accuracy_m, ST_Subdivide(geom, 256) as geom from zones`);
    await client.query('alter table pieces add column geog geography');
    await client.query('update pieces set geog = geom::geography');
    await client.query('create index on pieces using gist (geom)');
    await client.query('create index on pieces using gist (geog)');
    await client.query('create table raw_points (id text, lon float8, lat float8)');
    execFileSync(join(postgresBinaries, 'psql'), [cluster.url, '-q', '-c', `\\copy raw_points from '${csvFile}' csv header`], {
      stdio: 'pipe',
    });
    await client.query(`create table points as
      select id, ST_SetSRID(ST_MakePoint(lon, lat), 4326) as geom, ST_MakePoint(lon, lat)::geography as geog from raw_points`);
    await client.query('create index on points using gist (geom)');
    await client.query('create index on points using gist (geog)');
    await client.query('analyze');
    const pieces = Number((await client.query('select count(*) from pieces')).rows[0].count);
    const backend = cluster;
    const time = async () => {
      const cpu = serverCpuMs(backend.postmasterPid);
      const start = performance.now();
      const row = (await client.query(postgisQuery)).rows[0];
      const wallMs = performance.now() - start;
      return { wallMs, cpuMs: serverCpuMs(backend.postmasterPid) - cpu, hits: Number(row.hits), insides: Number(row.insides) };
    };
    // Warm: the tables and indexes in the server's cache, the plan's functions loaded.
    await time();
    return {
      zones,
      pieces,
      time,
      close: async () => {
        await client.end();
        backend.stop();
      },
    };
  } catch (error) {
    await client.end().catch(() => undefined);
    cluster.stop();
    throw error;
  }
}
