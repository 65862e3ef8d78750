import { at } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';

export type Axis = 'longitude' | 'latitude';

/** One angle as written: decimal degrees or degrees-minutes-seconds, with the axis its hemisphere marker names. */
export interface Angle {
  degrees: number;
  axis?: Axis;
  text: string;
}

interface Marker {
  axis: Axis;
  negative: boolean;
}

const EAST: Marker = { axis: 'longitude', negative: false };
const WEST: Marker = { axis: 'longitude', negative: true };
const NORTH: Marker = { axis: 'latitude', negative: false };
const SOUTH: Marker = { axis: 'latitude', negative: true };

/** Hemisphere letters and words, 东经/北纬, and the axis names people paste with values ("lat: 39.2", "经度 109.5"). */
const MARKERS: Record<string, Marker> = {
  e: EAST,
  w: WEST,
  n: NORTH,
  s: SOUTH,
  东经: EAST,
  西经: WEST,
  北纬: NORTH,
  南纬: SOUTH,
  东: EAST,
  西: WEST,
  北: NORTH,
  南: SOUTH,
  经度: EAST,
  纬度: NORTH,
  longitude: EAST,
  long: EAST,
  lon: EAST,
  lng: EAST,
  latitude: NORTH,
  lat: NORTH,
};

const SEPARATOR = /[\s,，、:：()（）[\]]+/y;
const MARKER = /东经|西经|北纬|南纬|经度|纬度|[东西南北]|(?:longitude|latitude|long|lon|lng|lat|[ewns])(?![a-z])/iy;
/** 109.5 | 109.5° | 109°30' | 109°30'15.5" | 109度30分15.5秒 (also ′ ″, typographic quotes and '' for seconds). */
const NUMBER = /([+-]?)(\d+(?:\.\d+)?)(?:\s*[°º˚度](?:\s*(\d+(?:\.\d+)?)\s*['′’分](?:\s*(\d+(?:\.\d+)?)\s*(?:''|["″”秒]))?)?)?/y;

type Token = { marker: Marker; text: string } | { angle: Angle; negative: boolean };

function tokens(text: string, where: Bilingual): Token[] {
  const found: Token[] = [];
  let index = 0;
  const match = (pattern: RegExp) => {
    pattern.lastIndex = index;
    const result = pattern.exec(text);
    if (result) index = pattern.lastIndex;
    return result;
  };
  while (index < text.length) {
    if (match(SEPARATOR)) continue;
    const marker = match(MARKER);
    if (marker) {
      found.push({ marker: MARKERS[marker[0].toLowerCase()] ?? EAST, text: marker[0] });
      continue;
    }
    const number = match(NUMBER);
    if (number) {
      found.push({ angle: toAngle(number, where), negative: number[1] === '-' });
      continue;
    }
    const rest = text.slice(index, index + 12);
    throw new SiteInputError(
      at(where, {
        en: `cannot read "${rest}": expected numbers in degrees (109.5 or 109°30'15"), E/N/W/S or 东经/北纬`,
        zh: `无法识别“${rest}”：应为度数（如109.5或109°30'15"）、E/N/W/S或东经/北纬`,
      }),
    );
  }
  return found;
}

function toAngle([text, , whole = '', minutes, seconds]: RegExpExecArray, where: Bilingual): Angle {
  const invalid = (problem: Bilingual) => new SiteInputError(at(where, problem));
  if (minutes !== undefined && whole.includes('.')) {
    throw invalid({
      en: `"${text}" has decimal degrees and minutes; write whole degrees before minutes`,
      zh: `“${text}”的度带小数又有分，度应为整数`,
    });
  }
  if (seconds !== undefined && minutes?.includes('.')) {
    throw invalid({
      en: `"${text}" has decimal minutes and seconds; write whole minutes before seconds`,
      zh: `“${text}”的分带小数又有秒，分应为整数`,
    });
  }
  for (const [part, value] of [
    ['minutes', minutes],
    ['seconds', seconds],
  ] as const) {
    if (value !== undefined && Number(value) >= 60) {
      throw invalid({
        en: `"${text}": ${part} must be below 60, got ${value}`,
        zh: `“${text}”：${part === 'minutes' ? '分' : '秒'}应小于60，实为${value}`,
      });
    }
  }
  const degrees = Number(whole) + Number(minutes ?? 0) / 60 + Number(seconds ?? 0) / 3600;
  return { degrees: text.startsWith('-') ? -degrees : degrees, text: text.trim() };
}

/**
 * The angles in one line or cell, in order. Markers may come before the numbers ("E 109.5 N 39.2", "东经109.5")
 * or after them ("109.5E 39.2N"); which one is decided by whether the text starts with a marker, since a marker
 * between two numbers could otherwise belong to either.
 */
export function readAngles(text: string, where: Bilingual): Angle[] {
  const found = tokens(text, where);
  const markersFirst = found[0] !== undefined && 'marker' in found[0];
  const angles: Angle[] = [];
  found.forEach((token, index) => {
    if ('angle' in token) {
      angles.push(token.angle);
      return;
    }
    const target = found[markersFirst ? index + 1 : index - 1];
    if (!target || !('angle' in target)) {
      throw new SiteInputError(
        at(where, {
          en: `"${token.text}" is not next to a number`,
          zh: `“${token.text}”旁边没有数字`,
        }),
      );
    }
    if (token.marker.negative && target.negative) {
      throw new SiteInputError(
        at(where, {
          en: `"${target.angle.text}" has both a minus sign and "${token.text}"`,
          zh: `“${target.angle.text}”同时带有负号和“${token.text}”`,
        }),
      );
    }
    target.angle.axis = token.marker.axis;
    if (token.marker.negative) target.angle.degrees = -target.angle.degrees;
  });
  return angles;
}
