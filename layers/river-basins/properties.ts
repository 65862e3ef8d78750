import { z } from 'zod';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';

export const categories = {
  'river-basin': { zh: '流域（推算轮廓）', en: 'River basin (derived outline)' },
} as const;
type Category = keyof typeof categories;

/** Properties of the basin outlines of data/build/derive-river-basin.ts. `rivers` names the rivers (as the seeds'
 * river-buffer rules name them) whose rules apply within the basin. */
export const propertiesSchema = thematicPropertiesSchema.extend({
  category: z.enum(Object.keys(categories) as [Category, ...Category[]]),
  zone_kind: z.literal('river-basin'),
  river: z.string().min(1),
  rivers: z.array(z.string().min(1)).min(1),
  joined_rivers: z.number().int().positive(),
});
