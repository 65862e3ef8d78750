import { z } from './zod-mini.ts';
import { citationSchema } from './citation.ts';
import { zoneKindSchema } from './zone-kind.ts';

/** How a geometry was made; drives the dashed "not surveyed" styling (every method but open-data) and the accuracy note. */
export const geometryMethodSchema = z.enum(['open-data', 'derived', 'hand-drawn', 'illustrative', 'approximate-point']);
export type GeometryMethod = z.infer<typeof geometryMethodSchema>;

/** Accuracy classes of ../shared/geodata/README.md: A <= 1 km, B 1-3 km, C 3-10 km or schematic. */
export const accuracyClassSchema = z.enum(['A', 'B', 'C']);

/** Where a document gives no figure the data says so instead of inventing one. */
export const unknown = z.literal('unknown');

/** Properties every thematic feature carries, whatever its layer. */
export const thematicPropertiesSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lower-case words joined by hyphens')),
  name_zh: z.string().check(z.minLength(1)),
  name_en: z.string().check(z.minLength(1)),
  category: z.string().check(z.minLength(1)),
  citations: z.array(citationSchema).check(z.minLength(1, 'every feature cites at least one document line')),
  method: geometryMethodSchema,
  accuracy: accuracyClassSchema,
  accuracy_km: z.number().check(z.positive()),
  zone_kind: z.optional(zoneKindSchema),
  /** True where no document or official source defines the zone's extent (a vague area such as "乌海及周边地区" or a
   * city's "主城区"): the drawing is a guess, and screening must not read a hit on it as certain. */
  extent_undefined: z.optional(z.boolean()),
  note_zh: z.optional(z.string()),
  note_en: z.optional(z.string()),
});
export type ThematicProperties = z.infer<typeof thematicPropertiesSchema>;
