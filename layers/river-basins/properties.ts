import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';

export const categories = {
  'river-basin': { zh: '流域（推算轮廓）', en: 'River basin (derived outline)' },
} as const;
type Category = keyof typeof categories;

/** Properties of the basin outlines of data/build/derive-river-basin.ts. `rivers` names the rivers (as the seeds'
 * river-buffer rules name them) whose rules apply within the basin. */
export const propertiesSchema = z.extend(thematicPropertiesSchema, {
  category: z.enum(Object.keys(categories) as [Category, ...Category[]]),
  zone_kind: z.literal('river-basin'),
  river: z.string().check(z.minLength(1)),
  rivers: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  joined_rivers: z.number().check(z.int(), z.positive()),
});
