/** The text side of the streamed CSV reader (csv-stream.ts): rows it cannot read from bytes are decoded and split here. */
import type { Bilingual } from '../schema/bilingual.ts';
import { positionProblem } from './position-check.ts';
import { rowAt } from './site-input.ts';

/** How many double quotes a text holds: a record is whole when its count is even (RFC 4180 doubles them inside). */
export function quoteCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/** Splits one CSV line; returns undefined when a quoted field runs on past its end (it holds a line break). */
export function splitLine(line: string, delimiter: string): string[] | undefined {
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let start = 0;
  while (start <= line.length) {
    if (line.charCodeAt(start) === 34) {
      let value = '';
      let from = start + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return undefined;
        value += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) === 34) {
          value += '"';
          from = quote + 2;
        } else {
          start = quote + 1;
          break;
        }
      }
      const next = line.indexOf(delimiter, start);
      fields.push(value + line.slice(start, next < 0 ? line.length : next));
      if (next < 0) break;
      start = next + 1;
    } else {
      const next = line.indexOf(delimiter, start);
      fields.push(line.slice(start, next < 0 ? line.length : next));
      if (next < 0) break;
      start = next + 1;
    }
  }
  return fields;
}

/** "row 3 (lon, lat)", built only when a message needs it: a million rows need a million places, seldom read. */
export class RowPlace implements Bilingual {
  constructor(
    private readonly row: number,
    private readonly columns: string[],
  ) {}
  get en(): string {
    return rowAt(this.row, this.columns).en;
  }
  get zh(): string {
    return rowAt(this.row, this.columns).zh;
  }
}

const plainDegrees = /^\s*[-+]?\d+(\.\d+)?\s*$/;

/** Decimal degrees in range, read straight; anything else is left to the one reader. */
export function plainPoint(longitude: string, latitude: string): [number, number] | undefined {
  if (!plainDegrees.test(longitude) || !plainDegrees.test(latitude)) return undefined;
  const point: [number, number] = [Number(longitude), Number(latitude)];
  return positionProblem(point[0], point[1]) ? undefined : point;
}

/** Comma, tab or semicolon: whichever the header uses most outside quotes. */
export function delimiterOf(header: string): string {
  const bare = header.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((delimiter) => [delimiter, bare.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
