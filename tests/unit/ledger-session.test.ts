import { describe, expect, test } from 'vitest';
import { LedgerSession, type LedgerHost } from '../../src/app/ledger-session.ts';
import { Store } from '../../src/state/store.ts';
import type { AtlasState } from '../../src/state/state.ts';
import { ledgerRow } from './ledger-row.ts';

const row = ledgerRow();

const state = {
  view: { center: [110, 40], zoom: 5, bearing: 0, pitch: 0 },
  lang: 'zh',
  layers: {},
  selection: null,
  panel: 'ledger',
  site: null,
  projectType: null,
} as AtlasState;

function session(storage: LedgerHost['storage']) {
  const store = new Store(structuredClone(state), []);
  const host: LedgerHost = {
    ready: async () => undefined,
    map: () => undefined,
    collections: () => new Map(),
    dataVersion: () => 'v1',
    changed: () => undefined,
    save: () => undefined,
    store,
    storage,
    compute: async () => [row],
  };
  return { ledger: new LedgerSession(host), store };
}

const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
};

describe('the ledger session', () => {
  test('records a reported value, keeps it in storage, and the next session reads it back', async () => {
    const storage = memory();
    const first = session(() => storage).ledger;
    await first.ledger();
    await first.act({
      kind: 'record',
      actual: { targetId: row.id, value: 51, achieved: null, unit: 'GW', year: 2025, source: '统计公报' },
    });
    expect([first.rows![0]!.status, first.storage]).toEqual(['met', 'kept']);
    const second = session(() => storage).ledger;
    expect((await second.ledger())[0]!.status).toBe('met');
  });

  test('says unavailable when storage is blocked, and still judges for this page', async () => {
    const { ledger } = session(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    await ledger.ledger();
    expect(ledger.storage).toBe('unavailable');
    await ledger.act({ kind: 'import', text: 'target_id,value,unit,year,source\nod-renewable-capacity-2025,4000,万千瓦,2025,公报\n' });
    expect([ledger.rows![0]!.status, ledger.storage]).toEqual(['not met', 'unavailable']);
  });

  test('refuses a bad import whole, with the reason, and puts the view and the selected row into the state', async () => {
    const { ledger, store } = session(() => memory());
    await ledger.ledger();
    await ledger.act({ kind: 'import', text: 'target_id,value,unit,year,source\nod-renewable-capacity-2025,5,km²,2025,公报\n' });
    expect(ledger.problem).toContain("km² cannot be compared with the target's 万千瓦");
    expect(ledger.actuals).toEqual([]);
    ledger.select(row);
    expect(store.state.ledger?.row).toBe(row.id);
  });
});
