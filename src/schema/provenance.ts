import { z } from 'zod';
import { accuracyClassSchema } from './feature.ts';

/** data/<dataset-id>/provenance.json: where a dataset came from, under which licence, and how good it is. */
export const provenanceSchema = z
  .object({
    title: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    publisher: z.string().min(1),
    licence: z.string().min(1),
    attribution: z.string().min(1),
    version: z.string().min(1).optional(),
    asOf: z.string().min(4).optional(),
    method: z.string().min(1),
    accuracy: z.object({ class: accuracyClassSchema, km: z.number().positive(), note: z.string().min(1) }),
    sources: z.array(z.string().min(1)).min(1),
  })
  .refine((p) => p.version !== undefined || p.asOf !== undefined, { message: 'give a version or an asOf date' });
export type Provenance = z.infer<typeof provenanceSchema>;
