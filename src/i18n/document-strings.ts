import { panelStrings } from './panel-strings.ts';
import { strings, translator, type StringTable } from './strings.ts';

/** The document reader's and the citations' strings: they load with the reader and the panels that cite, not with
 * the first view. */
export const documentStrings = {
  openInDocument: { zh: '在原文中查看', en: 'Read in the document' },
  documentChoice: { zh: '文件', en: 'Document' },
  documentOutline: { zh: '目录', en: 'Outline' },
  documentSearch: { zh: '全文检索（五份文件）', en: 'Search all documents' },
  documentSearchButton: { zh: '检索', en: 'Search' },
  documentSearchHits: { zh: '共 {n} 处', en: '{n} found' },
  documentSearchNone: { zh: '五份文件中都没有这些字', en: 'No document has these words' },
  documentMissing: { zh: '没有这份文件：{doc}', en: 'No such document: {doc}' },
  documentLoading: { zh: '正在载入原文…', en: 'Loading the text…' },
  thisSentenceCites: { zh: '本句依据 →', en: 'This sentence →' },
  citesZone: { zh: '区域', en: 'Zone' },
  citesTarget: { zh: '目标', en: 'Target' },
  citesRule: { zh: '规定', en: 'Rule' },
  issuedBy: { zh: '发文机关', en: 'Issued by' },
} as const satisfies StringTable;

/** The first view's strings, those the panels share, and this panel's. */
export const t = translator({ ...strings, ...panelStrings, ...documentStrings });
