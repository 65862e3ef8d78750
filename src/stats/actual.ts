import { z } from 'zod';

/**
 * A planner's reported value for a target. Its own module, so that the browser's store of reported values checks them
 * without loading the ledger's measuring (polygon clipping, geodesics) at start.
 */
export const actualSchema = z.object({
  targetId: z.string().min(1),
  /** The reported figure in `unit`; null for a qualitative target, which takes `achieved` instead. */
  value: z.number().finite().nullable(),
  achieved: z.boolean().nullable(),
  unit: z.string(),
  year: z.number().int().min(1949).max(2100),
  /** Where the figure comes from: a statistical bulletin, a later document, a URL or a citation. */
  source: z.string().trim().min(2, 'give a source: a bulletin, a document, a URL or a citation'),
});
export type Actual = z.infer<typeof actualSchema>;
