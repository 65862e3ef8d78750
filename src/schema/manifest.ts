import { z } from './zod-mini.ts';
import { provenanceSchema } from './provenance.ts';

const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** One entry of public/data/manifest.json: the served file, its checksum and its paper trail. */
export const datasetEntrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  file: z.string().check(z.regex(/^[a-z0-9-]+\.fgb$/)),
  bytes: z.number().check(z.int(), z.positive()),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  featureCount: z.number().check(z.int(), z.nonnegative()),
  bbox: bboxSchema,
  provenance: provenanceSchema,
});
export type DatasetEntry = z.infer<typeof datasetEntrySchema>;

export const manifestSchema = z.object({
  generated: z.string(),
  /** Short hash of every dataset's checksum: reports quote it so that they can be reproduced. */
  version: z.string().check(z.regex(/^[0-9a-f]{12}$/)),
  datasets: z.array(datasetEntrySchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
