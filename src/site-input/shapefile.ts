import { rewind } from '@turf/turf';
import { parseDbf, parseShp } from 'shpjs';
import type { Bilingual } from '../schema/bilingual.ts';
import { crsFromPrj, loadProjections, toDegrees, WGS84_DEGREES } from './crs.ts';
import { readGeometry } from './geojson-geometry.ts';
import { checkShapefileLayout, damagedShapefile, dbfIsWhole, type ShapefileLimits } from './shapefile-layout.ts';
import { SITE_LIMITS } from './limits.ts';
import { featureAt, type FileParts, nameIn, propertiesOf, type SitePart } from './site-input.ts';

/** The files of one shapefile; only the .shp is required for a site's geometry. */
export interface ShapefileFiles {
  shp: Uint8Array;
  shx?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/** .cpg files name code pages as Windows does ("936", "ANSI 936", "CP936"); TextDecoder knows GBK by name. */
function encodingOf(cpg: string): string | undefined {
  const label = cpg.trim().replace(/^(ANSI\s*|CP)/i, '');
  const known = /^(936|gb2312|gbk)$/i.test(label) ? 'gbk' : /^65001$/.test(label) ? 'utf-8' : label;
  try {
    return new TextDecoder(known).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The encoding of the attribute table: the .cpg's; without one (or with one TextDecoder does not know), UTF-8 when
 * the table is valid UTF-8, else GBK, the default of Chinese Windows GIS software, with a note either way.
 */
function dbfEncoding(dbf: Uint8Array, cpg: string | undefined, notes: Bilingual[]): string {
  const named = cpg === undefined ? undefined : encodingOf(cpg);
  if (named) return named;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf);
    return 'utf-8';
  } catch {
    const why =
      cpg === undefined
        ? { en: 'there is no .cpg file', zh: '没有.cpg文件' }
        : { en: `the .cpg names an unknown encoding "${cpg.trim()}"`, zh: `.cpg文件中的编码“${cpg.trim()}”无法识别` };
    notes.push({
      en: `${why.en} and the attribute table is not UTF-8, so it was read as GBK; if names look garbled, add a .cpg naming its encoding`,
      zh: `${why.zh}，且属性表不是UTF-8编码，已按GBK读取；如名称显示乱码，请添加注明编码的.cpg文件`,
    });
    return 'gbk';
  }
}

/** The attribute records of a .dbf, or none (with a note) when it is damaged. */
function attributes(dbf: Uint8Array, cpg: string | undefined, notes: Bilingual[]): Record<string, unknown>[] {
  try {
    if (dbfIsWhole(dbf)) return parseDbf(dbf, dbfEncoding(dbf, cpg, notes));
  } catch {
    // A table parsedbf cannot read is reported like a short one.
  }
  notes.push({ en: 'the .dbf attribute table is damaged; feature names were not read', zh: '.dbf属性表已损坏，未读取要素名称' });
  return [];
}

/**
 * A shapefile's features, read by shpjs, in longitude, latitude: the .prj undone by proj4 (WGS 84 degrees when
 * there is none, with a note), attribute names decoded for messages. A missing .shx or .dbf is noted, not refused.
 */
export async function readShapefile(files: ShapefileFiles, limits: ShapefileLimits = SITE_LIMITS): Promise<FileParts> {
  checkShapefileLayout(files.shp, limits);
  const notes: Bilingual[] = [];
  let crs = WGS84_DEGREES;
  if (files.prj === undefined) {
    notes.push({ en: 'no .prj file: the coordinates were taken as WGS-84 degrees', zh: '没有.prj文件：坐标按WGS-84经纬度读取' });
  } else {
    await loadProjections();
    crs = crsFromPrj(files.prj);
  }
  if (!files.shx) {
    notes.push({
      en: 'no .shx index file: the geometry was read from the .shp alone; include the .shx when sharing the file with other GIS software',
      zh: '没有.shx索引文件：已仅从.shp读取几何；与其他GIS软件交换时请附上.shx',
    });
  }
  const properties = files.dbf ? attributes(files.dbf, files.cpg, notes) : [];
  if (!files.dbf) notes.push({ en: 'no .dbf attribute table: feature names were not read', zh: '没有.dbf属性表：未读取要素名称' });
  let geometries: ReturnType<typeof parseShp>;
  try {
    geometries = parseShp(files.shp);
  } catch (error) {
    throw damagedShapefile(error instanceof Error ? error.message : String(error));
  }
  const parts: SitePart[] = [];
  let empty = 0;
  geometries.forEach((geometry, index) => {
    if (!geometry) {
      empty++;
      return;
    }
    const where = featureAt(index + 1, nameIn(properties[index]));
    // Shapefile outer rings run clockwise; GeoJSON's run counter-clockwise (RFC 7946, 3.1.6).
    parts.push(
      ...readGeometry(rewind(geometry), where.en).map((member) => ({
        geometry: member,
        where,
        properties: propertiesOf(properties[index]),
      })),
    );
  });
  if (empty > 0) notes.push({ en: `skipped ${empty} empty (null) record(s)`, zh: `跳过了${empty}条空记录` });
  return { parts: toDegrees(parts, crs), notes: [...crs.notes, ...notes], ...(files.prj === undefined ? {} : { crs: crs.name }) };
}
