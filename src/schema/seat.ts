import { z } from './zod-mini.ts';

/** Properties of a settlement point of data/base-seats and data/base-townships (data/build/extract-seats.ts). */
export const seatPropertiesSchema = z.strictObject({
  geonameid: z.number().check(z.int(), z.positive()),
  name_zh: z.string().check(z.regex(/\p{Script=Han}/u, 'a Chinese name')),
  name_en: z.string().check(z.regex(/^[\p{Script=Latin}0-9 '’()-]+$/u, 'a name in Latin letters')),
  /** Banner and county seats from zoom 6, township seats from zoom 8. */
  label_min_zoom: z.union([z.literal(6), z.literal(8)]),
  /** About 2 km; 3 km where GeoNames stores the position to whole arc-minutes. */
  accuracy_km: z.union([z.literal(2), z.literal(3)]),
});
export type SeatProperties = z.infer<typeof seatPropertiesSchema>;
