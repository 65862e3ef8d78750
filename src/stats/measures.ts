/**
 * The targets the map can speak to, and how: target id -> what is measured on the map's data. Every other target
 * of the seeds goes into the ledger unmeasured. Values come back in the map's units (see units.ts).
 */
import type { EnergyBaseKind } from '../../layers/energy-bases/properties.ts';
import { capacityOf, isIllustrative, type RegionStatistics } from './region-stats.ts';

export type Measurement =
  | {
    kind: 'value';
    value: number;
    unit: string;
    /** What was measured, on which features, and what the figure is not. */
    note: string;
    featureIds: string[];
    illustrative: boolean;
    /** Some features behind the figure carry no value ("unknown"), so the figure is a lower bound. */
    lowerBound: boolean;
  }
  | { kind: 'unmeasurable'; reason: string; featureIds: string[] };

export interface Measure {
  /** What is measured, in one line. */
  note: string;
  measure(statistics: RegionStatistics): Measurement;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The regions the measures name, as the notes spell them. */
const places = { 'inner-mongolia': 'Inner Mongolia', ordos: 'Ordos', hinggan: 'Hinggan League' } as const;
type Place = keyof typeof places;

const redLineShare: Measure = {
  note: 'Share of Inner Mongolia inside the union of the illustrative red-line areas (aggregate network feature left out).',
  measure(statistics) {
    const region = statistics.region('inner-mongolia');
    const layer = statistics.layer('inner-mongolia', 'red-line-areas');
    return {
      kind: 'value',
      value: round(layer.sharePct, 2),
      unit: '%',
      note: `Union of the ${layer.featureIds.length} illustrative red-line areas (the aggregate network feature left out), `
        + `${Math.round(layer.unionAreaKm2).toLocaleString('en-US')} km², over the ellipsoidal area of the DCW outline of `
        + `Inner Mongolia, ${Math.round(region.areaKm2).toLocaleString('en-US')} km². The official red-line vectors are `
        + 'not public: the share is an artefact of the schematic drawing.',
      featureIds: layer.featureIds,
      illustrative: layer.illustrative,
      lowerBound: false,
    };
  },
};

function wetlands(regionId: Place, figure: 'area' | 'share'): Measure {
  return {
    note: figure === 'area'
      ? `Union area of the wetlands, lakes and reserves drawn in ${places[regionId]}.`
      : `Share of ${places[regionId]} inside the union of the wetlands, lakes and reserves drawn there.`,
    measure(statistics) {
      const region = statistics.region(regionId);
      const layer = statistics.layer(regionId, 'wetlands');
      const value = figure === 'area' ? round(layer.unionAreaKm2, 1) : round(layer.sharePct, 2);
      return {
        kind: 'value',
        value,
        unit: figure === 'area' ? 'km²' : '%',
        note: `Union of the ${layer.featureIds.length} wetlands, lakes and reserves the map draws in ${places[regionId]}`
          + `${figure === 'share' ? `, over the region's computed ${Math.round(region.areaKm2).toLocaleString('en-US')} km²` : ''}. `
          + 'Only the ones the documents name are drawn, so this is far from all wetland.',
        featureIds: layer.featureIds,
        illustrative: layer.illustrative,
        lowerBound: false,
      };
    },
  };
}

/** Bases that generate power; storage and hydrogen bases are not generating capacity. */
const generatingKinds: EnergyBaseKind[] = ['wind', 'solar', 'wind-solar'];

function plannedCapacity(regionId: Place): Measure {
  return {
    note: `Stated capacity of the wind and solar bases placed in ${places[regionId]} (storage and hydrogen left out).`,
    measure(statistics) {
      const region = statistics.region(regionId);
      const ids = new Set(statistics.layer(regionId, 'energy-bases').featureIds);
      const bases = statistics.features('energy-bases').filter((feature) => ids.has(String(feature.properties?.['id'])));
      const sum = capacityOf(bases, generatingKinds);
      const behind = new Set([...sum.statedIds, ...sum.unknownIds]);
      const unknown = sum.unknownIds.length;
      return {
        kind: 'value',
        value: sum.statedMw,
        unit: 'MW',
        note: `Capacity the documents state for the ${behind.size} wind and solar bases the map places in ${places[regionId]}`
          + `${unknown > 0 ? `; ${unknown} state none, so the sum is a lower bound` : ''}. Planned bases named in the `
          + 'documents, not installed capacity; storage and hydrogen bases left out.',
        featureIds: [...behind],
        illustrative: isIllustrative(bases.filter((feature) => behind.has(String(feature.properties?.['id']))), region),
        lowerBound: unknown > 0,
      };
    },
  };
}

function waterClassShare(regionId: Place): Measure {
  return {
    note: `Share of the water sections in ${places[regionId]} at the document's class.`,
    measure(statistics) {
      const ids = new Set(statistics.layer(regionId, 'water-sections').featureIds);
      const sections = statistics.features('water-sections').filter((feature) => ids.has(String(feature.properties?.['id'])));
      const classified = sections.filter((feature) => feature.properties?.['measured_class'] !== 'unknown').length;
      return {
        kind: 'unmeasurable',
        reason: `${classified} of the map's ${sections.length} sections in ${places[regionId]} have a `
          + 'measured class (no document gives one), and the points are schematic stand-ins for river reaches, not the '
          + 'assessed sections the documents count the share on.',
        featureIds: [...ids],
      };
    },
  };
}

/** Target id -> measure. */
export const measures: ReadonlyMap<string, Measure> = new Map([
  ['eco-t13-red-line-share', redLineShare],
  ['eco-2020-red-line-share', redLineShare],
  ['hg-wetland-area-2020', wetlands('hinggan', 'area')],
  ['hg-wetland-share-2020', wetlands('hinggan', 'share')],
  ['eco-2020-wetland-area', wetlands('inner-mongolia', 'area')],
  ['od-renewable-capacity-2025', plannedCapacity('ordos')],
  ['hg-clean-power-capacity-2025', plannedCapacity('hinggan')],
  ['hg-wind-pv-biomass-hydro-capacity-2025', plannedCapacity('hinggan')],
  ['cp-new-energy-capacity-2030', plannedCapacity('inner-mongolia')],
  ['eco-2025-new-renewable-capacity', plannedCapacity('inner-mongolia')],
  ['eco-t03-surface-water-class-iii-share', waterClassShare('inner-mongolia')],
  ['eco-t04-surface-water-worse-than-v-share', waterClassShare('inner-mongolia')],
  ['eco-2020-surface-water-class-iii', waterClassShare('inner-mongolia')],
  ['eco-2020-surface-water-worse-than-v', waterClassShare('inner-mongolia')],
  ['hg-surface-water-good-2020', waterClassShare('hinggan')],
]);
