import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSeeds } from '../../src/data/node-loader.ts';
import { tableRows } from '../../src/documents/table-rows.ts';

// The documents are in the repository, beside their seeds.
const seedsDir = join(import.meta.dirname, '..', '..', 'seeds');
const documentLines = (file: string) => readFileSync(join(seedsDir, file), 'utf8').split('\n');

/**
 * Lines that betray an indicator table, so that a table the seeds leave out is noticed:
 * - a numbered table or box whose title speaks of indicators or targets (表1 …指标体系, 专栏1 …主要指标目标; the
 *   other boxes of document 003 list projects, 重大工程, and are not indicator tables);
 * - a title-like line (no sentence punctuation) naming 主要指标, 指标体系 or 指标表 (prose such as
 *   “完善用水总量控制指标体系，” carries punctuation and is not flagged);
 * - a row of four or more cells separated by tabs, three of them numbers;
 * - a short attribute cell ending in 约束性 or 预期性 (the indicator-table “属性” column; prose that mentions
 *   约束性指标 runs on).
 */
const tableLike = (line: string) => {
  const text = line.trim();
  return (
    /^(表|专栏|附表)\s*\d+.*(指标|目标)/.test(text) ||
    (/主要指标|指标体系|指标表/.test(text) && !/[，。；,;、]/.test(text)) ||
    /^[^\t]+(\t[\d.]+){3,}\s*$/.test(line) ||
    (/(约束性|预期性)$/.test(text) && [...text].length <= 40 && !/[，。；,;、]/.test(text))
  );
};

describe.each(readSeeds().map((seed) => [seed.id, seed] as const))('%s', (_id, seed) => {
  const lines = documentLines(seed.file);

  test.each(seed.tables.map((table) => [table.id, table] as const))(
    'table %s: every row of the document is in the seeds',
    (_table, table) => {
      expect(table.rowPattern, 'every table says how its rows are recognised').toBeDefined();
      expect(table.startLine).toBeLessThanOrEqual(table.endLine);
      expect(lines[table.citation.line - 1], 'the title line is cited').toContain(table.citation.quote);
      const rows = tableRows(table, lines);
      expect(rows.length, 'rows counted in the document with rowPattern').toBe(table.rowCount);

      const targets = seed.targets.filter((target) => target.tableId === table.id);
      // A target covers the row whose span holds the line it cites. Spans come from the document (rowPattern and
      // rowAnchor), not from the targets, so two targets citing two lines of one row count once, several targets of
      // one row (a city's four figures in table 002) count once, and a target citing a line outside every row fails.
      // Matching on quotes was rejected: the PDF text splits indicator names across lines (“…比” / “例 (%) 69.2”), so a
      // quote need not contain a row's name, while every target quote sits on a line of its row.
      const covered = new Set<number>();
      const outside: string[] = [];
      for (const target of targets) {
        const row = rows.find((candidate) => target.citation.line >= candidate.from && target.citation.line <= candidate.to);
        if (row) covered.add(row.line);
        else outside.push(`${target.id} cites line ${target.citation.line}, in no row`);
      }
      expect(outside).toEqual([]);
      const missing = rows
        .filter((row) => !covered.has(row.line))
        .map((row) => `row at line ${row.line}: ${lines[row.line - 1]?.trim().slice(0, 30)}`);
      expect(missing, 'rows no target covers').toEqual([]);
      expect(covered.size, 'rows covered by targets').toBe(table.rowCount);
    },
  );

  test('every target that names a table names one of this seed', () => {
    const tableIds = new Set(seed.tables.map((table) => table.id));
    expect(
      seed.targets.filter((target) => target.tableId !== undefined && !tableIds.has(target.tableId)).map((target) => target.id),
    ).toEqual([]);
  });

  test('no table-like block of the document is left out of the seeds', () => {
    const uncovered = lines.flatMap((line, index) =>
      tableLike(line) &&
      !seed.tables.some((table) => index + 1 >= Math.min(table.citation.line, table.startLine) && index + 1 <= table.endLine)
        ? [`${seed.file}:${index + 1}: ${line.trim().slice(0, 40)}`]
        : [],
    );
    expect(uncovered).toEqual([]);
  });
});

test('the table-like detector sees the three known tables and no prose', () => {
  expect(tableLike(' 表1 兴安盟应对气候变化指标体系')).toBe(true);
  expect(tableLike('专栏1 “十四五”生态环境保护规划主要指标目标')).toBe(true);
  expect(tableLike('呼和浩特市\t14\t310\t3.8\t17')).toBe(true);
  expect(tableLike('10 气象服务公众覆盖率（%） 92 95 预期性')).toBe(true);
  expect(tableLike('专栏2 绿色源头重点防控重大工程')).toBe(false);
  expect(tableLike('指标和 GDP 用水管理，完善用水总量控制指标体系，制定')).toBe(false);
  expect(tableLike('节能减污降碳约束性指标管理,突出中央生态环境保护督察反馈')).toBe(false);
});
