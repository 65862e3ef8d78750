import type { Database, SqlValue } from 'sql.js';
import { crsFromEpsg, crsFromPrj, loadProjections, type SourceCrs, toDegrees } from '../site-input/crs.ts';
import { readGeometry } from '../site-input/geojson-geometry.ts';
import { featureAt, type FileParts, nameIn, type SitePart } from '../site-input/site-input.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { geoPackageGeometry } from './wkb.ts';

/**
 * SQLite compiled to WebAssembly (sql.js), its .wasm inlined in the script so that it needs no file beside it and
 * works offline; fetched only when a GeoPackage is read.
 */
const loadSqlite = async () => (await import('sql.js/dist/sql-wasm-inline.js')).default();

const refused = (file: string, en: string, zh: string) => new SiteInputError({ en: `${file}: ${en}`, zh: `${file}：${zh}` });

/** The rows of a query as records (sql.js gives columns and value arrays). */
function rows(database: Database, sql: string, parameters: SqlValue[] = []): Record<string, SqlValue>[] {
  const [result] = database.exec(sql, parameters);
  return (result?.values ?? []).map((values) => Object.fromEntries(result!.columns.map((column, n) => [column, values[n] ?? null])));
}

/** The table's coordinate system: an EPSG code the site reader knows, else the WKT GeoPackage stores; none when undefined. */
function crsOf(database: Database, srsId: number): { crs: SourceCrs; name: string } | undefined {
  const [srs] = rows(
    database,
    'select organization, organization_coordsys_id as code, definition from gpkg_spatial_ref_sys where srs_id = ?',
    [srsId],
  );
  if (!srs || srsId <= 0 || srs['definition'] === 'undefined') return undefined;
  const code = Number(srs['code']);
  const name = String(srs['organization']).toUpperCase() === 'EPSG' ? `EPSG:${code}` : String(srs['definition']).slice(0, 60);
  if (name.startsWith('EPSG:')) {
    try {
      return { crs: crsFromEpsg(code), name };
    } catch {
      // Not one of the codes the site reader knows by number: its WKT below says what it is.
    }
  }
  return { crs: crsFromPrj(String(srs['definition'])), name };
}

/**
 * Reads the feature table of a GeoPackage (.gpkg, an SQLite file): each row's geometry blob (GeoPackage header and
 * well-known binary) and its other columns as attributes, the coordinates undone by the same proj4 conversion a
 * shapefile's .prj gets. A file with several feature tables gives its first, with a note naming the others. Throws
 * SiteInputError naming what is wrong.
 */
export async function readGeoPackage(file: string, bytes: Uint8Array): Promise<FileParts> {
  const sqlite = await loadSqlite();
  let database: Database;
  try {
    database = new sqlite.Database(bytes);
    database.exec('select 1 from sqlite_master limit 1');
  } catch {
    throw refused(
      file,
      'is not a GeoPackage (not an SQLite database); export the layer again as GeoPackage, shapefile or GeoJSON',
      '不是GeoPackage文件（不是SQLite数据库）；请重新导出为GeoPackage、shapefile或GeoJSON',
    );
  }
  try {
    let tables: Record<string, SqlValue>[];
    try {
      tables = rows(
        database,
        `select c.table_name as name, g.column_name as geometry, g.srs_id as srs from gpkg_contents c
        join gpkg_geometry_columns g on g.table_name = c.table_name where c.data_type = 'features' order by c.table_name`,
      );
    } catch {
      throw refused(
        file,
        'has no GeoPackage tables (gpkg_contents, gpkg_geometry_columns); it is an SQLite file but not a GeoPackage',
        '缺少GeoPackage表（gpkg_contents、gpkg_geometry_columns）；它是SQLite文件，但不是GeoPackage',
      );
    }
    const [table, ...others] = tables;
    if (!table) throw refused(file, 'holds no feature table; export the layer with its geometries', '不含要素表；请连同几何导出图层');
    const name = String(table['name']);
    const geometryColumn = String(table['geometry']);
    const notes =
      others.length === 0
        ? []
        : [
            {
              en: `${file} holds ${tables.length} feature tables; "${name}" was read (the others: ${others.map((other) => other['name']).join(', ')}); export each layer to its own file to import it`,
              zh: `${file}包含${tables.length}个要素表；已读取“${name}”（其余：${others.map((other) => other['name']).join('、')}）；如需导入其他图层，请分别导出为单独文件`,
            },
          ];
    const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
    const statement = database.prepare(`select * from ${quote(name)}`);
    const parts: SitePart[] = [];
    for (let index = 1; statement.step(); index++) {
      const row = statement.getAsObject();
      const blob = row[geometryColumn];
      const properties = Object.fromEntries(Object.entries(row).filter(([column]) => column !== geometryColumn && column !== 'fid'));
      if (!(blob instanceof Uint8Array)) continue;
      let geometry: ReturnType<typeof geoPackageGeometry>;
      try {
        geometry = geoPackageGeometry(blob);
      } catch (error) {
        throw refused(
          file,
          `table ${name}, row ${index}: ${(error as Error).message}`,
          `表${name}第${index}行：几何无法读取（${(error as Error).message}）`,
        );
      }
      if (!geometry) continue;
      const where = featureAt(index, nameIn(properties));
      for (const member of readGeometry(geometry, `row ${index}`)) parts.push({ geometry: member, where, properties });
    }
    statement.free();
    await loadProjections();
    const crs = crsOf(database, Number(table['srs']));
    return crs ? { parts: toDegrees(parts, crs.crs), notes: [...notes, ...crs.crs.notes], crs: crs.name } : { parts, notes };
  } finally {
    database.close();
  }
}
