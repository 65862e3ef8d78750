/** The rows a ledger view shows, and the counts by status that sum them up (the view itself: src/schema/ledger-view.ts). */
import { ledgerStatuses, type LedgerStatus, type LedgerView } from '../schema/ledger-view.ts';
import type { LedgerRow } from './ledger.ts';

/** The rows that pass the filters (all but the status filter, when `ignoreStatus`: the summary counts those). */
export function filterRows(rows: readonly LedgerRow[], view: LedgerView, ignoreStatus = false): LedgerRow[] {
  return rows.filter(
    (row) =>
      (!view.document || row.documentId === view.document) &&
      (!view.place || row.scope.id === view.place) &&
      (!view.theme || row.theme === view.theme) &&
      (ignoreStatus || !view.status || row.status === view.status) &&
      (!view.mapOnly || row.measured !== null),
  );
}

export type StatusCounts = Record<LedgerStatus, number>;

export function countByStatus(rows: readonly LedgerRow[]): StatusCounts {
  const counts = Object.fromEntries(ledgerStatuses.map((status) => [status, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** Counts by status for each document, place or theme, largest group first. */
export function countsBy(
  rows: readonly LedgerRow[],
  key: (row: LedgerRow) => string,
): { key: string; total: number; counts: StatusCounts }[] {
  const groups = new Map<string, LedgerRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups]
    .map(([name, members]) => ({ key: name, total: members.length, counts: countByStatus(members) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}
