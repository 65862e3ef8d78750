import type { OfficialLayer } from './official-layer.ts';
import type { ZoneProfile } from './profile.ts';

/** An official layer as this browser keeps it: the layer, and the mapping that made it (to export and reuse). */
export interface StoredLayer {
  layer: OfficialLayer;
  profile: ZoneProfile;
}

/** Official layers kept in this browser only (IndexedDB): nothing here is ever sent anywhere. */
export interface OfficialStore {
  list(): Promise<StoredLayer[]>;
  put(stored: StoredLayer): Promise<void>;
  remove(id: string): Promise<void>;
}

const STORE = 'layers';

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * Opens the store, or resolves undefined when this browser will not keep data (IndexedDB missing, blocked by a
 * privacy setting, or failing to open): the atlas then says so, and imports last for the visit only.
 */
export async function openOfficialStore(
  factory: IDBFactory | undefined,
  name = 'atlas-official-layers',
): Promise<OfficialStore | undefined> {
  if (!factory) return undefined;
  let database: IDBDatabase;
  try {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'layer.provenance.id' });
    database = await done(request);
  } catch {
    return undefined;
  }
  const transact = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) =>
    done(work(database.transaction(STORE, mode).objectStore(STORE)));
  return {
    list: () => transact('readonly', (store) => store.getAll() as IDBRequest<StoredLayer[]>),
    put: async (stored) => void (await transact('readwrite', (store) => store.put(stored))),
    remove: async (id) => void (await transact('readwrite', (store) => store.delete(id))),
  };
}
