import { z } from './zod-mini.ts';

/** Kinds of zone that rules in seeds/ refer to and that features in data/ declare in `zone_kind`.
 * A rule names either one zone by id or every zone of a kind; screening matches on this vocabulary. */
export const zoneKinds = [
  'ecological-red-line',
  'nature-reserve',
  'wetland',
  'lake-basin',
  'drinking-water-source',
  'sandy-land',
  'main-urban-district',
  'industrial-park',
  'capacity-control-zone',
  'key-control-area',
  'river-buffer',
  'river-basin',
  'region',
] as const;
export const zoneKindSchema = z.enum(zoneKinds);
export type ZoneKind = z.infer<typeof zoneKindSchema>;
