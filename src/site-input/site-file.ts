import type { Bilingual } from '../schema/bilingual.ts';
import { combineParts } from './combine-parts.ts';
import { finishSite } from './finish-site.ts';
import { fileTooLarge, SITE_LIMITS } from './limits.ts';
import { assertPlausible } from './position-check.ts';
import type { FileParts, SiteInput } from './site-input.ts';
import type { ShapefileLimits } from './shapefile-layout.ts';
import { SiteInputError } from './site-input-error.ts';
import { decodeText } from './text-decoding.ts';

const SUPPORTED = {
  en: 'GeoJSON (.geojson, .json), KML (.kml, .kmz), zipped shapefile (.zip), CSV (.csv) or FlatGeobuf (.fgb)',
  zh: 'GeoJSON（.geojson、.json）、KML（.kml、.kmz）、shapefile压缩包（.zip）、CSV（.csv）或FlatGeobuf（.fgb）',
};

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
/** A bare .shp starts with the big-endian file code 9994. */
const isShapefile = (bytes: Uint8Array) => bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a;
/** "fgb", version 3, "fgb", then a patch version: the FlatGeobuf file signature. */
const isFlatGeobuf = (bytes: Uint8Array) => [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62].every((byte, index) => bytes[index] === byte);
/** Control characters other than tab and line breaks (codes 9-13) mean a binary file such as a PDF or a spreadsheet. */
function isBinary(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 9 || (code > 13 && code < 32)) return true;
  }
  return false;
}
const extensionOf = (path: string) => /\.([^./]+)$/.exec(path.toLowerCase())?.[1] ?? '';
const stem = (path: string) => path.replace(/\.[^./]*$/, '').toLowerCase();
const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'];

/** A zipped shapefile (.shp, with its .shx, .dbf, .prj and .cpg when present) or a KMZ. */
async function readArchive(bytes: Uint8Array, notes: Bilingual[], options: ReadOptions): Promise<FileParts> {
  const { readZip } = await import('./zip-archive.ts');
  const wanted = (name: string) => !name.startsWith('__MACOSX/') && [...SHAPEFILE_PARTS, 'kml'].includes(extensionOf(name));
  const { entries, names } = readZip(bytes, wanted, options.limits?.inflatedBytes);
  const named = (extension: string) => [...entries.keys()].filter((name) => extensionOf(name) === extension);
  const shapefiles = named('shp');
  const [shp] = shapefiles;
  if (shapefiles.length > 1) {
    const list = shapefiles.join(', ');
    throw new SiteInputError({
      en: `the zip holds ${shapefiles.length} shapefiles (${list}); zip only the site's`,
      zh: `压缩包中有${shapefiles.length}个shapefile（${list}），请只打包场址的那个`,
    });
  }
  if (shp) {
    const sibling = (extension: string) => {
      const name = named(extension).find((entry) => stem(entry) === stem(shp));
      return name === undefined ? undefined : entries.get(name);
    };
    const text = (extension: string) => {
      const found = sibling(extension);
      return found && decodeText(found, notes);
    };
    const { readShapefile } = await import('./shapefile.ts');
    const cpg = options.encoding ?? text('cpg');
    const files = { shp: entries.get(shp) ?? new Uint8Array(), shx: sibling('shx'), dbf: sibling('dbf'), prj: text('prj'), cpg };
    return readShapefile(files, options.limits);
  }
  // A KMZ's main document is doc.kml by convention; other .kml entries are its linked resources.
  const kml = named('kml').find((name) => /(^|\/)doc\.kml$/i.test(name)) ?? named('kml')[0];
  if (kml) return (await import('./kml.ts')).readKml(decodeText(entries.get(kml) ?? new Uint8Array(), notes));
  const list = names.slice(0, 10).join(', ') || '—';
  throw new SiteInputError({
    en: `the zip holds no .shp or .kml file (found: ${list})`,
    zh: `压缩包中没有.shp或.kml文件（包含：${list}）`,
  });
}

/**
 * How a file is read when it is not one site: a zone layer has larger limits and may name the encoding of its
 * attribute table (a reviewer's choice after seeing garbled names).
 */
export interface ReadOptions {
  limits?: ShapefileLimits & { inflatedBytes: number };
  /** Overrides a shapefile's .cpg: "GBK" or "UTF-8". */
  encoding?: string;
}

/** The parts of a file of any format, each with its feature's attributes, as its format reader gives them. */
export async function readByFormat(name: string, bytes: Uint8Array, notes: Bilingual[], options: ReadOptions = {}): Promise<FileParts> {
  const extension = extensionOf(name);
  if (isZip(bytes)) return readArchive(bytes, notes, options);
  if (isFlatGeobuf(bytes)) return (await import('./flatgeobuf-file.ts')).readFlatGeobuf(bytes);
  if (isShapefile(bytes)) return (await import('./shapefile.ts')).readShapefile({ shp: bytes }, options.limits);
  if (['zip', 'kmz', 'shp', 'fgb'].includes(extension)) {
    throw new SiteInputError({
      en: `"${name}" is not a valid .${extension} file (its first bytes do not match)`,
      zh: `“${name}”不是有效的.${extension}文件（文件头不符）`,
    });
  }
  const text = decodeText(bytes, notes);
  if (isBinary(text)) {
    throw new SiteInputError({
      en: `"${name}" is a binary file of an unsupported kind; upload ${SUPPORTED.en}`,
      zh: `“${name}”是不支持的二进制文件；请上传${SUPPORTED.zh}`,
    });
  }
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || ['json', 'geojson'].includes(extension)) return (await import('./geojson.ts')).readGeoJson(text);
  if (first === '<' || extension === 'kml') return (await import('./kml.ts')).readKml(text);
  if (['csv', 'tsv', 'txt', ''].includes(extension)) return (await import('./csv-file.ts')).readCsv(text);
  throw new SiteInputError({
    en: `cannot tell the format of "${name}"; upload ${SUPPORTED.en}`,
    zh: `无法识别“${name}”的格式；请上传${SUPPORTED.zh}`,
  });
}

/**
 * A site from a whole file, in WGS-84. The format comes from the content (zip, FlatGeobuf and shapefile
 * signatures; JSON or XML text) and then the extension. Several features become one Multi- geometry.
 */
export async function readSiteFile(name: string, bytes: Uint8Array): Promise<SiteInput> {
  if (bytes.length === 0) throw new SiteInputError({ en: `"${name}" is empty`, zh: `“${name}”是空文件` });
  if (bytes.length > SITE_LIMITS.fileBytes) throw new SiteInputError(fileTooLarge(name, bytes.length));
  const notes: Bilingual[] = [];
  const read = await readByFormat(name, bytes, notes);
  notes.push(...read.notes);
  assertPlausible(read.parts);
  return finishSite(combineParts(read.parts, notes), notes);
}
