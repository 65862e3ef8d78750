import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSeeds } from '../../src/data/node-loader.ts';

// The documents live beside the checkout; the project keeps no copy of them.
const seedsDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const documentLines = (file: string) => readFileSync(join(seedsDir, file), 'utf8').split('\n');

/** Lines that look like an indicator table: a numbered table or box titled with 指标/目标, or a row of 4+ numeric cells. */
const tableTitle = /^\s*(表\s*\d+|专栏\s*\d+)\S*.*(指标|目标)/;
const numericRow = /^[^\t]+(\t[\d.]+){3,}\s*$/;

describe.each(readSeeds().map((seed) => [seed.id, seed] as const))('%s', (_id, seed) => {
  const lines = documentLines(seed.file);

  test.each(seed.tables.map((table) => [table.id, table] as const))('table %s: every row of the document is in the seeds', (_table, table) => {
    const pattern = new RegExp(table.rowPattern);
    const rows = lines.slice(table.startLine - 1, table.endLine).filter((line) => pattern.test(line));
    expect(rows.length, 'rows counted in the document').toBe(table.rowCount);
    const targets = seed.targets.filter((target) => target.tableId === table.id);
    for (const target of targets) {
      expect(target.citation.line, target.id).toBeGreaterThanOrEqual(table.startLine);
      expect(target.citation.line, target.id).toBeLessThanOrEqual(table.endLine);
    }
    // Each row of these flattened tables sits on its own line(s), and its targets cite it: one cited line per row.
    expect(new Set(targets.map((target) => target.citation.line)).size, 'rows covered by targets').toBe(table.rowCount);
  });

  test('no table-like block of the document is left out of the seeds', () => {
    const uncovered = lines.flatMap((line, index) => (tableTitle.test(line) || numericRow.test(line)) &&
      !seed.tables.some((table) => index + 1 >= Math.min(table.citation.line, table.startLine) && index + 1 <= table.endLine)
      ? [`${seed.file}:${index + 1}: ${line.slice(0, 40)}`] : []);
    expect(uncovered).toEqual([]);
  });
});
