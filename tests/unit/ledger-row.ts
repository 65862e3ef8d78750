import type { LedgerRow } from '../../src/stats/ledger.ts';

/** A ledger row as the ledger builds one (Ordos's 2025 renewable capacity target), for tests that change a field or two. */
export const ledgerRow = (fields: Partial<LedgerRow> = {}): LedgerRow => ({
  id: 'od-renewable-capacity-2025',
  documentId: 'ordos-pollution-carbon',
  document: { title: { zh: '方案', en: 'Plan' }, shortTitle: { zh: '方案', en: 'Plan' }, number: 'unknown' },
  theme: 'energy',
  scope: { kind: 'city', id: 'ordos', zh: '鄂尔多斯市' },
  scopeName: { zh: '鄂尔多斯市', en: 'Ordos' },
  indicator: { zh: '可再生能源装机', en: 'Renewable capacity' },
  unit: '万千瓦',
  baseline: null,
  target: { value: 5000, year: 2025 },
  comparator: 'reach',
  binding: 'unknown',
  qualitative: false,
  written: null,
  measured: null,
  mapStatus: 'not measurable from map data',
  mapReason: { zh: '无', en: 'none' },
  actuals: [],
  status: 'not measurable from map data',
  reason: { zh: '无', en: 'none' },
  featureIds: [],
  citation: { doc: 'ordos-pollution-carbon', line: 28, quote: '可再生能源装机达到5000万千瓦' },
  note: '',
  conflictsWith: [],
  dataVersion: 'v1',

  ...fields,
});
