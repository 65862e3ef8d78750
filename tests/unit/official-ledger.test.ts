// The ledger on an official red line (issue 13): the red-line share is measured on the official layer standing in for
// the illustrative one, so the map alone can meet the target or miss it, and the row says which layer it measured.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readCollections, readManifest, readSeeds } from '../../src/data/node-loader.ts';
import { importOfficialLayer } from '../../src/official/import-layer.ts';
import { parseZoneProfile } from '../../src/official/profile.ts';
import { withOfficialLayers } from '../../src/official/screening-input.ts';
import type { OfficialLayer } from '../../src/official/official-layer.ts';
import { computeLedger, type LedgerRow } from '../../src/stats/ledger.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(projectRoot, 'tests/fixtures/official', name)));
const redLineProfile = parseZoneProfile(new TextDecoder().decode(fixture('red-line-profile.json')), 'red-line-profile.json');
const importedAt = '2026-12-02T00:00:00.000Z';
const shareRow = 'eco-t13-red-line-share';

describe('the ledger on an official red line', () => {
  let bundled: Map<string, FeatureCollection>;
  const rowOn = (layers: OfficialLayer[]): LedgerRow => {
    const collections = layers.length === 0 ? bundled : withOfficialLayers(bundled, [], layers).collections;
    return computeLedger(collections, readSeeds(), readManifest().version).find((row) => row.id === shareRow) as LedgerRow;
  };

  beforeAll(async () => {
    bundled = await readCollections();
  }, 60_000);

  it('measures the share on the bundled illustrative red line, unjudged, when no official layer is loaded', () => {
    const row = rowOn([]);
    expect(row.mapStatus).toBe('measured on illustrative data');
    expect(row.measured?.note.en).toContain('illustrative red-line areas');
  }, 120_000);

  it('reads not met on a few official patches: the share is measured on them alone, not on the illustrative areas', async () => {
    const layer = await importOfficialLayer({
      file: 'red-line-gk36.zip',
      bytes: fixture('red-line-gk36.zip'),
      profile: redLineProfile,
      importedAt,
    });
    const row = rowOn([layer]);
    expect(row.mapStatus).toBe('not met');
    expect(row.measured?.note.en).toContain('official layer red-line-gk36.zip (official, user-supplied');
    expect(row.measured?.note.zh).toContain('官方数据，用户提供');
    expect(row.measured?.value).toBeLessThan(0.1);
    expect(row.measured?.accuracy.accuracyClass).toBe('A');
    expect(new Set(row.featureIds)).toEqual(new Set(layer.collection.features.map((feature) => String(feature.properties?.['id']))));
  }, 120_000);

  it('reads met on an official red line covering the region: above the 2020 level at both ends of its range', async () => {
    const outline = bundled.get('admin-regions')?.features.find((feature) => feature.properties?.['id'] === 'inner-mongolia');
    const file = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: outline?.geometry, properties: { 名称: '全区红线' } }],
    };
    const layer = await importOfficialLayer({
      file: 'whole-region.geojson',
      bytes: new TextEncoder().encode(JSON.stringify(file)),
      importedAt,
      profile: { ...redLineProfile, codeAttribute: undefined, crs: 'EPSG:4490' },
    });
    const row = rowOn([layer]);
    expect(row.mapStatus).toBe('met');
    expect(row.measured?.range.low).toBeGreaterThan(50.46);
    expect(row.measured?.note.en).toContain('whole-region.geojson');
  }, 120_000);
});
