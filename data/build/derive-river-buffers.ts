import { buffer, intersect, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { citationSchema } from '../../src/schema/citation.ts';

export const recipeSchema = z.object({
  comment: z.string(),
  river: z.string(),
  clipTo: z.string(),
  buffers: z
    .array(
      z.object({
        id: z.string(),
        name_zh: z.string(),
        name_en: z.string(),
        km: z.number().positive(),
        citations: z.array(citationSchema).min(1),
      }),
    )
    .min(1),
});

/** Buffers the river by each distance of the recipe and clips to the region: the zones are derived, never drawn. */
export function deriveRiverBuffers(
  recipe: z.infer<typeof recipeSchema>,
  river: FeatureCollection,
  region: FeatureCollection,
  accuracyKm: number,
): FeatureCollection {
  const clip = region.features[0] as Feature<Polygon | MultiPolygon> | undefined;
  if (!clip) throw new Error(`${recipe.clipTo} has no feature to clip to`);
  const features = recipe.buffers.map((zone) => {
    const zoneArea = buffer(river, zone.km, { units: 'kilometers', steps: 8 });
    const merged = zoneArea?.features.length === 1 ? zoneArea.features[0] : undefined;
    const clipped = merged && intersect(featureCollection([merged as Feature<Polygon | MultiPolygon>, clip]));
    if (!clipped) throw new Error(`buffer ${zone.id} of ${recipe.river} is empty`);
    return {
      type: 'Feature' as const,
      geometry: clipped.geometry,
      properties: {
        id: zone.id,
        name_zh: zone.name_zh,
        name_en: zone.name_en,
        category: `within-${zone.km}km`,
        citations: zone.citations,
        method: 'derived',
        accuracy: 'B',
        accuracy_km: accuracyKm,
        zone_kind: 'river-buffer',
        buffer_km: zone.km,
        river: 'yellow-river-main-stem',
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
