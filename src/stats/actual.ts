import { z } from '../schema/zod-mini.ts';

/**
 * A planner's reported value for a target. Its own module, so that the browser's store of reported values checks them
 * without loading the ledger's measuring (polygon clipping, geodesics) at start.
 */
export const actualSchema = z.object({
  targetId: z.string().check(z.minLength(1)),
  /** The reported figure in `unit`; null for a qualitative target, which takes `achieved` instead. */
  value: z.nullable(z.number()),
  achieved: z.nullable(z.boolean()),
  unit: z.string(),
  year: z.number().check(z.int(), z.gte(1949), z.lte(2100)),
  /** Where the figure comes from: a statistical bulletin, a later document, a URL or a citation. */
  source: z.string().check(z.trim(), z.minLength(2, 'give a source: a bulletin, a document, a URL or a citation')),
});
export type Actual = z.infer<typeof actualSchema>;
