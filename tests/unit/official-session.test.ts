import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Importer, OfficialSession } from '../../src/app/official-session.ts';
import { projectRoot, readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import type { LayerSummary } from '../../src/official/import-messages.ts';
import { type LayerFile, readLayerFile } from '../../src/official/layer-file.ts';
import type { OfficialStore, StoredLayer } from '../../src/official/layer-store.ts';
import { buildOfficialLayer } from '../../src/official/official-layer.ts';
import { parseZoneProfile } from '../../src/official/profile.ts';
import { createScreener, type Screener } from '../../src/screening/screener.ts';

const fixture = (name: string) => readFileSync(join(projectRoot, 'tests/fixtures/official', name));
const profile = parseZoneProfile(fixture('red-line-profile.json').toString(), 'red-line-profile.json');
const inPatch = { type: 'Point', coordinates: [108.76, 40.54] };

/** The worker's work done in this thread: the same read and map. */
function sameThread(): Importer {
  let read: LayerFile | undefined;
  return {
    async read(file, bytes, _progress, encoding): Promise<LayerSummary> {
      read = await readLayerFile(file, bytes, encoding);
      return { file, featureCount: read.features.length, attributes: read.attributes, samples: {}, notes: read.notes };
    },
    map: async (mapping, progress) =>
      buildOfficialLayer(read as LayerFile, mapping, {
        importedAt: '2026-12-02T00:00:00Z',
        onProgress: (done, total) => progress('map', done / total),
      }),
    cancel: () => undefined,
  };
}

function memoryStore(): OfficialStore & { kept: Map<string, StoredLayer> } {
  const kept = new Map<string, StoredLayer>();
  return {
    kept,
    list: async () => [...kept.values()],
    put: async (stored) => void kept.set(stored.layer.provenance.id, structuredClone(stored)),
    remove: async (id) => void kept.delete(id),
  };
}

describe('official layers session', () => {
  let bundled: Screener;
  let collections: Awaited<ReturnType<typeof readCollections>>;
  beforeAll(async () => {
    collections = await readCollections();
    bundled = createScreener({ collections, seeds: readSeeds(), dataVersion: readManifest().version });
  }, 60_000);

  const session = (store: OfficialStore | undefined, events: string[] = []) =>
    new OfficialSession(
      {
        changed: () => void events.push('changed'),
        layersChanged: () => void events.push('layers-changed'),
        seeds: async () => readSeeds(),
        save: (blob, name) => void events.push(`saved ${name} ${blob.size}`),
      },
      { openStore: async () => store, importer: async () => sameThread() },
    );
  const file = (name: string) => new File([fixture(name)], name);
  const screenIn = async (official: OfficialSession) =>
    (await official.screener(async () => bundled, collections, 'v')).screen(inPatch, 'steel');

  it('imports, screens on the layer, keeps it across a reload and removes it', async () => {
    const store = memoryStore();
    const events: string[] = [];
    const first = session(store, events);
    await first.read(file('red-line-gk36.zip'));
    expect(first.importing?.summary?.attributes).toEqual(['名称', '编码', '面积']);
    await first.map(profile);
    expect(first.importing).toBeUndefined();
    expect(first.storage).toBe('kept');
    expect(events).toContain('layers-changed');
    expect((await screenIn(first)).hits.some((hit) => hit.basis === 'official-user')).toBe(true);
    first.exportProfile(first.layers[0]?.layer.provenance.id as string);
    expect(events.some((event) => event.startsWith('saved red-line-gk36.profile.json'))).toBe(true);

    const reloaded = session(store);
    expect((await screenIn(reloaded)).hits.some((hit) => hit.basis === 'official-user')).toBe(true);
    expect(reloaded.layers.map((stored) => stored.layer.provenance.file)).toEqual(['red-line-gk36.zip']);
    await reloaded.remove(reloaded.layers[0]?.layer.provenance.id as string);
    expect(store.kept.size).toBe(0);
    expect(await reloaded.screener(async () => bundled, collections, 'v')).toBe(bundled);
  }, 60_000);

  it('says storage is unavailable and still screens on the layer for the visit', async () => {
    const official = session(undefined);
    await official.read(file('red-line-gk36.zip'));
    await official.map(profile);
    expect(official.storage).toBe('unavailable');
    expect((await screenIn(official)).hits.some((hit) => hit.basis === 'official-user')).toBe(true);
  }, 60_000);

  it('refuses a bad mapping or file with a message, and loses nothing already loaded', async () => {
    const official = session(memoryStore());
    await official.read(file('red-line-gk36.zip'));
    await official.map(profile);
    await official.read(file('red-line-gk36.zip'));
    await official.map({ ...profile, nameAttribute: 'NAME' });
    expect(official.importing?.refusal?.en).toContain('no attribute "NAME"');
    await official.map({ ...profile, mappedBy: '' });
    expect(official.importing?.refusal?.zh).toContain('映射不完整');
    await official.read(file('red-line-gk36-no-dbf.zip'));
    expect(official.importing?.refusal?.en).toContain('no .dbf');
    expect(official.layers).toHaveLength(1);
    expect((await screenIn(official)).hits.some((hit) => hit.basis === 'official-user')).toBe(true);
  }, 60_000);
});
