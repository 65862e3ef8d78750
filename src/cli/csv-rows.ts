import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Splits one CSV line into fields: comma- or tab-separated, fields may be double-quoted ("" inside a quote
 * is a quote), as WKT with its commas must be. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const character = line[i] as string;
    if (quoted) {
      if (character === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === delimiter) {
      fields.push(field);
      field = '';
    } else field += character;
  }
  if (quoted) throw new Error('a quoted field is not closed on its line (fields may not span lines)');
  fields.push(field);
  return fields;
}

/** The rows of a CSV file, read line by line: the header's field names, then each row with its 1-based
 * number (counting data rows, not the header). Blank lines are skipped. */
export async function* csvRows(file: string): AsyncGenerator<{ header: string[]; row: number; fields: string[] }> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: string[] | undefined;
  let delimiter = ',';
  let row = 0;
  for await (const raw of lines) {
    const line = header ? raw : raw.replace(/^\uFEFF/, '');
    if (line.trim() === '') continue;
    if (!header) {
      delimiter = line.includes('\t') && !line.includes(',') ? '\t' : ',';
      header = splitCsvLine(line, delimiter).map((name) => name.trim());
      continue;
    }
    row++;
    yield { header, row, fields: splitCsvLine(line, delimiter) };
  }
}
