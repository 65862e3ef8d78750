import type { Position } from 'geojson';
import type proj4Type from 'proj4';
import type { Bilingual } from '../schema/bilingual.ts';
import { mapPositions } from './geometry-walk.ts';
import type { SitePart } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

/** The coordinate system a file declares. */
export interface SourceCrs {
  name: string;
  /** Turns the file's x, y into longitude, latitude; absent when the file is already in degrees. */
  toDegrees?: (position: Position) => Position;
  notes: Bilingual[];
}

export const WGS84_DEGREES: SourceCrs = { name: 'WGS 84', notes: [] };

let proj4: typeof proj4Type | undefined;

/** Loads proj4 once, on the first file or record that may need a projection undone; later calls return at once. */
export async function loadProjections(): Promise<void> {
  proj4 ??= (await import('proj4')).default;
}

function projection(definition: string, name: string, notes: Bilingual[] = []): SourceCrs {
  if (!proj4) throw new Error('loadProjections() must finish before a projected coordinate system is read');
  const converter = proj4(definition, 'WGS84');
  return { name, toDegrees: (position) => converter.forward([position[0] ?? NaN, position[1] ?? NaN]), notes };
}

/** CGCS2000 (GB/T 2012 national geodetic system) Gauss-Krüger: scale 1 on the central meridian, 500 km false easting. */
export function gaussKrugerCrs(centralMeridian: number, falseEasting = 500_000): SourceCrs {
  return projection(
    `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +a=6378137 +rf=298.257222101 +units=m +no_defs`,
    `CGCS2000 Gauss-Krüger ${centralMeridian}°E`,
  );
}

/** 3° zone n is centred on 3n degrees east, 6° zone n on 6n - 3. */
export const centralMeridianOf = (zone: number, width: 3 | 6) => (width === 3 ? 3 * zone : 6 * zone - 3);

/**
 * The EPSG codes a Chinese site file is likely to carry: WGS 84 and CGCS2000 degrees, the four CGCS2000
 * Gauss-Krüger series (EPSG 4491-4554: 6° with and without zone prefix, 3° with and without) and WGS 84 UTM north.
 * Projected codes need loadProjections() first.
 */
export function crsFromEpsg(code: number): SourceCrs {
  const name = `EPSG:${code}`;
  if (code === 4326 || code === 4490) return { name, notes: [] };
  const prefixed = (zone: number, width: 3 | 6) => ({ ...gaussKrugerCrs(centralMeridianOf(zone, width), zone * 1e6 + 500_000), name });
  if (code >= 4491 && code <= 4501) return prefixed(code - 4478, 6);
  if (code >= 4502 && code <= 4512) return { ...gaussKrugerCrs(75 + 6 * (code - 4502)), name };
  if (code >= 4513 && code <= 4533) return prefixed(code - 4488, 3);
  if (code >= 4534 && code <= 4554) return { ...gaussKrugerCrs(75 + 3 * (code - 4534)), name };
  if (code >= 32601 && code <= 32660) return projection(`+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`, name);
  throw new SiteInputError({
    en: `coordinate system ${name} is not supported; save the file in EPSG:4326 (WGS 84), EPSG:4490 (CGCS2000) or a CGCS2000 Gauss-Krüger system`,
    zh: `不支持坐标系${name}；请另存为EPSG:4326（WGS 84）、EPSG:4490（CGCS2000）或CGCS2000高斯-克吕格坐标系`,
  });
}

/** A CRS name as GeoJSON writes it: "EPSG:4490", "urn:ogc:def:crs:EPSG::4527", ".../def/crs/EPSG/0/4326" or CRS84. */
export function crsFromName(name: string): SourceCrs {
  if (/CRS84$/i.test(name)) return WGS84_DEGREES;
  const code = /EPSG\D*(\d+)$/i.exec(name)?.[1];
  if (code) return crsFromEpsg(Number(code));
  throw new SiteInputError({
    en: `unknown coordinate system "${name}"; expected an EPSG code such as EPSG:4326`,
    zh: `无法识别坐标系“${name}”，应为EPSG代码，如EPSG:4326`,
  });
}

/** "Gauss_Kruger", "Gauss-Kruger", "gauss kruger" alike. */
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
/** Datums whose degrees match WGS-84 to within a few centimetres. */
const WGS84_LIKE = ['wgs84', 'wgs1984', 'worldgeodeticsystem1984', 'china2000', 'cgcs2000', 'chinageodeticcoordinatesystem2000'];
/** The older Chinese datums: no shift to CGCS2000 is built in (it depends on the region's published parameters). */
const OLD_CHINESE = ['xian1980', 'xian80', 'beijing1954', 'beijing54'];

function datumNotes(datum: string): Bilingual[] {
  const squashed = squash(datum);
  if (WGS84_LIKE.some((name) => squashed.includes(name))) return [];
  if (OLD_CHINESE.some((name) => squashed.includes(name))) {
    return [
      {
        en: `the .prj names the ${datum} datum; its coordinates were converted without a datum shift, so the position is approximate (Beijing 1954 or Xian 1980 can be off by tens of metres or more): check the site against the map, or save the file in CGCS2000`,
        zh: `.prj文件的基准为${datum}；坐标未做基准转换，位置为近似值（北京54或西安80坐标可能偏差数十米以上）：请对照地图核对，或将文件另存为CGCS2000坐标`,
      },
    ];
  }
  return [
    {
      en: `the .prj datum "${datum}" was not converted; the position may be off`,
      zh: `未转换.prj中的基准“${datum}”，位置可能有偏差`,
    },
  ];
}

/**
 * The coordinate system of a shapefile's .prj (OGC or ESRI WKT1, read by proj4): degrees, or any projection proj4
 * can undo. Needs loadProjections() first.
 */
export function crsFromPrj(text: string): SourceCrs {
  if (!proj4) throw new Error('loadProjections() must finish before a .prj is read');
  const name = /^\s*[A-Z_]+\[\s*"([^"]*)"/i.exec(text)?.[1] ?? '';
  const datum = /DATUM\[\s*"([^"]*)"/i.exec(text)?.[1] ?? name;
  let parsed: ReturnType<typeof proj4.Proj> | undefined;
  try {
    parsed = proj4.Proj(text);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.names.length === 0) {
    throw new SiteInputError({
      en: `the .prj file "${name || text.slice(0, 40)}" is not a coordinate system proj4 can read; save the file in WGS 84 or CGCS2000 degrees, or in a CGCS2000 Gauss-Krüger system`,
      zh: `无法识别.prj文件“${name || text.slice(0, 40)}”中的坐标系；请将文件另存为WGS 84或CGCS2000经纬度，或CGCS2000高斯-克吕格坐标系`,
    });
  }
  const notes = datumNotes(datum);
  if (parsed.names.includes('longlat')) return { name, notes };
  return projection(text, name, notes);
}

/** The parts in longitude, latitude. */
export function toDegrees(parts: SitePart[], crs: SourceCrs): SitePart[] {
  const { toDegrees: convert } = crs;
  if (!convert) return parts;
  return parts.map((part) => ({ ...part, geometry: mapPositions(part.geometry, convert) }));
}
