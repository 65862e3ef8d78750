import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../data/node-loader.ts';
import { jsonLines, screenCli } from '../../tests/unit/cli-in-process.ts';

const fixtures = join(projectRoot, 'tests/fixtures/official');
const directory = mkdtempSync(join(tmpdir(), 'official-cli-'));
const sites = join(directory, 'sites.csv');
writeFileSync(sites, 'id,lon,lat\npatch-2,108.76,40.54\npriority-unit,109.0,40.67\nkey-unit,109.15,40.67\ngeneral-unit,109.35,40.67\n');

const screen = screenCli;
interface Hit {
  basis: string;
  layer: string;
  zoneKind: string;
  verdict: string;
  name: { zh: string };
  cite: { doc: string; quote: string; line: number };
}
const reports = (output: string) => jsonLines<{ verdict: string; hits: Hit[]; documents: Record<string, unknown> }>(output);

describe('screen CLI on official layers', () => {
  it('screens on a GBK Gauss-Krüger shapefile mapped by a profile, the hits citing the file and feature', async () => {
    const run = await screen([
      sites,
      '--type',
      'steel',
      '--zones',
      join(fixtures, 'red-line-gk36.zip'),
      '--zone-profile',
      join(fixtures, 'red-line-profile.json'),
    ]);
    expect(run.errors).toBe('');
    expect(run.status).toBe(0);
    const [patch] = reports(run.output);
    const official = patch?.hits.filter((hit) => hit.basis === 'official-user') ?? [];
    expect(official.length).toBeGreaterThan(0);
    expect(official[0]?.name.zh).toBe('黄河湿地红线斑块（red-line-gk36.zip，第2个要素（黄河湿地红线斑块））');
    expect(patch?.hits.some((hit) => hit.layer === 'red-line-areas')).toBe(false);
  }, 60_000);

  it('gives control units their entry-list verdicts, with the clause, and notes the codes the layer lacks', async () => {
    const run = await screen([
      sites,
      '--type',
      'steel',
      '--lang',
      'zh',
      '--zones',
      join(fixtures, 'control-units.zip'),
      '--zone-profile',
      join(fixtures, 'control-units-profile.json'),
      '--entry-list',
      join(fixtures, 'entry-list.csv'),
    ]);
    expect(run.status).toBe(0);
    expect(run.errors).toBe('note: 准入清单中有1个单元编码在图层中不存在（ZH99999999999），这些行未使用\n');
    const unitHit = (report: { hits: Hit[] } | undefined) => report?.hits.find((hit) => hit.zoneKind === 'control-unit');
    const [, priority, key, general] = reports(run.output);
    expect(priority?.verdict).toBe('prohibited');
    expect(unitHit(priority)).toMatchObject({ verdict: 'prohibited', cite: { line: 2 } });
    expect(unitHit(key)).toMatchObject({
      verdict: 'restricted',
      cite: { line: 3, quote: '重点管控单元内新建钢铁项目须实施产能等量或减量置换，并达到超低排放水平。' },
    });
    expect(unitHit(general)).toMatchObject({ verdict: 'conditional', cite: { line: 5 } });
    const cited = priority?.documents[unitHit(priority)?.cite.doc as string];
    expect(cited).toEqual({ zh: 'entry-list.csv（生态环境准入清单，用户提供）', en: 'entry-list.csv (entry list, user-supplied)' });
  }, 60_000);

  it('refuses bad option combinations and bad profiles with a message', async () => {
    const profile = join(fixtures, 'red-line-profile.json');
    expect(
      (await screen([sites, '--type', 'steel', '--zone-table', 'a.b', '--zones', 'x.zip', '--zone-kind', 'wetland'])).errors,
    ).toContain('--zone-table and --entry-list need --zone-profile');
    expect((await screen([sites, '--type', 'steel', '--zones', 'postgresql://127.0.0.1/x', '--zone-profile', profile])).errors).toContain(
      'add --zone-table',
    );
    const bad = join(directory, 'bad-profile.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(profile, 'utf8')), nameAttribute: 'NAME' }));
    const run = await screen([sites, '--type', 'steel', '--zones', join(fixtures, 'red-line-gk36.zip'), '--zone-profile', bad]);
    expect(run.status).toBe(1);
    expect(run.errors).toContain('red-line-gk36.zip has no attribute "NAME" that the mapping names; its attributes are: 名称, 编码, 面积');
  }, 60_000);
});
