import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';

/** Categories of the water-quality sections layer, with the labels the legend shows. The documents count national
 * assessment sections (52, then 136) without naming them: a `national-schematic` point stands for that network on a
 * named river reach, at a schematic position (a stand-in, not a known section); `national` is a known section;
 * `boundary` marks provincial or national borders, also placed schematically. */
export const categories = {
  national: { zh: '国控断面', en: 'National section' },
  'national-schematic': { zh: '国控断面（位置示意）', en: 'National section network (schematic position)' },
  regional: { zh: '区控断面', en: 'Regional section' },
  boundary: { zh: '跨界断面（省界、国界；位置示意）', en: 'Boundary section (provincial or international; schematic position)' },
} as const;
export type WaterSectionCategory = keyof typeof categories;
const categoryIds = Object.keys(categories) as [WaterSectionCategory, ...WaterSectionCategory[]];

/** Surface-water quality classes (GB 3838), or unknown where no document gives one. */
export const waterClassSchema = z.enum(['I', 'II', 'III', 'IV', 'V', 'unknown']);

/** Properties of data/water-sections/source.geojson: points snapped onto the GSHHG river lines. */
export const propertiesSchema = z
  .extend(thematicPropertiesSchema, {
    category: z.enum(categoryIds),
    /** Sections are points, not zones: zone_kind is omitted. */
    zone_kind: z.optional(z.never()),
    method: z.literal('approximate-point'),
    accuracy: z.literal('B'),
    note_zh: z.string().check(z.minLength(1)),
    note_en: z.string().check(z.minLength(1)),
    /** Water body id (yellow-river, west-liao-river, hulun-lake ...) and its Chinese name. */
    river: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
    river_zh: z.string().check(z.minLength(1)),
    /** The river's English name (the region's form; the feature panel shows it in English). */
    river_en: z.string().check(z.minLength(1)),
    /** Target class where a document gives one; none does. */
    target_class: waterClassSchema,
    /** Never invented: always unknown. */
    measured_class: z.literal('unknown'),
    /** inflow, outflow, provincial-boundary, international-boundary, city-reach, tributary-mouth, lake, control or unknown. */
    role: z.enum([
      'inflow',
      'outflow',
      'provincial-boundary',
      'international-boundary',
      'city-reach',
      'tributary-mouth',
      'lake',
      'control',
      'unknown',
    ]),
    /** True where the section is named descriptively and placed schematically rather than a known section. */
    approximate: z.boolean(),
    league: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
    /** The open line or polygon the point was snapped to, and how far the guide position moved. */
    snapped_to: z.string().check(z.minLength(1)),
    snap_distance_km: z.number().check(z.gte(0)),
  })
  .check(
    z.refine((p) => (p.category !== 'national' || !p.approximate) && (p.category !== 'national-schematic' || p.approximate), {
      message:
        'a stand-in at a schematic position (approximate: true) is never in the legend class of known national sections, and a known one is never approximate',
      path: ['category'],
    }),
  );
export type WaterSectionProperties = z.infer<typeof propertiesSchema>;
