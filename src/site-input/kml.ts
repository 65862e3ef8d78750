import { kml } from '@tmcw/togeojson';
import type { Bilingual } from '../schema/bilingual.ts';
import { readGeometry } from './geojson-geometry.ts';
import { featureAt, type FileParts, nameIn, propertiesOf, type SitePart } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

const unreadable = (reason: string) =>
  new SiteInputError({
    en: `the KML is not well-formed XML (${reason}); export it again from Google Earth or the GIS`,
    zh: `KML不是格式正确的XML（${reason}）；请从谷歌地球或GIS软件重新导出`,
  });

/**
 * The XML document: the browser's own DOMParser in the atlas, @xmldom/xmldom in Node (the CLI, unit tests), loaded
 * only there. A DOCTYPE is refused before parsing: KML needs none, and its entity declarations are how an XML file
 * expands a few bytes into gigabytes or reads local files.
 */
async function parseXml(text: string): Promise<Document> {
  if (/<!DOCTYPE/i.test(text)) {
    throw new SiteInputError({
      en: 'the KML declares a DOCTYPE, which KML never needs and which can hide entity expansion; remove the <!DOCTYPE …> line',
      zh: 'KML中含有DOCTYPE声明：KML无需此声明，且可被用于实体扩展攻击；请删除<!DOCTYPE …>行',
    });
  }
  if (typeof DOMParser !== 'undefined') {
    const document = new DOMParser().parseFromString(text, 'text/xml');
    const error = document.getElementsByTagName('parsererror')[0];
    // Chromium wraps the parser's words in headings ("This page contains the following errors"); they are in a div.
    if (error) throw unreadable((error.querySelector('div') ?? error).textContent?.trim().split('\n')[0] ?? '');
    return document;
  }
  const { DOMParser: NodeParser } = await import('@xmldom/xmldom');
  let problem: string | undefined;
  const parser = new NodeParser({
    onError: (level, message, context) => {
      if (level === 'warning') return;
      const line = (context as { locator?: { lineNumber?: number } } | undefined)?.locator?.lineNumber;
      problem ??= line ? `line ${line}: ${message}` : message;
      throw new Error(problem);
    },
  });
  try {
    return parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (error) {
    throw unreadable(problem ?? (error instanceof Error ? error.message : String(error)));
  }
}

/** A KML tuple: longitude,latitude[,altitude]; KML separates tuples by white space only. */
const TUPLE = /^[-+]?[\d.]+(e[-+]?\d+)?,[-+]?[\d.]+(e[-+]?\d+)?(,[-+]?[\d.]+(e[-+]?\d+)?)?$/i;

/**
 * Refuses a <coordinates> element holding anything but tuples: togeojson skips what it cannot read, which would
 * quietly change the shape of the site.
 */
function assertTuples(document: Document): void {
  const elements = Array.from(document.getElementsByTagName('coordinates'));
  for (const [index, element] of elements.entries()) {
    // Some writers put spaces after the commas; a comma always joins the parts of one tuple.
    const tuples = (element.textContent ?? '')
      .trim()
      .replace(/\s*,\s*/g, ',')
      .split(/\s+/)
      .filter(Boolean);
    const bad = tuples.find((tuple) => !TUPLE.test(tuple));
    if (bad !== undefined) {
      throw new SiteInputError({
        en: `KML <coordinates> element ${index + 1}: "${bad.slice(0, 40)}" is not longitude,latitude[,altitude]`,
        zh: `KML第${index + 1}个<coordinates>元素：“${bad.slice(0, 40)}”不是“经度,纬度[,高程]”`,
      });
    }
  }
}

/** The Placemarks of a KML document, read by togeojson: points, lines, polygons and their MultiGeometry. */
export async function readKml(text: string): Promise<FileParts> {
  const document = await parseXml(text);
  assertTuples(document);
  const collection = kml(document);
  const notes: Bilingual[] = [];
  const without: number[] = [];
  const parts: SitePart[] = collection.features.flatMap((feature, index) => {
    if (!feature.geometry) {
      without.push(index + 1);
      return [];
    }
    const where = featureAt(index + 1, nameIn(feature.properties));
    return readGeometry(feature.geometry, where.en).map((geometry) => ({ geometry, where, properties: propertiesOf(feature.properties) }));
  });
  if (without.length > 0) {
    notes.push({
      en: `skipped placemarks without a point, line or polygon: ${without.join(', ')}`,
      zh: `跳过了不含点、线、面的地标：${without.join(', ')}`,
    });
  }
  if (parts.length === 0) {
    throw new SiteInputError({
      en: 'the KML has no Placemark with a Point, LineString or Polygon',
      zh: 'KML中没有包含点、线或面的地标（Placemark）',
    });
  }
  return { parts, notes };
}
