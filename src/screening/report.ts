import { z } from 'zod';
import { citationSchema } from '../schema/citation.ts';
import { projectTypeSchema } from '../schema/project-type.ts';
import { verdictSchema } from './verdict.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** One rule met in one zone (or a zone met with no rule for the project type: ruleId null, verdict clear). */
export const hitSchema = z.object({
  zoneId: z.string(),
  layer: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  zoneKind: z.string(),
  verdict: verdictSchema,
  ruleId: z.string().nullable(),
  summary: bilingual.nullable(),
  cite: citationSchema.nullable(),
  /** inside the zone, straddling its edge, covering it whole, or near: outside but within its accuracy. */
  position: z.enum(['inside', 'straddles', 'covers', 'near']),
  /** Why the hit reads as it does, where the rule's summary does not say: in English and in Chinese. */
  note: z.string().optional(),
  noteZh: z.string().optional(),
  overlapHa: z.number().nonnegative().optional(),
  shareOfSitePct: z.number().min(0).max(100).optional(),
  shareOfZonePct: z.number().min(0).max(100).optional(),
  insideLengthKm: z.number().nonnegative().optional(),
  /** Geodesic km between the site and the zone's drawn edge; given when within the zone's accuracy. */
  distanceKm: z.number().nonnegative().optional(),
  accuracyKm: z.number().nonnegative(),
  /** The site lies within accuracyKm of the drawn edge: the official boundary decides. */
  uncertain: z.boolean(),
});
export type Hit = z.infer<typeof hitSchema>;

/** The nearest zone of a kind that would restrict or prohibit this project type, when none is hit. */
export const nearestSchema = z.object({
  layer: z.string(),
  zoneKind: z.string(),
  zoneId: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  verdict: verdictSchema,
  distanceKm: z.number().nonnegative(),
});

export const warningSchema = z.object({
  code: z.enum(['outside-region', 'boundary-uncertain', 'not-testable', 'geometry-repaired']),
  message: z.string(),
  messageZh: z.string(),
  zoneId: z.string().optional(),
  ruleId: z.string().optional(),
});
export type Warning = z.infer<typeof warningSchema>;

export const reportSchema = z.object({
  verdict: verdictSchema,
  projectType: projectTypeSchema,
  site: z.object({
    kind: z.enum(['point', 'line', 'polygon']),
    areaHa: z.number().positive().optional(),
    lengthKm: z.number().positive().optional(),
    centroid: z.tuple([z.number(), z.number()]),
  }),
  hits: z.array(hitSchema),
  nearest: z.array(nearestSchema),
  warnings: z.array(warningSchema),
  dataVersion: z.string(),
  engineVersion: z.string(),
});
export type Report = z.infer<typeof reportSchema>;
