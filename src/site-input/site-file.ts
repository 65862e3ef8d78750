import { combineParts } from './combine-parts.ts';
import { WGS84_DEGREES, toDegrees } from './crs.ts';
import { readCsv } from './csv-file.ts';
import { finishSite } from './finish-site.ts';
import { isFlatGeobuf, readFlatGeobuf } from './flatgeobuf-file.ts';
import { readGeoJson } from './geojson.ts';
import { readKml } from './kml.ts';
import { assertPlausible } from './position-check.ts';
import { crsFromPrj } from './prj.ts';
import { readShapefile } from './shapefile.ts';
import type { FileParts, SiteInput } from './site-input.ts';
import { type Message, SiteInputError } from './site-input-error.ts';
import { decodeText } from './text-decoding.ts';
import { readZip, type ZipEntry } from './zip.ts';

/** The largest upload accepted: ample for a site boundary, small enough to parse in a browser tab. */
export const MAX_SITE_FILE_BYTES = 50 * 1024 * 1024;

const SUPPORTED = {
  en: 'GeoJSON (.geojson, .json), KML (.kml, .kmz), zipped shapefile (.zip), CSV (.csv) or FlatGeobuf (.fgb)',
  zh: 'GeoJSON（.geojson、.json）、KML（.kml、.kmz）、shapefile压缩包（.zip）、CSV（.csv）或FlatGeobuf（.fgb）',
};

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
/** A bare .shp starts with the big-endian file code 9994. */
const isShapefile = (bytes: Uint8Array) => bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a;
const stem = (path: string) => path.replace(/\.[^./]*$/, '').toLowerCase();

async function readEntry(entry: ZipEntry): Promise<Uint8Array> {
  if (entry.size > MAX_SITE_FILE_BYTES) {
    throw new SiteInputError({
      en: `${entry.name} unpacks to ${megabytes(entry.size)} MB, over the ${megabytes(MAX_SITE_FILE_BYTES)} MB limit`,
      zh: `${entry.name}解压后为${megabytes(entry.size)} MB，超过${megabytes(MAX_SITE_FILE_BYTES)} MB的上限`,
    });
  }
  return entry.read();
}

async function readShapefileWithPrj(shp: Uint8Array, prj: Uint8Array | undefined, notes: Message[]): Promise<FileParts> {
  const crs = prj ? crsFromPrj(decodeText(prj, notes)) : WGS84_DEGREES;
  if (!prj) {
    notes.push({ en: 'no .prj file: the coordinates were taken as WGS-84 degrees', zh: '没有.prj文件：坐标按WGS-84经纬度读取' });
  }
  return { parts: toDegrees(readShapefile(shp, notes), crs), notes: crs.notes };
}

/** A zipped shapefile (.shp with its .prj; .shx and .dbf are not needed for the geometry) or a KMZ. */
async function readArchive(bytes: Uint8Array, notes: Message[]): Promise<FileParts> {
  const entries = readZip(bytes).filter((entry) => !entry.name.endsWith('/') && !entry.name.startsWith('__MACOSX/'));
  const named = (extension: string) => entries.filter((entry) => entry.name.toLowerCase().endsWith(extension));
  const shapefiles = named('.shp');
  const [shp] = shapefiles;
  if (shapefiles.length > 1) {
    const list = shapefiles.map((entry) => entry.name).join(', ');
    throw new SiteInputError({ en: `the zip holds ${shapefiles.length} shapefiles (${list}); zip only the site's`, zh: `压缩包中有${shapefiles.length}个shapefile（${list}），请只打包场址的那个` });
  }
  if (shp) {
    const prj = named('.prj').find((entry) => stem(entry.name) === stem(shp.name));
    return readShapefileWithPrj(await readEntry(shp), prj && (await readEntry(prj)), notes);
  }
  // A KMZ's main document is doc.kml by convention; other .kml entries are its linked resources.
  const kml = named('.kml').find((entry) => /(^|\/)doc\.kml$/i.test(entry.name)) ?? named('.kml')[0];
  if (kml) return readKml(decodeText(await readEntry(kml), notes));
  const list = entries.map((entry) => entry.name).slice(0, 10).join(', ') || '—';
  throw new SiteInputError({ en: `the zip holds no .shp or .kml file (found: ${list})`, zh: `压缩包中没有.shp或.kml文件（包含：${list}）` });
}

async function readByFormat(name: string, bytes: Uint8Array, notes: Message[]): Promise<FileParts> {
  const extension = /\.([^./]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if (isZip(bytes)) return readArchive(bytes, notes);
  if (isFlatGeobuf(bytes)) return readFlatGeobuf(bytes);
  if (isShapefile(bytes)) return readShapefileWithPrj(bytes, undefined, notes);
  if (['zip', 'kmz', 'shp', 'fgb'].includes(extension)) {
    throw new SiteInputError({ en: `"${name}" is not a valid .${extension} file (its first bytes do not match)`, zh: `“${name}”不是有效的.${extension}文件（文件头不符）` });
  }
  const text = decodeText(bytes, notes);
  // Control characters other than tab and line breaks mean a binary file such as a PDF or a spreadsheet.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    throw new SiteInputError({ en: `"${name}" is a binary file of an unsupported kind; upload ${SUPPORTED.en}`, zh: `“${name}”是不支持的二进制文件；请上传${SUPPORTED.zh}` });
  }
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || ['json', 'geojson'].includes(extension)) return readGeoJson(text);
  if (first === '<' || extension === 'kml') return readKml(text);
  if (['csv', 'tsv', 'txt', ''].includes(extension)) return readCsv(text);
  throw new SiteInputError({ en: `cannot tell the format of "${name}"; upload ${SUPPORTED.en}`, zh: `无法识别“${name}”的格式；请上传${SUPPORTED.zh}` });
}

/**
 * A site from an uploaded file, in WGS-84. The format comes from the content (zip, FlatGeobuf and shapefile
 * signatures; JSON or XML text) and then the extension. Several features become one Multi- geometry.
 */
export async function parseSiteFile(name: string, bytes: Uint8Array): Promise<SiteInput> {
  if (bytes.length === 0) throw new SiteInputError({ en: `"${name}" is empty`, zh: `“${name}”是空文件` });
  if (bytes.length > MAX_SITE_FILE_BYTES) {
    throw new SiteInputError({
      en: `"${name}" is ${megabytes(bytes.length)} MB, over the ${megabytes(MAX_SITE_FILE_BYTES)} MB limit; a site boundary needs far less, so remove other layers or simplify it`,
      zh: `“${name}”为${megabytes(bytes.length)} MB，超过${megabytes(MAX_SITE_FILE_BYTES)} MB的上限；场址边界无需这么大，请删除其他图层或简化边界`,
    });
  }
  const notes: Message[] = [];
  const read = await readByFormat(name, bytes, notes);
  notes.push(...read.notes);
  assertPlausible(read.parts);
  return finishSite(combineParts(read.parts, notes), notes);
}
