import { beforeAll, describe, expect, it } from 'vitest';
import { readCollections } from '../data/node-loader.ts';
import { computeRegionStats, zoneLayerIds } from './region-stats.ts';

describe('region statistics on the bundled data', () => {
  let stats: ReturnType<typeof computeRegionStats>;
  beforeAll(async () => {
    stats = computeRegionStats(await readCollections());
  });
  const of = (regionId: string) => stats.find((entry) => entry.region.id === regionId)!;
  const layer = (regionId: string, layerId: string) => of(regionId).layers.find((entry) => entry.layerId === layerId)!;

  it('covers every region against every zone layer', () => {
    expect(stats.map((entry) => entry.region.id)).toEqual(expect.arrayContaining(['inner-mongolia', 'ordos', 'hinggan']));
    for (const entry of stats) expect(entry.layers.map((l) => l.layerId)).toEqual([...zoneLayerIds]);
  });

  it('gives region areas on the ellipsoid beside the official figures', () => {
    const inner = of('inner-mongolia').region;
    expect(inner.officialAreaKm2).toBe(1183000);
    // The open DCW outline is about 3 % short of the official area; the ellipsoid reads above turf's sphere.
    expect(inner.differencePct!).toBeGreaterThan(-3.5);
    expect(inner.differencePct!).toBeLessThan(-2.5);
    expect(inner.areaKm2).toBeGreaterThan(1144221);
    expect(inner.note.en).toContain('1,183,000 km²');
    expect(of('ordos').region.officialAreaKm2).toBe(86752);
    expect(of('hinggan').region.method).toBe('hand-drawn');
  });

  it('measures shares inside each region, skipping the aggregate red-line feature', () => {
    const redLine = layer('inner-mongolia', 'red-line-areas');
    expect(redLine.featureIds).not.toContain('ecological-red-line-network');
    expect(redLine.sharePct).toBeGreaterThan(30);
    expect(redLine.sharePct).toBeLessThan(70);
    expect(redLine.illustrative).toBe(true);
    for (const entry of stats) {
      for (const l of entry.layers) {
        expect(l.sharePct).toBeGreaterThanOrEqual(0);
        expect(l.sharePct).toBeLessThanOrEqual(100);
      }
    }
    expect(layer('ordos', 'wetlands').featureIds).toEqual([]);
  });

  it('sums planned capacity, counting unknown capacities apart', () => {
    const bases = layer('hinggan', 'energy-bases');
    expect(bases.capacity!.statedMw).toBe(2000);
    expect(bases.capacity!.unknownIds).toHaveLength(2);
    expect(bases.capacity!.mwPerKm2OfRegion).toBeCloseTo(2000 / of('hinggan').region.areaKm2, 9);
    expect(bases.capacity!.mwPerKm2OfBases).toBeNull();
    expect(bases.pointCount).toBe(4);
    expect(layer('ordos', 'energy-bases').capacity!.statedIds).toEqual([]);
  });
});
