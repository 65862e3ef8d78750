import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';

/** Categories of the wetlands layer, with the labels the legend shows. A reserve that the documents name without
 * its level (Daihai) is not given an invented one: it is a `wetland` with zone_kind nature-reserve and
 * designation_level unknown. */
export const categories = {
  'national-nature-reserve': { zh: '国家级自然保护区', en: 'National nature reserve' },
  'regional-nature-reserve': { zh: '自治区级自然保护区', en: 'Regional nature reserve' },
  'wetland-park': { zh: '湿地公园', en: 'Wetland park' },
  lake: { zh: '湖泊（含湖库）', en: 'Lake or reservoir' },
  wetland: { zh: '湿地', en: 'Wetland' },
} as const;
export type WetlandCategory = keyof typeof categories;
const categoryIds = Object.keys(categories) as [WetlandCategory, ...WetlandCategory[]];

const unknown = z.literal('unknown');
const designationLevel = z.enum(['national', 'regional', 'unknown']);
const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));

/** Properties of data/wetlands/source.geojson: GSHHG lake shores (open-data, class A) and schematic hand-drawn
 * reserves, parks and lakes (class C). */
export const propertiesSchema = z
  .extend(thematicPropertiesSchema, {
    category: z.enum(categoryIds),
    zone_kind: z.enum(['nature-reserve', 'wetland']),
    method: z.enum(['open-data', 'hand-drawn']),
    note_zh: z.string().check(z.minLength(1)),
    note_en: z.string().check(z.minLength(1)),
    /** League or city id (hinggan, hulunbuir, ulanqab ...). */
    league: id,
    /** Area as a document states it, in hectares; no document states one for these features. */
    area_stated_ha: z.union([z.number().check(z.positive()), unknown]),
    /** Geodesic area of the geometry as drawn, km². */
    area_computed_km2: z.number().check(z.positive()),
    /** Designation level as the documents give it. */
    designation_level: designationLevel,
    /** A higher designation the documents plan (Chagan Nur: a national wetland park). */
    planned_designation_level: z.optional(designationLevel),
    /** Date of the GSHHG shoreline, on open-data lakes only. */
    shoreline_as_of: z.optional(z.string().check(z.minLength(1))),
    /** True where the water body extends beyond China (Buir Lake). */
    crosses_border: z.optional(z.boolean()),
  })
  .check(
    z.refine((p) => !p.category.endsWith('nature-reserve') || p.zone_kind === 'nature-reserve', {
      message: 'reserves have zone_kind nature-reserve',
    }),
    z.refine((p) => p.zone_kind !== 'nature-reserve' || p.category.endsWith('nature-reserve') || p.designation_level === 'unknown', {
      message: 'a reserve outside the reserve categories is one whose level the documents do not state',
    }),
    z.refine((p) => (p.method === 'open-data') === (p.shoreline_as_of !== undefined), {
      message: 'open-data lakes carry shoreline_as_of',
    }),
  );
export type WetlandProperties = z.infer<typeof propertiesSchema>;
