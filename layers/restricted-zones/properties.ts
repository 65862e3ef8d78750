import { z } from '../../src/schema/zod-mini.ts';
import { thematicPropertiesSchema } from '../../src/schema/feature.ts';
import { zoneKindSchema } from '../../src/schema/zone-kind.ts';
import { projectTypeSchema } from '../../src/schema/project-type.ts';

/** Restriction categories of the hand-drawn zones (the 1 km / 3 km Yellow River buffers are derived elsewhere). */
export const categories = {
  'capacity-control-zone': { zh: '产能严控区', en: 'Capacity control zone' },
  'industrial-park': { zh: '工业园区', en: 'Industrial park' },
  'key-control-area': { zh: '重点控制区', en: 'Key control area' },
  'mining-area': { zh: '矿区', en: 'Mining area' },
  'main-urban-district': { zh: '城市主城区', en: 'Main urban district' },
} as const;
export type RestrictionCategory = keyof typeof categories;

export const propertiesSchema = z.extend(thematicPropertiesSchema, {
  category: z.enum(Object.keys(categories) as [RestrictionCategory, ...RestrictionCategory[]]),
  /** Every restricted zone declares the zone kind that rules in seeds/ match on. */
  zone_kind: zoneKindSchema,
  /** Project types the cited lines restrict in this zone; empty where the text names no specific industry. */
  controlled_industries: z.array(projectTypeSchema),
  /** League (盟) or prefecture-level city id, lower-case hyphenated: ordos, wuhai, alxa ... */
  league: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
});
export type RestrictedZoneProperties = z.infer<typeof propertiesSchema>;
