import { describe, expect, it } from 'vitest';
import { zonesOfCollections } from '../screening/zones.ts';
import { projectRoot, readCollections, zoneLayer } from './node-loader.ts';

describe('the datasets that may hold zones', () => {
  it('leave out only datasets none of whose features declares a zone kind, so the screen command meets the same zones', async () => {
    const all = await readCollections();
    const zoned = await readCollections(projectRoot, zoneLayer);
    const left = [...all.keys()].filter((id) => !zoned.has(id));
    expect(left.length).toBeGreaterThan(0);
    for (const id of left) {
      const declared = all.get(id)!.features.filter((feature) => feature.properties?.['zone_kind'] !== undefined);
      expect(declared, id).toEqual([]);
    }
    const zoneIds = (collections: typeof all) => [...zonesOfCollections(collections)].map((zone) => zone.info.id);
    expect(zoneIds(zoned)).toEqual(zoneIds(all));
  });
});
