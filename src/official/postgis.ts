import pg from 'pg';
import type { Bilingual } from '../schema/bilingual.ts';
import { crsFromEpsg, crsFromPrj, loadProjections, toDegrees } from '../site-input/crs.ts';
import { readGeometry } from '../site-input/geojson-geometry.ts';
import { featureAt, type SitePart } from '../site-input/site-input.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { lookOver, sha256Hex } from './layer-file.ts';
import { type BuildOptions, buildOfficialLayer, type OfficialLayer } from './official-layer.ts';
import type { ZoneProfile } from './profile.ts';

const identifier = /^[\p{L}_][\p{L}\p{N}_$]*$/u;

/** "schema.table" or "table" (schema public), each part a plain SQL identifier. */
function tableName(name: string): { schema: string; table: string } {
  const parts = name.split('.');
  const [schema, table] = parts.length === 2 ? parts : ['public', parts[0]];
  if (parts.length > 2 || !schema || !table || !identifier.test(schema) || !identifier.test(table)) {
    throw new SiteInputError({
      en: `--zone-table "${name}" is not schema.table (letters, digits and _ only)`,
      zh: `--zone-table“${name}”不是“模式.表名”格式（仅限字母、数字和下划线）`,
    });
  }
  return { schema, table };
}

/** The password, if any, left out of a connection string shown in a message. */
const shown = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

const failed = (url: string, what: Bilingual, error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  return new SiteInputError({ en: `${shown(url)}: ${what.en} (${reason})`, zh: `${shown(url)}：${what.zh}（${reason}）` });
};

/**
 * An official layer from a PostGIS table, the form bureaus keep them in: the geometry column from geometry_columns,
 * every other column as attributes, the coordinates undone by the same proj4 conversion a file gets (EPSG code, or
 * the table SRID's WKT from spatial_ref_sys, with the Xian 1980 / Beijing 1954 warning), then mapped and checked as
 * an imported file is. Only reads: one SELECT on the table and two on PostGIS's catalogue views.
 */
export async function readPostgisLayer(url: string, name: string, profile: ZoneProfile, options: BuildOptions): Promise<OfficialLayer> {
  const { schema, table } = tableName(name);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw failed(url, { en: 'cannot connect to the database', zh: '无法连接数据库' }, error);
  }
  try {
    const columns = await client
      .query<{ column: string; srid: number }>(
        'select f_geometry_column as column, srid from geometry_columns where f_table_schema = $1 and f_table_name = $2',
        [schema, table],
      )
      .catch((error: unknown) => {
        throw failed(
          url,
          { en: 'the database has no PostGIS (geometry_columns cannot be read)', zh: '数据库未安装PostGIS（无法读取geometry_columns）' },
          error,
        );
      });
    const geometry = columns.rows[0];
    if (!geometry) {
      throw new SiteInputError({
        en: `${schema}.${table} has no geometry column (or does not exist) in ${shown(url)}; name a table that PostGIS lists in geometry_columns`,
        zh: `${shown(url)}中的${schema}.${table}没有几何列（或不存在）；请指定geometry_columns中列出的表`,
      });
    }
    const quoted = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`;
    const column = client.escapeIdentifier(geometry.column);
    const rows = await client.query<{ geometry: string | null; properties: Record<string, unknown> }>(
      `select ST_AsGeoJSON(${column}) as geometry, to_jsonb(t) - $1 as properties from ${quoted} as t order by ctid`,
      [geometry.column],
    );
    const srtext =
      geometry.srid > 0
        ? (await client.query<{ srtext: string }>('select srtext from spatial_ref_sys where srid = $1', [geometry.srid])).rows[0]?.srtext
        : undefined;
    await loadProjections();
    const crs = geometry.srid === 4326 || geometry.srid === 4490 ? crsFromEpsg(geometry.srid) : srtext ? crsFromPrj(srtext) : undefined;
    const parts: SitePart[] = rows.rows.flatMap((row, index) => {
      if (row.geometry === null) return [];
      const where = featureAt(index + 1);
      return readGeometry(JSON.parse(row.geometry), `row ${index + 1}`).map((member) => ({
        geometry: member,
        where,
        properties: row.properties,
      }));
    });
    const file = `${schema}.${table}`;
    const sha256 = await sha256Hex(new TextEncoder().encode(JSON.stringify(rows.rows)));
    const read = crs ? { parts: toDegrees(parts, crs), notes: crs.notes, crs: `EPSG:${geometry.srid}` } : { parts, notes: [] };
    return await buildOfficialLayer(lookOver(file, sha256, 0, read, profile.encoding), profile, options);
  } finally {
    await client.end();
  }
}
