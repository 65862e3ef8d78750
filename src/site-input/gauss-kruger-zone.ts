import { at } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';

export type ZoneWidth = 3 | 6;

/** Zone numbers China uses (GB/T 20257): 6° zones 13-23 and 3° zones 25-45 never overlap, so a number names its width. */
const CHINA_ZONES: Record<ZoneWidth, [number, number]> = { 6: [13, 23], 3: [25, 45] };
/** Inner Mongolia (97-127°E) lies in 3° zones 33-42 and 6° zones 16-22. */
export const INNER_MONGOLIA_ZONES: Record<ZoneWidth, [number, number]> = { 6: [16, 22], 3: [33, 42] };

/** The width a Chinese zone number implies, or the caller's width checked against the number. */
export function zoneWidthOf(zone: number, width: ZoneWidth | undefined, where?: Bilingual): ZoneWidth {
  const fits = (candidate: ZoneWidth) => zone >= CHINA_ZONES[candidate][0] && zone <= CHINA_ZONES[candidate][1];
  const found = width ?? ([3, 6] as const).find(fits);
  if (found !== undefined && fits(found)) return found;
  const problem = {
    en: `zone ${zone} is not a Chinese ${width ? `${width}° ` : ''}Gauss-Krüger zone (6° zones are 13-23, 3° zones 25-45)`,
    zh: `${zone}带不是我国的${width ? `${width}度带` : '高斯-克吕格投影带'}（6度带为13-23带，3度带为25-45带）`,
  };
  throw new SiteInputError(where ? at(where, problem) : problem);
}
