import type { LayerDefinition } from './layer-definition.ts';
import { baseLayers } from './base-layers.ts';
import { adminRegions } from './admin-regions/admin-regions.ts';
import { deserts } from './deserts/deserts.ts';
import { energyBases } from './energy-bases/energy-bases.ts';
import { redLineAreas } from './red-line-areas/red-line-areas.ts';
import { restrictedZones } from './restricted-zones/restricted-zones.ts';
import { riverBasins } from './river-basins/river-basins.ts';
import { riverBuffers } from './river-buffers/river-buffers.ts';
import { waterSections } from './water-sections/water-sections.ts';
import { wetlands } from './wetlands/wetlands.ts';

const base = (id: string): LayerDefinition => {
  const layer = baseLayers.find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no base layer ${id}`);
  return layer;
};

/** Every map layer, in draw order (first is drawn lowest). */
export const layerDefinitions: LayerDefinition[] = [
  base('base-countries'),
  base('base-provinces'),
  base('base-region'),
  base('base-lakes'),
  base('base-rivers'),
  // Seats under the thematic layers: their names give way to the zones' where labels collide.
  base('base-townships'),
  base('base-seats'),
  riverBasins,
  deserts,
  redLineAreas,
  wetlands,
  riverBuffers,
  restrictedZones,
  energyBases,
  adminRegions,
  // The Yellow River above every fill and boundary: the distance zones and the Ordos and Wuhai edges follow it.
  base('base-yellow-river'),
  waterSections,
  base('base-towns'),
];

export const themes = ['energy', 'ecology', 'water', 'restriction', 'administrative', 'base'] as const;
