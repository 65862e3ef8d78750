import type { Position } from 'geojson';
import { at, type SitePart } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';
import { positionsOf } from './geometry-walk.ts';

/** Inner Mongolia's extent, rounded out to whole degrees. */
const INNER_MONGOLIA = { west: 97, east: 127, south: 37, north: 54 };

export type PositionProblem = 'swapped' | 'projected' | 'out-of-range';

const inLongitudes = (value: number) => value >= INNER_MONGOLIA.west && value <= INNER_MONGOLIA.east;
const inLatitudes = (value: number) => value >= INNER_MONGOLIA.south && value <= INNER_MONGOLIA.north;
/**
 * Projected values: Gauss-Krüger and UTM in China (eastings from 10^5, with the zone prefix up to 4.6 x 10^7;
 * northings about 4 x 10^6) and local grids in metres, which no degree reaches.
 */
const looksLikeMetres = (value: number) => Math.abs(value) >= 1e3 && Math.abs(value) < 1e8;

/**
 * What is wrong with a longitude, latitude pair, if anything. A pair that reads as latitude, longitude for Inner
 * Mongolia always has a "latitude" above 90, so a swap is never mistaken for a valid position.
 */
export function positionProblem(longitude: number, latitude: number): PositionProblem | undefined {
  if (Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90) return undefined;
  if (inLatitudes(longitude) && inLongitudes(latitude)) return 'swapped';
  if (looksLikeMetres(longitude) && looksLikeMetres(latitude)) return 'projected';
  return 'out-of-range';
}

export function positionError(problem: PositionProblem, longitude: number, latitude: number, where: Bilingual): SiteInputError {
  const pair = `${longitude}, ${latitude}`;
  const messages: Record<PositionProblem, Bilingual> = {
    swapped: {
      en: `${pair} is not a valid longitude, latitude: it looks like latitude, longitude (Inner Mongolia lies at 37-54°N, 97-127°E); put longitude first`,
      zh: `${pair} 不是有效的“经度, 纬度”：看起来是“纬度, 经度”的顺序（内蒙古约在北纬37-54°、东经97-127°），请把经度放在前面`,
    },
    projected: {
      en: `${pair} look like projected metres, not degrees; for CGCS2000 Gauss-Krüger coordinates paste them as a boundary-point table (X northing, Y easting) with the Gauss-Krüger option, or supply the file's coordinate system (.prj)`,
      zh: `${pair} 看起来是投影坐标（米），不是经纬度；如为CGCS2000高斯-克吕格坐标，请按界址点坐标表（X北坐标、Y东坐标）粘贴并选择高斯-克吕格选项，或提供文件的坐标系（.prj）`,
    },
    'out-of-range': {
      en: `${pair} is out of range: longitude must be within -180..180 and latitude within -90..90`,
      zh: `${pair} 超出范围：经度应在-180至180之间，纬度应在-90至90之间`,
    },
  };
  return new SiteInputError(at(where, messages[problem]));
}

/**
 * Refuses the first impossible position of a file's parts. Files are never auto-swapped: their formats fix the axis
 * order, so a swapped file is wrong for every other tool too and should be corrected at its source.
 */
export function assertPlausible(parts: SitePart[]): void {
  for (const part of parts) {
    positionsOf(part.geometry).forEach(([longitude = NaN, latitude = NaN], index) => {
      const problem = positionProblem(longitude, latitude);
      if (problem) {
        throw positionError(problem, longitude, latitude, {
          en: `${part.where.en}, vertex ${index + 1}`,
          zh: `${part.where.zh}第${index + 1}个顶点`,
        });
      }
    });
  }
}

/** A note when a site is not wholly inside Inner Mongolia's extent: a likely sign of a wrong datum or typo. */
export function outsideRegionNote(positions: Position[]): Bilingual | undefined {
  const outside = positions.filter(([longitude = NaN, latitude = NaN]) => !inLongitudes(longitude) || !inLatitudes(latitude));
  if (outside.length === 0) return undefined;
  const share = outside.length === positions.length ? { en: 'lies', zh: '全部' } : { en: 'partly lies', zh: '部分' };
  return {
    en: `the site ${share.en} outside Inner Mongolia (97-127°E, 37-54°N); check the coordinates`,
    zh: `该场址${share.zh}位于内蒙古范围（东经97-127°、北纬37-54°）之外，请核对坐标`,
  };
}
