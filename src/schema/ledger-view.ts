import { z } from './zod-mini.ts';

/** A ledger row's status: judged (met, not met, on or off track), or why it cannot be. */
export const ledgerStatuses = [
  'met',
  'not met',
  'on track',
  'off track',
  'reported',
  'not measurable from map data',
  'measured on illustrative data',
] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];

export const tableColumns = [
  'indicator',
  'citation',
  'scope',
  'document',
  'theme',
  'binding',
  'baseline',
  'target',
  'map',
  'reported',
  'status',
  'reason',
] as const;
export type TableColumn = (typeof tableColumns)[number];
export const defaultColumns: readonly TableColumn[] = [
  'indicator',
  'citation',
  'scope',
  'binding',
  'baseline',
  'target',
  'reported',
  'status',
];

const id = z.string().check(z.regex(/^[a-z0-9]*(-[a-z0-9]+)*$/));

/** What a reader of the ledger is looking at: part of the atlas state, so a link reopens it. */
export const ledgerViewSchema = z.strictObject({
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
});
export type LedgerView = z.infer<typeof ledgerViewSchema>;

export const defaultLedgerView: LedgerView = {
  document: '',
  place: '',
  theme: '',
  status: '',
  mapOnly: false,
  row: '',
  mode: 'list',
  sort: '',
  columns: [],
};
