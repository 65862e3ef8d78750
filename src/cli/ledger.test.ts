import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(csv.stdout.startsWith('\uFEFFid,document,document_number,')).toBe(true);
    expect(csv.stdout.trim().split('\r\n').length).toBeGreaterThanOrEqual(rows.length + 1);
  }, 60_000);

  test('reads reported values with --actuals and judges the rows with them, in Chinese with --lang zh', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ledger-'));
    const file = join(folder, 'actuals.csv');
    writeFileSync(file, 'target_id,value,unit,year,source\nod-renewable-capacity-2025,5200,万千瓦,2025,鄂尔多斯市统计公报\n');
    const json = run('--actuals', file);
    expect(json.status).toBe(0);
    const row = (JSON.parse(json.stdout) as { id: string; status: string; reason: { en: string } }[]).find(
      (r) => r.id === 'od-renewable-capacity-2025',
    )!;
    expect(row.status).toBe('met');
    expect(row.reason.en).toContain('鄂尔多斯市统计公报');
    const csv = run('--actuals', file, '--format', 'csv', '--lang', 'zh');
    expect(csv.stdout).toContain(',5200,万千瓦,2025,鄂尔多斯市统计公报,已达到,');
    writeFileSync(file, 'target_id,value,unit,year,source\nod-renewable-capacity-2025,52,km²,2025,公报\n');
    const bad = run('--actuals', file);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("line 2 (unit): km² cannot be compared with the target's 万千瓦");
  }, 60_000);

  test('writes only JSON on stdout under npm run, as the README shows (`npm run ledger -- --format json > f.json`)', () => {
    const json = spawnSync('npm', ['run', 'ledger', '--', '--format', 'json'], { cwd: projectRoot, encoding: 'utf8' });
    expect(json.status).toBe(0);
    expect(json.stdout.startsWith('[')).toBe(true);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  }, 60_000);

  test('exits 2 with a message on an unknown format', () => {
    const bad = run('--format', 'xml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown format "xml"');
  }, 30_000);
});
