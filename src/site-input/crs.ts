import { centralMeridianOf, gaussKruger } from './gauss-kruger-zone.ts';
import { mapPositions } from './geometry-walk.ts';
import type { SitePart } from './site-input.ts';
import { type Message, SiteInputError } from './site-input-error.ts';
import { type TransverseMercator, unprojectTransverseMercator, WGS84 } from './transverse-mercator.ts';

/** The coordinate system a file declares. */
export interface SourceCrs {
  name: string;
  /** Turns the file's x, y into longitude, latitude; absent when the file is already in degrees. */
  projection?: TransverseMercator;
  notes: Message[];
}

export const WGS84_DEGREES: SourceCrs = { name: 'WGS 84', notes: [] };

const withZonePrefix = (zone: number, centralMeridian: number): TransverseMercator => ({
  ...gaussKruger(centralMeridian), falseEasting: zone * 1e6 + 500_000,
});

/**
 * The EPSG codes a Chinese site file is likely to carry: WGS 84 and CGCS2000 degrees, the four CGCS2000
 * Gauss-Krüger series (EPSG 4491-4554: 6° with and without zone prefix, 3° with and without) and WGS 84 UTM north.
 */
export function crsFromEpsg(code: number): SourceCrs {
  const name = `EPSG:${code}`;
  if (code === 4326 || code === 4490) return { name, notes: [] };
  const projected = (projection: TransverseMercator) => ({ name, projection, notes: [] });
  if (code >= 4491 && code <= 4501) return projected(withZonePrefix(code - 4478, centralMeridianOf(code - 4478, 6)));
  if (code >= 4502 && code <= 4512) return projected(gaussKruger(75 + 6 * (code - 4502)));
  if (code >= 4513 && code <= 4533) return projected(withZonePrefix(code - 4488, centralMeridianOf(code - 4488, 3)));
  if (code >= 4534 && code <= 4554) return projected(gaussKruger(75 + 3 * (code - 4534)));
  if (code >= 32601 && code <= 32660) {
    return projected({ ellipsoid: WGS84, centralMeridian: 6 * (code - 32600) - 183, scale: 0.9996, falseEasting: 500_000, falseNorthing: 0 });
  }
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

/** The parts in longitude, latitude. */
export function toDegrees(parts: SitePart[], crs: SourceCrs): SitePart[] {
  const { projection } = crs;
  if (!projection) return parts;
  return parts.map((part) => ({
    ...part,
    geometry: mapPositions(part.geometry, ([x = NaN, y = NaN]) => unprojectTransverseMercator(x, y, projection)),
  }));
}
