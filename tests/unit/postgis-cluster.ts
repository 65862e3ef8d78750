import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster with PostGIS on a free local port, for the PostGIS agreement test and the CLI
 * benchmark: made in a temporary folder, started with trust authentication on 127.0.0.1 only, removed by stop().
 */

/** The binaries of the installed PostgreSQL (Debian's layout), or undefined where there is none. */
export const postgresBinaries = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((version) => `/usr/lib/postgresql/${version}/bin`)
      .find((bin) => existsSync(join(bin, 'initdb')))
  : undefined;

export interface Cluster {
  /** The folder of the cluster; files written here can be read by the server. */
  directory: string;
  /** A connection URL to the database `zones`, which has the postgis extension. */
  url: string;
  /** The process id of the postmaster (its children are the backends and their parallel workers). */
  postmasterPid: number;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startCluster(prefix: string, settings: string[] = []): Promise<Cluster> {
  const binaries = postgresBinaries;
  if (!binaries) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const cluster = join(directory, 'cluster');
  // initdb refuses to run as root: as root, the server runs as the postgres user, which must own the folder.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(binaries, command), asRoot ? ['-u', 'postgres', '--', join(binaries, command), ...args] : args, {
      stdio: 'pipe',
    });
  if (asRoot)
    chownSync(
      directory,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  run('initdb', ['-D', cluster, '-A', 'trust', '-U', 'atlas']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${directory}`, '-c listen_addresses=127.0.0.1', ...settings.map((setting) => `-c ${setting}`)];
  run('pg_ctl', ['-D', cluster, '-o', options.join(' '), '-l', join(directory, 'log'), '-w', 'start']);
  const stop = () => {
    if (existsSync(join(cluster, 'postmaster.pid'))) run('pg_ctl', ['-D', cluster, '-m', 'immediate', 'stop']);
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'atlas', database: 'postgres' });
    await admin.connect();
    await admin.query('create database zones');
    await admin.end();
    const url = `postgresql://atlas@127.0.0.1:${port}/zones`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create extension postgis');
    await client.end();
    const postmasterPid = Number(readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return { directory, url, postmasterPid, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
