import { wktToGeoJSON } from 'betterknown';
import type { Position } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import { crsFromEpsg } from './crs.ts';
import { readGeometry } from './geojson-geometry.ts';
import type { SiteGeometry } from './site-input.ts';
import { at } from './site-input.ts';
import { placed, SiteInputError } from './site-input-error.ts';

/**
 * Well-known text and PostGIS's extended form ("SRID=4490;POINT (109.5 40.5)"), read by betterknown; an SRID other
 * than 4326 and 4490 is undone through crsFromEpsg (projected codes need loadProjections() first). Returns the
 * geometries (a GEOMETRYCOLLECTION gives several; "… EMPTY" none); `where` names the cell in errors.
 */
export function readWkt(text: string, where: Bilingual): SiteGeometry[] {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  let parsed: unknown;
  try {
    parsed = wktToGeoJSON(text.trim(), {
      emptyAsNull: true,
      proj: (from: string, _to: string, position: Position) => {
        const code = Number(/(\d+)$/.exec(from)?.[1]);
        return crsFromEpsg(code).toDegrees?.(position) ?? position;
      },
    });
  } catch (error) {
    if (error instanceof SiteInputError) throw new SiteInputError(at(where, error.text));
    const reason = error instanceof Error ? error.message : String(error);
    throw new SiteInputError(
      at(where, {
        en: `cannot read the WKT "${shown}" (${reason}); expected for example POLYGON ((109 40, 109.1 40, 109.1 40.1, 109 40)) or SRID=4490;POINT (109.5 40.5)`,
        zh: `无法读取WKT“${shown}”（${reason}）；应形如 POLYGON ((109 40, 109.1 40, 109.1 40.1, 109 40)) 或 SRID=4490;POINT (109.5 40.5)`,
      }),
    );
  }
  return parsed === null ? [] : placed(() => readGeometry(parsed, 'WKT'), where);
}
