import { z } from '../schema/zod-mini.ts';
import { actualSchema, type Actual } from '../stats/actual.ts';

const key = 'nm-carbon-atlas.ledger-actuals.v1';

export type StoreState = 'kept' | 'unavailable';

/**
 * Planners' reported values, kept in this browser's storage. Storage may be blocked (private windows, sandboxed
 * frames, a full quota): then the values live for this page only and the panel says storage is unavailable, so
 * nobody believes them saved. Values that no longer check against the schema are left out, not guessed.
 */
export class ActualsStore {
  state: StoreState = 'kept';

  constructor(private readonly storage: () => Pick<Storage, 'getItem' | 'setItem'>) {}

  load(): Actual[] {
    try {
      const text = this.storage().getItem(key);
      const parsed = z.array(actualSchema).safeParse(text === null ? [] : JSON.parse(text));
      return parsed.success ? parsed.data : [];
    } catch {
      this.state = 'unavailable';
      return [];
    }
  }

  save(actuals: readonly Actual[]): void {
    try {
      this.storage().setItem(key, JSON.stringify(actuals));
      this.state = 'kept';
    } catch {
      this.state = 'unavailable';
    }
  }
}
