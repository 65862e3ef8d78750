import { z } from './zod-mini.ts';
import { accuracyClassSchema } from './feature.ts';

/** data/<dataset-id>/provenance.json: where a dataset came from, under which licence, and how good it is. */
export const provenanceSchema = z
  .object({
    title: z.object({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) }),
    publisher: z.string().check(z.minLength(1)),
    licence: z.string().check(z.minLength(1)),
    attribution: z.string().check(z.minLength(1)),
    version: z.optional(z.string().check(z.minLength(1))),
    asOf: z.optional(z.string().check(z.minLength(4))),
    method: z.string().check(z.minLength(1)),
    accuracy: z.object({ class: accuracyClassSchema, km: z.number().check(z.positive()), note: z.string().check(z.minLength(1)) }),
    sources: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  })
  .check(z.refine((p) => p.version !== undefined || p.asOf !== undefined, { message: 'give a version or an asOf date' }));
export type Provenance = z.infer<typeof provenanceSchema>;
