import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema, unknown } from '../../src/schema/feature.ts';

/** Kinds of energy base the documents name; a feature's `category` equals its `kind`. */
export const categories = {
  wind: { zh: '风电基地', en: 'Wind power base' },
  solar: { zh: '光伏基地', en: 'Solar PV base' },
  'wind-solar': { zh: '风电光伏基地', en: 'Wind and solar base' },
  hydrogen: { zh: '绿氢生产基地', en: 'Green hydrogen base' },
  storage: { zh: '储能', en: 'Energy storage' },
} as const;
export type EnergyBaseKind = keyof typeof categories;

const kindSchema = z.enum(Object.keys(categories) as [EnergyBaseKind, ...EnergyBaseKind[]]);

/** League (盟) or prefecture-level city id, lower-case hyphenated: ordos, hinggan, baotou ... */
const leagueSchema = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));

export const propertiesSchema = z
  .extend(thematicPropertiesSchema, {
    category: kindSchema,
    kind: kindSchema,
    /** Capacity in MW, converted from the document's 万千瓦 (x 10); "unknown" where the document gives none. */
    capacity_mw: z.union([z.number().check(z.positive()), unknown]),
    capacity_year: z.union([z.number().check(z.int(), z.gte(1949), z.lte(2100)), unknown]),
    status: z.enum(['planned', 'under-construction', 'operating', 'unknown']),
    league: leagueSchema,
  })
  .check(z.refine((p) => p.category === p.kind, { message: 'category must equal kind', path: ['category'] }));
export type EnergyBaseProperties = z.infer<typeof propertiesSchema>;
