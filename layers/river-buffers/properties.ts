import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';

export const categories = {
  'within-1km': { zh: '黄河干流岸线1公里内', en: 'Within 1 km of the Yellow River main stem' },
  'within-3km': { zh: '黄河干流沿岸3公里内', en: 'Within 3 km of the Yellow River main stem' },
} as const;
type Category = keyof typeof categories;

/** Properties of the zones the data build derives from the river line (data/build/derive-river-buffers.ts). */
export const propertiesSchema = z.extend(thematicPropertiesSchema, {
  category: z.enum(Object.keys(categories) as [Category, ...Category[]]),
  zone_kind: z.literal('river-buffer'),
  buffer_km: z.number().check(z.positive()),
  river: z.string().check(z.minLength(1)),
});
