import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../data/node-loader.ts';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ledger.ts', ...args], { cwd: projectRoot, encoding: 'utf8' });

describe('npm run ledger', () => {
  test('prints the rows as JSON and as CSV', () => {
    const json = run('--format', 'json');
    expect(json.status).toBe(0);
    const rows = JSON.parse(json.stdout) as { id: string; status: string }[];
    expect(rows.length).toBeGreaterThan(400);
    const csv = run('--format', 'csv');
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFid,document_id')).toBe(true);
    expect(csv.stdout.trim().split('\r\n').length).toBeGreaterThanOrEqual(rows.length + 1);
  }, 60_000);

  test('exits 2 with a message on an unknown format', () => {
    const bad = run('--format', 'xml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown format "xml"');
  }, 30_000);
});
