import { defaultLedgerView, ledgerViewSchema, type LedgerView } from '../schema/ledger-view.ts';

/** The ledger view's keys in a link (README "Links"): led.doc, led.place, led.theme, led.status, led.row, led.sort,
 * led.map (1: measured rows only), led.view (table), led.cols (columns joined by "."); defaults left out. */
const linkKeys = {
  document: 'led.doc',
  place: 'led.place',
  theme: 'led.theme',
  status: 'led.status',
  row: 'led.row',
  sort: 'led.sort',
} as const;

export const isLedgerLinkKey = (key: string) => key.startsWith('led.');

export function ledgerViewToLink(view: LedgerView): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [field, key] of Object.entries(linkKeys) as [keyof typeof linkKeys, string][]) if (view[field]) pairs.push([key, view[field]]);
  if (view.mapOnly) pairs.push(['led.map', '1']);
  if (view.mode !== 'list') pairs.push(['led.view', view.mode]);
  if (view.columns.length > 0) pairs.push(['led.cols', view.columns.join('.')]);
  return pairs;
}

/** Reads the `led.*` keys of a link: the view, or the problem with it (the whole view is dropped, never half). */
export function ledgerViewFromLink(params: URLSearchParams): { view?: LedgerView; problem?: string } {
  if (![...params.keys()].some(isLedgerLinkKey)) return {};
  const view: Record<string, unknown> = { ...defaultLedgerView };
  for (const [field, key] of Object.entries(linkKeys)) if (params.has(key)) view[field] = params.get(key);
  if (params.has('led.map')) view['mapOnly'] = params.get('led.map') === '1';
  if (params.has('led.view')) view['mode'] = params.get('led.view');
  if (params.has('led.cols')) view['columns'] = params.get('led.cols')!.split('.').filter(Boolean);
  const parsed = ledgerViewSchema.safeParse(view);
  return parsed.success
    ? { view: parsed.data }
    : { problem: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
}
