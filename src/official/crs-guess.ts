import type { Position } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import { centralMeridianOf } from '../site-input/crs.ts';
import { INNER_MONGOLIA_ZONES } from '../site-input/gauss-kruger-zone.ts';

/** What the coordinate ranges of a file without a declared system suggest, for the reviewer to confirm. */
export interface CrsGuess {
  /** The EPSG code to confirm; absent when the ranges fit several systems equally (then see candidates). */
  epsg?: number;
  /** The codes the reviewer should choose among, most likely first. */
  candidates: number[];
  why: Bilingual;
}

/** Eastings with the zone number in front: zone n spans n x 10^6 + (0..10^6). Northings of China: 2-6 x 10^6 m. */
const northings = (y: [number, number]) => y[0] >= 1e6 && y[1] <= 7e6;

/** EPSG codes of the CGCS2000 Gauss-Krüger systems (EPSG 4491-4554). */
export const gaussKrugerEpsg = {
  withZone: (zone: number, width: 3 | 6) => (width === 3 ? 4513 + zone - 25 : 4491 + zone - 13),
  withoutZone: (centralMeridian: number, width: 3 | 6) =>
    width === 3 ? 4534 + (centralMeridian - 75) / 3 : 4502 + (centralMeridian - 75) / 6,
};

/** Inner Mongolia's central meridians (3° zones 33-42, 6° zones 16-22), as no-zone-number EPSG codes. */
const regionWithoutZone = (width: 3 | 6) => {
  const [first, last] = INNER_MONGOLIA_ZONES[width];
  return Array.from({ length: last - first + 1 }, (_, n) => gaussKrugerEpsg.withoutZone(centralMeridianOf(first + n, width), width));
};

const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/**
 * A guess from the coordinates' ranges: degrees (CGCS2000, EPSG:4490, which matches WGS-84 to centimetres);
 * Gauss-Krüger eastings with the zone number in front (the number names the zone and, by GB/T 20257's numbering,
 * its width); Gauss-Krüger eastings without it (any central meridian fits, so the reviewer chooses). Positions are
 * x, y as the file stores them (easting first).
 */
export function guessCrs(positions: readonly Position[]): CrsGuess {
  const sample = positions.length > 20_000 ? positions.filter((_, index) => index % Math.ceil(positions.length / 20_000) === 0) : positions;
  const x = range(sample.map((position) => position[0] as number));
  const y = range(sample.map((position) => position[1] as number));
  const shown = `x ${x[0].toFixed(0)}–${x[1].toFixed(0)}, y ${y[0].toFixed(0)}–${y[1].toFixed(0)}`;
  if (x[0] >= -180 && x[1] <= 180 && y[0] >= -90 && y[1] <= 90) {
    return {
      epsg: 4490,
      candidates: [4490, 4326],
      why: {
        en: 'the coordinates are degrees: CGCS2000 (EPSG:4490), the same as WGS-84 to within centimetres',
        zh: '坐标为经纬度：CGCS2000（EPSG:4490），与WGS-84相差仅厘米级',
      },
    };
  }
  const zone = Math.floor(x[0] / 1e6);
  if (zone === Math.floor(x[1] / 1e6) && northings(y)) {
    const width = zone >= 25 && zone <= 45 ? 3 : zone >= 13 && zone <= 23 ? 6 : undefined;
    if (width) {
      const epsg = gaussKrugerEpsg.withZone(zone, width);
      return {
        epsg,
        candidates: [epsg],
        why: {
          en: `the eastings (${shown}) carry zone number ${zone} in front: CGCS2000 Gauss-Krüger ${width}° zone ${zone} (EPSG:${epsg})`,
          zh: `东坐标（${shown}）前带有带号${zone}：CGCS2000高斯-克吕格${width}度带第${zone}带（EPSG:${epsg}）`,
        },
      };
    }
  }
  if (x[0] >= 1e5 && x[1] <= 9e5 && northings(y)) {
    return {
      candidates: [...regionWithoutZone(3), ...regionWithoutZone(6)],
      why: {
        en: `the eastings (${shown}) have no zone number: CGCS2000 Gauss-Krüger without the zone in X; the coordinates cannot tell the central meridian, so choose it (Inner Mongolia: 3° zones 99°E-126°E, 6° zones 93°E-129°E)`,
        zh: `东坐标（${shown}）不带带号：为不带带号的CGCS2000高斯-克吕格坐标；坐标本身无法确定中央经线，请选择（内蒙古：3度带99°E-126°E，6度带93°E-129°E）`,
      },
    };
  }
  return {
    candidates: [],
    why: {
      en: `the coordinates (${shown}) match neither degrees nor CGCS2000 Gauss-Krüger metres`,
      zh: `坐标（${shown}）既不是经纬度，也不是CGCS2000高斯-克吕格坐标（米）`,
    },
  };
}
