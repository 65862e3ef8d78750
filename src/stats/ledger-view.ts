/**
 * What a reader of the ledger is looking at (filters, the selected row, list or table, sort, columns), the rows it
 * shows and the counts by status that sum them up. Part of the atlas state, so a link reopens it (the `led.*` keys).
 */
import { z } from 'zod';
import type { LedgerRow } from './ledger.ts';
import { ledgerStatuses, type LedgerStatus } from './ledger-words.ts';

export const tableColumns = [
  'indicator', 'scope', 'document', 'theme', 'binding', 'baseline', 'target', 'map', 'reported', 'status', 'reason',
] as const;
export type TableColumn = (typeof tableColumns)[number];
export const defaultColumns: readonly TableColumn[] = ['indicator', 'scope', 'binding', 'baseline', 'target', 'reported', 'status'];

const id = z.string().regex(/^[a-z0-9]*(-[a-z0-9]+)*$/);

export const ledgerViewSchema = z.object({
  document: id,
  /** A place id (scope), such as hinggan. */
  place: id,
  theme: id,
  status: z.union([z.enum(ledgerStatuses), z.literal('')]),
  /** Only the rows the map measures. */
  mapOnly: z.boolean(),
  /** The selected row's target id. */
  row: id,
  mode: z.enum(['list', 'table']),
  /** A table column, "-" in front for descending. */
  sort: z.union([z.enum(tableColumns), z.templateLiteral(['-', z.enum(tableColumns)]), z.literal('')]),
  /** Table columns shown, in order; empty for the default set. */
  columns: z.array(z.enum(tableColumns)),
}).strict();
export type LedgerView = z.infer<typeof ledgerViewSchema>;

export const defaultLedgerView: LedgerView = {
  document: '', place: '', theme: '', status: '', mapOnly: false, row: '', mode: 'list', sort: '', columns: [],
};

/** The rows that pass the filters (all but the status filter, when `ignoreStatus`: the summary counts those). */
export function filterRows(rows: readonly LedgerRow[], view: LedgerView, ignoreStatus = false): LedgerRow[] {
  return rows.filter((row) =>
    (!view.document || row.documentId === view.document) &&
    (!view.place || row.scope.id === view.place) &&
    (!view.theme || row.theme === view.theme) &&
    (ignoreStatus || !view.status || row.status === view.status) &&
    (!view.mapOnly || row.measured !== null));
}

export type StatusCounts = Record<LedgerStatus, number>;

export function countByStatus(rows: readonly LedgerRow[]): StatusCounts {
  const counts = Object.fromEntries(ledgerStatuses.map((status) => [status, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** Counts by status for each document, place or theme, largest group first. */
export function countsBy(rows: readonly LedgerRow[], key: (row: LedgerRow) => string): { key: string; total: number; counts: StatusCounts }[] {
  const groups = new Map<string, LedgerRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups].map(([name, members]) => ({ key: name, total: members.length, counts: countByStatus(members) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

const linkKeys = { document: 'led.doc', place: 'led.place', theme: 'led.theme', status: 'led.status', row: 'led.row', sort: 'led.sort' } as const;

/** The view as link keys, defaults left out. */
export function ledgerViewToLink(view: LedgerView): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [field, key] of Object.entries(linkKeys) as [keyof typeof linkKeys, string][]) if (view[field]) pairs.push([key, view[field]]);
  if (view.mapOnly) pairs.push(['led.map', '1']);
  if (view.mode !== 'list') pairs.push(['led.view', view.mode]);
  if (view.columns.length > 0) pairs.push(['led.cols', view.columns.join('.')]);
  return pairs;
}

/** Reads the `led.*` keys of a link: the view, or the problem with it. */
export function ledgerViewFromLink(params: URLSearchParams): { view?: LedgerView; problem?: string } {
  const keys = [...params.keys()].filter((key) => key.startsWith('led.'));
  if (keys.length === 0) return {};
  const view: Record<string, unknown> = { ...defaultLedgerView };
  for (const [field, key] of Object.entries(linkKeys)) if (params.has(key)) view[field] = params.get(key);
  if (params.has('led.map')) view['mapOnly'] = params.get('led.map') === '1';
  if (params.has('led.view')) view['mode'] = params.get('led.view');
  if (params.has('led.cols')) view['columns'] = params.get('led.cols')!.split('.').filter(Boolean);
  const parsed = ledgerViewSchema.safeParse(view);
  return parsed.success ? { view: parsed.data }
    : { problem: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
}

export const isLedgerLinkKey = (key: string) => key.startsWith('led.');
