import gcoord, { type CRSTypes } from 'gcoord';
import type { Position } from 'geojson';
import { type Angle, readAngles } from './angle.ts';
import { loadProjections } from './crs.ts';
import { finishSite } from './finish-site.ts';
import { type GaussKrugerOptions, readGaussKrugerTable, type TableLine } from './gauss-kruger-table.ts';
import { positionError, positionProblem } from './position-check.ts';
import { at, lineAt, type SiteInput } from './site-input.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { SiteInputError } from './site-input-error.ts';
import { shapeOfVertices } from './vertices.ts';

export type Datum = 'wgs84' | 'gcj02' | 'bd09';

export interface CoordinateTextOptions extends GaussKrugerOptions {
  /** Where degrees were copied from: WGS-84 (GPS, Tianditu, Google Earth), GCJ-02 (Amap, Tencent) or BD-09 (Baidu). */
  datum: Datum;
  /** Read the points as a polygon even if the last point does not repeat the first. */
  asPolygon?: boolean;
}

interface Pair {
  position: [number, number];
  /** Whether a hemisphere marker fixed which value is which. */
  marked: boolean;
  line: number;
}

function pairUp(first: Angle, second: Angle, line: number): Pair {
  if (first.axis !== undefined && first.axis === second.axis) {
    throw new SiteInputError(
      at(lineAt(line), {
        en: `"${first.text}" and "${second.text}" are both marked as ${first.axis}`,
        zh: `“${first.text}”和“${second.text}”都标为${first.axis === 'longitude' ? '经度' : '纬度'}`,
      }),
    );
  }
  const firstIsLatitude = first.axis === 'latitude' || second.axis === 'longitude';
  const [longitude, latitude] = firstIsLatitude ? [second, first] : [first, second];
  return { position: [longitude.degrees, latitude.degrees], marked: first.axis !== undefined || second.axis !== undefined, line };
}

function readPairs(lines: TableLine[], notes: Bilingual[]): Pair[] {
  const headers: number[] = [];
  const pairs = lines.flatMap(({ text, line }) => {
    if (!/\d/.test(text)) {
      if (text.trim()) headers.push(line);
      return [];
    }
    // Several pairs may share a line, separated by semicolons or simply listed in order.
    const angles = text.split(/[;；]/).flatMap((segment) => readAngles(segment, lineAt(line)));
    if (angles.length % 2 === 1) {
      throw new SiteInputError(
        at(lineAt(line), {
          en: `found ${angles.length} number(s); expected longitude, latitude pairs`,
          zh: `找到${angles.length}个数，应为成对的经度、纬度`,
        }),
      );
    }
    return angles.flatMap((angle, index) => {
      const partner = angles[index + 1];
      return index % 2 === 0 && partner ? [pairUp(angle, partner, line)] : [];
    });
  });
  if (headers.length > 0)
    notes.push({ en: `skipped lines without numbers: ${headers.join(', ')}`, zh: `跳过了不含数字的行：${headers.join(', ')}` });
  return pairs;
}

/**
 * Pasted pairs are "longitude, latitude" unless marked. Pairs that can only be latitude, longitude are swapped when
 * every unmarked pair is like that (Google Maps and many spreadsheets copy latitude first), with a warning; a mix
 * of both orders is refused, since then no order can be trusted.
 */
function inLongitudeOrder(pairs: Pair[], notes: Bilingual[]): Position[] {
  const swapped = pairs.filter((pair) => !pair.marked && positionProblem(...pair.position) === 'swapped');
  const swapAll = swapped.length > 0 && swapped.length === pairs.filter((pair) => !pair.marked).length;
  if (swapAll) {
    notes.push({
      en: 'the pairs read as latitude, longitude (the order Google Maps copies); they were swapped to longitude, latitude',
      zh: '坐标按“纬度, 经度”顺序给出（如谷歌地图复制的格式），已调换为“经度, 纬度”',
    });
  }
  return pairs.map(({ position, marked, line }) => {
    const [longitude, latitude] = swapAll && !marked ? [position[1], position[0]] : position;
    const problem = positionProblem(longitude, latitude);
    if (problem) throw positionError(problem, longitude, latitude, lineAt(line));
    return [longitude, latitude];
  });
}

/**
 * Web maps in China shift WGS-84 on purpose: GCJ-02 (Amap, Tencent) by a few hundred metres, BD-09 (Baidu) again.
 * gcoord undoes both; its inverses are iterative and come back within about 0.1 m, far below a site's needs.
 */
const DATUMS: Record<Exclude<Datum, 'wgs84'>, { from: CRSTypes; note: Bilingual }> = {
  gcj02: {
    from: gcoord.GCJ02,
    note: { en: 'converted from GCJ-02 (Amap, Tencent) to WGS-84', zh: '已由GCJ-02（高德、腾讯）坐标转换为WGS-84' },
  },
  bd09: { from: gcoord.BD09, note: { en: 'converted from BD-09 (Baidu) to WGS-84', zh: '已由BD-09（百度）坐标转换为WGS-84' } },
};

/** Any number with 6 or more digits before the decimal point is metres, not degrees. */
const HAS_METRES = /(^|[^\d.])\d{6,}/;

/**
 * Coordinates pasted by a reviewer: decimal-degree or degrees-minutes-seconds pairs, one or more per line, or a
 * CGCS2000 Gauss-Krüger boundary-point table (recognised by its metre values). One point makes a Point, several a
 * LineString, and a closed list (or asPolygon) a Polygon.
 */
export async function readSiteText(text: string, options: CoordinateTextOptions): Promise<SiteInput> {
  if (HAS_METRES.test(text)) await loadProjections();
  return siteFromText(text, options);
}

/** readSiteText once proj4 is loaded (loadProjections), for callers that have already awaited it. */
export function siteFromText(text: string, options: CoordinateTextOptions): SiteInput {
  const lines = text.split(/\r\n|\r|\n/).map((line, index) => ({ text: line, line: index + 1 }));
  if (!text.trim()) throw new SiteInputError({ en: 'nothing was pasted', zh: '未粘贴任何内容' });
  const notes: Bilingual[] = [];
  let positions: Position[];
  if (HAS_METRES.test(text)) {
    positions = readGaussKrugerTable(lines, options, notes);
    if (options.datum !== 'wgs84') {
      notes.push({
        en: 'Gauss-Krüger tables are CGCS2000, not web-map coordinates; the web-map datum choice was ignored',
        zh: '高斯-克吕格坐标表为CGCS2000坐标，不是网络地图坐标，已忽略所选的网络地图坐标系',
      });
    }
  } else {
    positions = inLongitudeOrder(readPairs(lines, notes), notes);
    if (options.datum !== 'wgs84') {
      const { from, note } = DATUMS[options.datum];
      positions = positions.map((position) => gcoord.transform([position[0] ?? NaN, position[1] ?? NaN], from, gcoord.WGS84));
      notes.push(note);
    }
  }
  // Reviewers write a 界址点 table as a parcel's corners without repeating the first: three or more are an area.
  const table = HAS_METRES.test(text) && positions.length >= 3;
  return finishSite(shapeOfVertices(positions, (options.asPolygon ?? false) || table, notes), notes);
}
