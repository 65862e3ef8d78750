import { SiteInputError } from './site-input-error.ts';

export interface CsvRecord {
  fields: string[];
  /** The line the record starts on, counting from 1 (a quoted field may span lines). */
  line: number;
}

/** Comma, tab or semicolon: whichever the header line uses most outside quotes. */
function delimiterOf(text: string): string {
  const header = (text.split(/\r?\n/)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks. */
export function readCsvRecords(text: string): CsvRecord[] {
  const delimiter = delimiterOf(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quotedFrom: number | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quotedFrom !== undefined) {
      if (char === '"' && text[index + 1] === '"') { field += '"'; index++; }
      else if (char === '"') quotedFrom = undefined;
      else { field += char; if (char === '\n') line++; }
    } else if (char === '"' && field.trim() === '') {
      quotedFrom = line;
      field = '';
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      records.push({ fields: [...fields, field], line: recordLine });
      [fields, field] = [[], ''];
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quotedFrom !== undefined) {
    throw new SiteInputError({ en: `line ${quotedFrom}: a quoted field is never closed`, zh: `第${quotedFrom}行：引号内的字段没有闭合` });
  }
  if (fields.length > 0 || field !== '') records.push({ fields: [...fields, field], line: recordLine });
  return records.filter((record) => record.fields.some((value) => value.trim() !== ''));
}
