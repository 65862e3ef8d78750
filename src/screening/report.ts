import { z } from '../schema/zod-mini.ts';
import { bilingualSchema } from '../schema/bilingual.ts';
import { citationSchema } from '../schema/citation.ts';
import { projectTypeSchema } from '../schema/project-type.ts';
import { basisSchema } from './basis.ts';
import { verdictSchema } from './verdict.ts';

/** A figure as precise as the boundary allows: lowest and highest value the zone drawn ± its accuracy gives. */
const nonnegative = z.number().check(z.nonnegative());
const percent = z.number().check(z.gte(0), z.lte(100));
const rangeSchema = z.tuple([nonnegative, nonnegative]);

/**
 * Why a hit is less certain than its verdict reads: the zone is a sketch (illustrative, or no document defines
 * its extent), the site lies within the accuracy of the zone's drawn edge, or within the accuracy of the drawn
 * edge of the area whose document makes the rule (which side it falls decides whether the rule applies), or, for a
 * rule on enterprises outside parks, within the accuracy of a park's drawn edge (in the park the rule does not apply).
 */
export const doubtSchema = z.object({
  code: z.enum(['undefined-extent', 'illustrative-zone', 'jurisdiction-edge', 'park-edge', 'zone-edge']),
  /** The zone (or jurisdiction area) the doubt is about. */
  zoneId: z.string(),
  text: bilingualSchema,
});
export type Doubt = z.infer<typeof doubtSchema>;

/** The area whose document makes a league's or city's rule, and where the site stands to its drawn edge. */
export const jurisdictionSchema = z.object({
  id: z.string(),
  name: bilingualSchema,
  basis: basisSchema,
  accuracyKm: nonnegative,
  /** inside the drawn area, or outside it but within its accuracy. */
  standing: z.enum(['inside', 'near']),
  /** Geodesic km to the drawn edge, when within the accuracy. */
  edgeKm: z.optional(nonnegative),
});

/** The industrial park a site is in or near, for a rule that concerns enterprises outside parks. */
export const parkSchema = z.object({
  id: z.string(),
  name: bilingualSchema,
  basis: basisSchema,
  accuracyKm: nonnegative,
  position: z.enum(['inside', 'straddles', 'covers', 'near']),
  /** Geodesic km to the park's drawn edge, when within its accuracy. */
  edgeKm: z.optional(nonnegative),
});

/**
 * One rule met in one zone; a rule of the zone that the document expressly lifts for the project type (exemption);
 * or a zone met with no rule for the project type (ruleId null, verdict clear).
 */
export const hitSchema = z.object({
  zoneId: z.string(),
  layer: z.string(),
  name: bilingualSchema,
  zoneKind: z.string(),
  /** What the zone's outline rests on. */
  basis: basisSchema,
  accuracyKm: nonnegative,
  /** What this hit makes the project: review where the site is only near the zone or the rule's area. */
  verdict: verdictSchema,
  ruleId: z.nullable(z.string()),
  /** What the rule makes the project where it certainly applies; null for a zone with no rule. */
  ruleVerdict: z.nullable(verdictSchema),
  summary: z.nullable(bilingualSchema),
  cite: z.nullable(citationSchema),
  /** The document names this project type as outside the rule ("不含光伏玻璃"): the hit is clear, citing the rule. */
  exemption: z.optional(z.object({ note: z.string() })),
  /** inside the zone, straddling its edge, covering it whole, or near: outside but within its accuracy. */
  position: z.enum(['inside', 'straddles', 'covers', 'near']),
  /** Why the hit reads as it does where the rule's summary does not say (review, exemption, no rule). */
  reason: z.optional(bilingualSchema),
  /** Everything that makes the hit less certain than its verdict reads; empty when nothing does. */
  doubts: z.array(doubtSchema),
  /** doubts.length > 0, for readers that only need a flag. */
  uncertain: z.boolean(),
  jurisdiction: z.optional(jurisdictionSchema),
  /** For a rule on enterprises outside parks: the park the site is in or near. Wholly inside it, farther in than its
   * accuracy, the rule does not apply (verdict clear, with the reason); within that accuracy it reads review. */
  park: z.optional(parkSchema),
  /** Polygon sites: rounded to what the range allows; the range is the zone drawn ± its accuracy. */
  overlapHa: z.optional(nonnegative),
  overlapHaRange: z.optional(rangeSchema),
  shareOfSitePct: z.optional(percent),
  shareOfSiteRange: z.optional(rangeSchema),
  shareOfZonePct: z.optional(percent),
  /** Line sites, rounded the same way. */
  insideLengthKm: z.optional(nonnegative),
  insideLengthKmRange: z.optional(rangeSchema),
  /** Geodesic (WGS-84) km between the site and the zone's drawn edge, whose edges the data build keeps on their
   * geodesics (data/build/geodesic-edges.ts); given when within the zone's accuracy. */
  distanceKm: z.optional(nonnegative),
});
export type Hit = z.infer<typeof hitSchema>;

/** A rule of a document that applies where the site is but that the map cannot test, and why. */
export const untestableSchema = z.object({
  ruleId: z.string(),
  ruleVerdict: verdictSchema,
  summary: bilingualSchema,
  cite: citationSchema,
  /** The place the rule names. */
  where: bilingualSchema,
  reason: bilingualSchema,
});
export type Untestable = z.infer<typeof untestableSchema>;

/** The nearest zone of a kind that would restrict or prohibit this project type, when none is hit. */
export const nearestSchema = z.object({
  layer: z.string(),
  zoneKind: z.string(),
  zoneId: z.string(),
  name: bilingualSchema,
  verdict: verdictSchema,
  distanceKm: nonnegative,
});

export const warningSchema = z.object({
  code: z.enum(['outside-region', 'geometry-repaired']),
  text: bilingualSchema,
  zoneId: z.optional(z.string()),
});
export type Warning = z.infer<typeof warningSchema>;

/** The weakest thing the verdict rests on: a doubt, or the firmest hit's zone basis when nothing is in doubt. */
export const weakestSchema = z.object({
  zoneId: z.string(),
  basis: basisSchema,
  accuracyKm: nonnegative,
  doubt: z.optional(doubtSchema.shape.code),
  text: bilingualSchema,
});

export const reportSchema = z.object({
  verdict: verdictSchema,
  /** firm: a hit free of doubt gives the verdict and no doubtful hit could make it worse; uncertain otherwise. */
  certainty: z.enum(['firm', 'uncertain']),
  /** The verdict if every doubt fell against the site (the zone drawn is right, the site is inside every area). */
  worstCase: verdictSchema,
  /** The hit that decides the verdict, or null when no rule applies. */
  decisive: z.nullable(z.object({ zoneId: z.string(), ruleId: z.string() })),
  weakest: z.nullable(weakestSchema),
  /** One sentence: the verdict, the decisive rule and the weakest link. */
  conclusion: bilingualSchema,
  projectType: projectTypeSchema,
  site: z.object({
    kind: z.enum(['point', 'line', 'polygon']),
    areaHa: z.optional(z.number().check(z.positive())),
    lengthKm: z.optional(z.number().check(z.positive())),
    centroid: z.tuple([z.number(), z.number()]),
  }),
  hits: z.array(hitSchema),
  untestable: z.array(untestableSchema),
  nearest: z.array(nearestSchema),
  warnings: z.array(warningSchema),
  dataVersion: z.string(),
  engineVersion: z.string(),
});
export type Report = z.infer<typeof reportSchema>;
