import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';

/** Categories of the administrative frame, with the labels the legend shows. */
export const categories = {
  region: { zh: '自治区', en: 'Autonomous region' },
  league: { zh: '盟', en: 'League' },
  city: { zh: '地级市', en: 'Prefecture-level city' },
  banner: { zh: '旗县（市、区）', en: 'Banner, county or district' },
  'league-group': { zh: '盟市组合区域', en: 'Group of leagues and cities' },
  'river-source-area': { zh: '河流源头区（示意）', en: 'River source area (schematic)' },
} as const;
export type AdminCategory = keyof typeof categories;
const categoryIds = Object.keys(categories) as [AdminCategory, ...AdminCategory[]];

/** Properties of data/admin-regions/source.geojson: the DCW outline of Inner Mongolia (open-data), Ordos (derived),
 * Hinggan League and the other leagues, cities, banners and areas the documents name (hand-drawn, schematic). */
export const propertiesSchema = z
  .extend(thematicPropertiesSchema, {
    category: z.enum(categoryIds),
    zone_kind: z.literal('region'),
    method: z.enum(['open-data', 'derived', 'hand-drawn']),
    /** Administrative level; `league-group` for areas made of several leagues and cities (the documents' eastern region),
     * `sub-area` for areas inside one league that are not administrative units (river source areas). */
    level: z.enum([
      'autonomous-region',
      'league',
      'prefecture-level-city',
      'banner',
      'county',
      'county-level-city',
      'district',
      'league-group',
      'sub-area',
    ]),
    /** Official area from the geodata README or the documents, km²; never replaced by the computed one. */
    official_area_km2: z.union([z.number().check(z.positive()), z.literal('unknown')]),
    /** Geodesic area of the geometry as drawn, km². */
    area_computed_km2: z.number().check(z.positive()),
    /** How the boundary was made and how its area compares with the official one. */
    area_note_en: z.string().check(z.minLength(1)),
    area_note_zh: z.string().check(z.minLength(1)),
    /** What the stated accuracy rests on: the measured errors (issue 11) it covers, or that it was not measured again. */
    accuracy_note_en: z.string().check(z.minLength(1)),
    accuracy_note_zh: z.string().check(z.minLength(1)),
    /** Where the measured error is local: `accuracy_km` is the worst stretch (the safe band for a reader that takes one
     * figure), the edge lies within `accuracy_km_elsewhere` outside every stretch, and a stretch is the edge inside its
     * box, with its own accuracy. A reader that narrows the band takes a stretch's km for a site within km of its box. */
    accuracy_km_elsewhere: z.optional(z.number().check(z.positive())),
    accuracy_stretches: z.optional(
      z
        .array(
          z.strictObject({
            bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
            km: z.number().check(z.positive()),
            edge_en: z.string().check(z.minLength(1)),
            edge_zh: z.string().check(z.minLength(1)),
          }),
        )
        .check(z.minLength(1)),
    ),
  })
  .check(
    z.refine(
      (p) =>
        (p.accuracy_stretches === undefined) === (p.accuracy_km_elsewhere === undefined) &&
        (p.accuracy_stretches === undefined ||
          (p.accuracy_km_elsewhere! <= p.accuracy_km && Math.max(...p.accuracy_stretches.map((stretch) => stretch.km)) === p.accuracy_km)),
      {
        message: 'stretches come with accuracy_km_elsewhere, and accuracy_km is the worst stretch',
        path: ['accuracy_stretches'],
      },
    ),
  );
export type AdminProperties = z.infer<typeof propertiesSchema>;
