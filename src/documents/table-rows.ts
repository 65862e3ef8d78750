/** The rows of an indicator table, recognised in the document's own lines (seed tables: rowPattern, rowAnchor). */
export interface TableLayout {
  startLine: number;
  endLine: number;
  rowPattern?: string | undefined;
  rowAnchor?: 'first-line' | 'last-line' | undefined;
}

/** One row: the line rowPattern matched and the span of lines (from..to, 1-based) that belongs to it. */
export interface TableRow {
  line: number;
  from: number;
  to: number;
}

/**
 * A row runs from its matched line to the line before the next match (first-line anchor: numbered rows), or from the
 * line after the previous match to its matched line (last-line anchor: rows that end with a 约束性/预期性 cell).
 */
export function tableRows(table: TableLayout, lines: readonly string[]): TableRow[] {
  if (!table.rowPattern) return [];
  const pattern = new RegExp(table.rowPattern);
  const matched: number[] = [];
  for (let line = table.startLine; line <= table.endLine; line++) if (pattern.test(lines[line - 1] ?? '')) matched.push(line);
  return matched.map((line, index) =>
    table.rowAnchor === 'last-line'
      ? { line, from: index === 0 ? table.startLine : matched[index - 1]! + 1, to: line }
      : { line, from: line, to: index + 1 < matched.length ? matched[index + 1]! - 1 : table.endLine },
  );
}
