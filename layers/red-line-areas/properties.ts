import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';

/** Categories of the illustrative ecological red-line areas, with the labels the legend shows.
 * `network` is the one feature that stands for the whole red-line network (the union of the others) and
 * carries the documents' region-wide red-line figures; it is flagged `aggregate: true`. */
export const categories = {
  forest: { zh: '森林', en: 'Forest' },
  'sand-control': { zh: '防沙治沙', en: 'Sand control' },
  riparian: { zh: '河岸带', en: 'Riparian zone' },
  'lake-basin': { zh: '湖泊流域', en: 'Lake basin' },
  grassland: { zh: '草原', en: 'Grassland' },
  mountain: { zh: '山地', en: 'Mountain range' },
  network: { zh: '生态保护红线（整体示意）', en: 'Red-line network (whole, illustrative)' },
} as const;
export type RedLineCategory = keyof typeof categories;
const categoryIds = Object.keys(categories) as [RedLineCategory, ...RedLineCategory[]];

/** Properties of data/red-line-areas/source.geojson. The official red-line vectors are not public:
 * every feature is illustrative, schematic, and never the official line. */
export const propertiesSchema = z.extend(thematicPropertiesSchema, {
  category: z.enum(categoryIds),
  zone_kind: z.literal('ecological-red-line'),
  illustrative: z.literal(true),
  method: z.literal('illustrative'),
  accuracy: z.literal('C'),
  accuracy_km: z.number().check(z.gte(10)),
  note_zh: z.string().check(z.minLength(1)),
  note_en: z.string().check(z.minLength(1)),
  /** False where the documents do not name this area itself and it is drawn as part of a named one. */
  named_in_documents: z.boolean(),
  /** True only on the `network` feature, whose geometry repeats all the others: skip it when counting hits or areas. */
  aggregate: z.optional(z.boolean()),
  /** The documents give a share (50.46 %) but no area in km². */
  official_area_km2: z.optional(z.union([z.number().check(z.positive()), z.literal('unknown')])),
});
export type RedLineProperties = z.infer<typeof propertiesSchema>;
