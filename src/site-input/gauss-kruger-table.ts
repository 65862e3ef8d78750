import type { Position } from 'geojson';
import { centralMeridianOf, gaussKrugerCrs, type SourceCrs } from './crs.ts';
import { INNER_MONGOLIA_ZONES, zoneWidthOf, type ZoneWidth } from './gauss-kruger-zone.ts';
import { at, lineAt } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';

export interface GaussKrugerOptions {
  zoneWidth?: ZoneWidth;
  /** For eastings without the zone number prefix: the central meridian in degrees east… */
  centralMeridian?: number;
  /** …or the zone number (its width from zoneWidth, or implied by the number). */
  zone?: number;
}

export interface TableLine {
  text: string;
  line: number;
}

interface Row {
  line: number;
  northing: number;
  /** As written: with the zone prefix (37 512 345.678) or without (512 345.678). */
  easting: number;
}

/** A northing in China is 7 digits before the decimal point; an easting is 6, or 8 with a two-digit zone prefix. */
const isNorthing = (value: number) => value >= 1e6 && value < 1e7;
const isEasting = (value: number) => (value >= 1e5 && value < 1e6) || (value >= 1e7 && value < 1e8);
const METRES = /^[+-]?\d+(?:\.\d+)?$/;

function readRows(lines: TableLine[], notes: Bilingual[]): Row[] {
  const skipped: number[] = [];
  const rows = lines.flatMap(({ text, line }): (Row & { swapped: boolean })[] => {
    // Point names (J1, 1) and extra columns such as edge lengths are small; coordinates are at least 100 km.
    const large = text
      .split(/[\s,，;；]+/)
      .filter((token) => METRES.test(token))
      .map(Number)
      .filter((value) => Math.abs(value) >= 1e5);
    const [first, second] = large;
    if (first === undefined) {
      if (text.trim()) skipped.push(line);
      return [];
    }
    if (second === undefined || !((isNorthing(first) && isEasting(second)) || (isEasting(first) && isNorthing(second)))) {
      throw new SiteInputError(
        at(lineAt(line), {
          en: `expected X (northing, 7 digits before the decimal point) and Y (easting, 6 digits, or 8 with the zone number), got "${text.trim()}"`,
          zh: `应为X（北坐标，整数部分7位）和Y（东坐标，整数部分6位，带带号为8位），实为“${text.trim()}”`,
        }),
      );
    }
    const swapped = !isNorthing(first);
    return [{ line, northing: swapped ? second : first, easting: swapped ? first : second, swapped }];
  });
  if (skipped.length > 0) {
    const list = skipped.slice(0, 5).join(', ') + (skipped.length > 5 ? ', …' : '');
    notes.push({
      en: `skipped lines without coordinates (headers, edge lengths): ${list}`,
      zh: `跳过了不含坐标的行（表头、边长等）：${list}`,
    });
  }
  const firstRow = rows[0];
  if (!firstRow) throw new SiteInputError({ en: 'no X, Y coordinate rows found', zh: '未找到X、Y坐标行' });
  const odd = rows.find((row) => row.swapped !== firstRow.swapped);
  if (odd) {
    throw new SiteInputError(
      at(lineAt(odd.line), {
        en: `the columns are in the other order than on line ${firstRow.line} (X northing, Y easting expected)`,
        zh: `列的顺序与第${firstRow.line}行相反（应为X北坐标、Y东坐标）`,
      }),
    );
  }
  if (firstRow.swapped) {
    notes.push({
      en: 'the table lists Y (easting) before X (northing); the columns were swapped',
      zh: '表中Y（东坐标）在X（北坐标）之前，已交换两列',
    });
  }
  return rows;
}

/** The central meridian of a row: from its zone prefix, else from the caller's options. */
function centralMeridianFor(row: Row, options: GaussKrugerOptions): { centralMeridian: number; zone?: number; width?: ZoneWidth } {
  const where = lineAt(row.line);
  if (row.easting >= 1e7) {
    const zone = Math.floor(row.easting / 1e6);
    const width = zoneWidthOf(zone, options.zoneWidth, where);
    const centralMeridian = centralMeridianOf(zone, width);
    const chosen =
      options.centralMeridian ??
      (options.zone === undefined ? undefined : centralMeridianOf(options.zone, zoneWidthOf(options.zone, options.zoneWidth, where)));
    if (chosen !== undefined && chosen !== centralMeridian) {
      throw new SiteInputError(
        at(where, {
          en: `Y carries zone number ${zone} (central meridian ${centralMeridian}°E) but ${chosen}°E was chosen`,
          zh: `Y坐标带有带号${zone}（中央经线东经${centralMeridian}°），与所选的东经${chosen}°不符`,
        }),
      );
    }
    return { centralMeridian, zone, width };
  }
  if (options.centralMeridian !== undefined) return { centralMeridian: options.centralMeridian };
  if (options.zone !== undefined) {
    const width = zoneWidthOf(options.zone, options.zoneWidth, where);
    return { centralMeridian: centralMeridianOf(options.zone, width), zone: options.zone, width };
  }
  throw new SiteInputError(
    at(where, {
      en: 'Y has no zone number prefix (e.g. 37512345.678 in zone 37), so enter the central meridian (and the zone width, 3° or 6°)',
      zh: 'Y坐标没有带号前缀（如37带的37512345.678），请填写中央经线（并选择3度带或6度带）',
    }),
  );
}

/**
 * A CGCS2000 Gauss-Krüger boundary-point table (界址点坐标表): rows of point name, X (northing), Y (easting) in
 * metres, the surveying order used in China. Returns WGS-84 longitude, latitude (proj4 undoes the projection, so
 * loadProjections() must have finished); CGCS2000 and WGS-84 agree to a few centimetres, far below what a site
 * boundary needs.
 */
export function readGaussKrugerTable(lines: TableLine[], options: GaussKrugerOptions, notes: Bilingual[]): Position[] {
  const rows = readRows(lines, notes);
  const outsideZones = new Set<number>();
  const projections = new Map<number, SourceCrs>();
  const positions = rows.map((row) => {
    const { centralMeridian, zone, width } = centralMeridianFor(row, options);
    if (zone !== undefined && width !== undefined) {
      const [low, high] = INNER_MONGOLIA_ZONES[width];
      if (zone < low || zone > high) outsideZones.add(zone);
    }
    const easting = row.easting >= 1e7 ? row.easting % 1e6 : row.easting;
    const crs = projections.get(centralMeridian) ?? gaussKrugerCrs(centralMeridian);
    projections.set(centralMeridian, crs);
    return crs.toDegrees?.([easting, row.northing]) ?? [NaN, NaN];
  });
  if (outsideZones.size > 0) {
    const zones = [...outsideZones].join(', ');
    notes.push({
      en: `zone ${zones} is outside Inner Mongolia (3° zones 33-42, 6° zones 16-22); check the zone number`,
      zh: `${zones}带不在内蒙古范围内（3度带33-42带，6度带16-22带），请核对带号`,
    });
  }
  return positions;
}
