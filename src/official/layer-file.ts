import type { Bilingual } from '../schema/bilingual.ts';
import { type FileParts, readFeatureFile, type SitePart } from '../site-input/index.ts';
import { SiteInputError } from '../site-input/site-input-error.ts';
import { type CrsGuess, guessCrs } from './crs-guess.ts';
import { layerTooLarge, ZONE_LIMITS, type ZoneLimits } from './limits.ts';
import { findGarbled, type Garbled } from './mojibake.ts';

/** One feature of a layer file: its polygon parts as the file stores them, its attributes and its place in the file. */
export interface LayerFeature {
  parts: SitePart[];
  properties: Record<string, unknown>;
  where: Bilingual;
}

/** A layer file read and looked over, before the reviewer maps it: what the mapping form shows. */
export interface LayerFile {
  file: string;
  sha256: string;
  bytes: number;
  features: LayerFeature[];
  /** The coordinate system the file declares (.prj, GeoJSON crs, FlatGeobuf header); the parts are then degrees. */
  declaredCrs?: string;
  /** For a file that declares none: the guess from its coordinate ranges, for the reviewer to confirm. */
  guess?: CrsGuess;
  /** Attribute names of the features, in the order first met. */
  attributes: string[];
  /** Attribute values that read garbled, with the encoding that would read them right. */
  garbled?: Garbled;
  notes: Bilingual[];
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const kindOf = (part: SitePart) =>
  part.geometry.type.endsWith('Polygon') ? 'polygon' : part.geometry.type.endsWith('LineString') ? 'line' : 'point';

/** Zones are areas: a file that mixes in lines or points is refused with the counts, so none is silently dropped. */
function assertPolygons(file: string, parts: readonly SitePart[]): void {
  const counts = { polygon: 0, line: 0, point: 0 };
  for (const part of parts) counts[kindOf(part)]++;
  if (counts.line === 0 && counts.point === 0) return;
  const found = {
    en: `${counts.polygon} polygon, ${counts.line} line and ${counts.point} point part(s)`,
    zh: `${counts.polygon}个面、${counts.line}个线、${counts.point}个点`,
  };
  throw new SiteInputError(
    counts.polygon === 0
      ? {
          en: `${file} holds no polygons (${found.en}); a zone layer is areas: export the protected areas' boundaries as polygons`,
          zh: `${file}中没有面要素（${found.zh}）；区域图层应为面：请将保护区边界导出为面`,
        }
      : {
          en: `${file} mixes geometry types (${found.en}); a zone layer is areas: export the polygon features only (in QGIS, select by geometry type; with GDAL, ogr2ogr -nlt MULTIPOLYGON -where "OGR_GEOMETRY='POLYGON' OR OGR_GEOMETRY='MULTIPOLYGON'")`,
          zh: `${file}混有多种几何类型（${found.zh}）；区域图层应为面：请只导出面要素（QGIS中按几何类型选择；GDAL可用ogr2ogr -nlt MULTIPOLYGON并按几何类型筛选）`,
        },
  );
}

/** The parts grouped back into features: every reader gives the parts of one feature the same place object. */
function featuresOf(read: FileParts): LayerFeature[] {
  const byPlace = new Map<Bilingual, LayerFeature>();
  for (const part of read.parts) {
    const feature = byPlace.get(part.where);
    if (feature) feature.parts.push(part);
    else byPlace.set(part.where, { parts: [part], properties: part.properties ?? {}, where: part.where });
  }
  return [...byPlace.values()];
}

/**
 * Reads a zone layer file (zipped shapefile with .prj and .cpg, GeoJSON, FlatGeobuf, KML or KMZ) through the site
 * reader's multi-feature entry, with the zone limits, or a GeoPackage through SQLite (geopackage.ts), and looks it over: polygons only, attribute names, garbled
 * attribute text, and a coordinate-system guess when the file declares none. Throws SiteInputError.
 */
export async function readLayerFile(
  file: string,
  bytes: Uint8Array,
  encoding?: 'gbk' | 'utf-8',
  limits: ZoneLimits = ZONE_LIMITS,
): Promise<LayerFile> {
  if (bytes.length > limits.fileBytes) throw new SiteInputError(layerTooLarge(file, bytes.length));
  if (bytes.length === 0) throw new SiteInputError({ en: `"${file}" is empty`, zh: `“${file}”是空文件` });
  const read = /\.gpkg$/i.test(file)
    ? await (await import('./geopackage.ts')).readGeoPackage(file, bytes)
    : await readFeatureFile(file, bytes, { limits, ...(encoding ? { encoding } : {}) });
  // A layer with no .shx or .dbf is not a usable official layer: without the attributes no feature has a name or code.
  const missing = read.notes.find((note) => /^no \.(dbf|shx)/.test(note.en));
  if (missing) {
    throw new SiteInputError({
      en: `${file}: ${missing.en.split(':')[0]}; a zone layer needs the whole shapefile: zip the .shp, .shx, .dbf, .prj and .cpg files together`,
      zh: `${file}：${missing.zh.split('：')[0]}；区域图层需要完整的shapefile：请将.shp、.shx、.dbf、.prj和.cpg一起打包`,
    });
  }
  return lookOver(file, await sha256Hex(bytes), bytes.length, read, encoding);
}

/**
 * The checks and facts every layer gets, from a file or a database table: polygons only, features regrouped,
 * attribute names, garbled text (unless the reviewer chose the encoding), and a CRS guess when none is declared.
 */
export function lookOver(file: string, sha256: string, size: number, read: FileParts, encoding?: 'gbk' | 'utf-8'): LayerFile {
  assertPolygons(file, read.parts);
  const features = featuresOf(read);
  const attributes = [...new Set(features.slice(0, 1000).flatMap((feature) => Object.keys(feature.properties)))];
  const garbled = encoding ? undefined : findGarbled(features.map((feature) => feature.properties));
  const positions = read.crs === undefined ? read.parts.flatMap((part) => polygonPositions(part)) : [];
  return {
    file,
    sha256,
    bytes: size,
    features,
    attributes,
    notes: read.notes,
    ...(read.crs === undefined ? { guess: guessCrs(positions) } : { declaredCrs: read.crs }),
    ...(garbled ? { garbled } : {}),
  };
}

function polygonPositions(part: SitePart) {
  const { geometry } = part;
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  return [];
}
