import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';

/** Categories of the deserts and sandy lands layer, with the labels the legend shows. */
export const categories = {
  desert: { zh: '沙漠', en: 'Desert' },
  'sandy-land': { zh: '沙地', en: 'Sandy land' },
} as const;
export type DesertCategory = keyof typeof categories;
const categoryIds = Object.keys(categories) as [DesertCategory, ...DesertCategory[]];

/** Properties of data/deserts/source.geojson: schematic outlines drawn by hand, clipped to Inner Mongolia. */
export const propertiesSchema = z.extend(thematicPropertiesSchema, {
  category: z.enum(categoryIds),
  zone_kind: z.literal('sandy-land'),
  method: z.literal('hand-drawn'),
  accuracy: z.literal('C'),
  accuracy_km: z.number().check(z.gte(10)),
  note_zh: z.string().check(z.minLength(1)),
  note_en: z.string().check(z.minLength(1)),
  /** No document gives an area for any of them. */
  official_area_km2: z.union([z.number().check(z.positive()), z.literal('unknown')]),
  /** False where the documents do not name this desert; its citations are then the documents' general desert lines. */
  named_in_documents: z.boolean(),
  /** True where the desert extends beyond Inner Mongolia and that part was cut off. */
  clipped_at_region_border: z.boolean(),
});
export type DesertProperties = z.infer<typeof propertiesSchema>;
