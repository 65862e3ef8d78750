/**
 * The streamed CSV reader: rows cut from the file's bytes. A row with no quote and no byte outside ASCII, whose
 * coordinates are plain decimal degrees in range, is read where it lies: its numbers parsed from the bytes and its id
 * copied as bytes, with no string made (decoding, splitting and a string per cell were most of the cost of a
 * million-row file). Every other row (the header, a quoted cell or a line break inside quotes, angles, WKT, a Chinese
 * id, coordinates out of range) is decoded and split as text (csv-text.ts) and goes to the one reader.
 */
import { CSV_MESSAGES, type CsvLayout, csvLayout } from './csv-columns.ts';
import { exactDecimal } from './exact-decimal.ts';
import { delimiterOf, plainPoint, quoteCount, RowPlace, splitLine } from './csv-text.ts';
import { positionProblem } from './position-check.ts';
import { type RecordBatch, RecordBatcher } from './record-batch.ts';
import { rowAt } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';
import { batchSize, type ByteSource, MAX_RECORD_BYTES, tooLong } from './stream-record.ts';

/** ASCII white space as JavaScript's trim() and \s read it: tab, line feed, vertical tab, form feed, carriage return, space. */
const isSpace = (byte: number) => byte === 32 || (byte >= 9 && byte <= 13);

/**
 * Plain decimal degrees (an optional sign, digits, optionally a point and digits, spaces around) parsed from bytes;
 * NaN for any other text, which the one reader then reads. The number is exactDecimal's, else Number()'s of the text.
 */
export function plainDegrees(bytes: Uint8Array, from: number, to: number): number {
  while (from < to && isSpace(bytes[from] as number)) from++;
  while (to > from && isSpace(bytes[to - 1] as number)) to--;
  let at = from;
  const negative = bytes[at] === 45;
  if (negative || bytes[at] === 43) at++;
  const integerFrom = at;
  let digits = 0;
  for (; at < to; at++) {
    const digit = (bytes[at] as number) - 48;
    if (digit < 0 || digit > 9) break;
    digits = digits * 10 + digit;
  }
  if (at === integerFrom) return Number.NaN;
  let decimals = 0;
  if (at < to) {
    if (bytes[at] !== 46 || at + 1 === to) return Number.NaN;
    for (at++; at < to; at++, decimals++) {
      const digit = (bytes[at] as number) - 48;
      if (digit < 0 || digit > 9) return Number.NaN;
      digits = digits * 10 + digit;
    }
  }
  const value = exactDecimal(digits, decimals, negative);
  return Number.isNaN(value) ? Number(String.fromCharCode(...bytes.subarray(from, to))) : value;
}

interface Header {
  delimiter: string;
  delimiterByte: number;
  layout: CsvLayout;
  /** The longitude, latitude and id columns (-1 when there is none: a WKT layout reads every row as text). */
  longitude: number;
  latitude: number;
  id: number;
}

function headerOf(fields: string[], delimiter: string, row: number): Header {
  const layout = csvLayout(
    fields.map((name) => name.trim()),
    row,
  );
  const [longitude, latitude] = layout.lonLat ?? [-1, -1];
  return { delimiter, delimiterByte: delimiter.charCodeAt(0), layout, longitude, latitude, id: layout.id };
}

/** Bytes of several chunks as one array (a line that runs over chunks). */
function joined(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** The reader's state between chunks: the header, a record still open inside quotes, and the batch being filled. */
class CsvBatches {
  header: Header | undefined;
  rows = 0;
  private pending = '';
  private pendingFrom = 0;
  private pendingQuotes = 0;
  readonly batcher: RecordBatcher;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(size: number) {
    this.batcher = new RecordBatcher(size);
  }

  /** Line `number`, bytes `from` to `to` of `bytes` (its line break not included). */
  line(bytes: Uint8Array, from: number, to: number, number: number, quoted: boolean): void {
    if (number === 1 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf) from += 3;
    if (to > from && bytes[to - 1] === 13) to--;
    if (this.pending || !this.header || quoted || !this.plainRow(bytes, from, to, number)) {
      this.textLine(this.decoder.decode(bytes.subarray(from, to)), number);
    }
  }

  /**
   * Reads a row of plain points from its bytes; false, having read nothing, when the row needs the text reader. A row
   * of only spaces and separators is skipped, as the text reader skips it.
   */
  private plainRow(bytes: Uint8Array, from: number, to: number, number: number): boolean {
    const { delimiterByte, longitude, latitude, id } = this.header as Header;
    if (longitude < 0) return false;
    let field = 0;
    let fieldFrom = from;
    let blank = true;
    let longitudeFrom = -1;
    let longitudeTo = -1;
    let latitudeFrom = -1;
    let latitudeTo = -1;
    let idFrom = -1;
    let idTo = -1;
    for (let at = from; at <= to; at++) {
      const byte = at < to ? (bytes[at] as number) : delimiterByte;
      if (byte === delimiterByte) {
        if (field === longitude) [longitudeFrom, longitudeTo] = [fieldFrom, at];
        if (field === latitude) [latitudeFrom, latitudeTo] = [fieldFrom, at];
        if (field === id) [idFrom, idTo] = [fieldFrom, at];
        field++;
        fieldFrom = at + 1;
      } else if (byte > 127) return false;
      else if (blank && !isSpace(byte) && byte !== 44 && byte !== 59) blank = false;
    }
    if (blank) return true;
    if (longitudeFrom < 0 || latitudeFrom < 0) return false;
    const x = plainDegrees(bytes, longitudeFrom, longitudeTo);
    const y = plainDegrees(bytes, latitudeFrom, latitudeTo);
    if (Number.isNaN(x) || Number.isNaN(y) || positionProblem(x, y)) return false;
    this.rows++;
    const { batcher } = this;
    batcher.point(x, y, number);
    while (idTo > idFrom && isSpace(bytes[idFrom] as number)) idFrom++;
    while (idTo > idFrom && isSpace(bytes[idTo - 1] as number)) idTo--;
    if (idTo > idFrom) batcher.idWriter.copy(bytes, idFrom, idTo);
    else batcher.idWriter.text(String(number));
    return true;
  }

  /** A line read as text: the header, a row for the one reader, or a line of a record whose quotes hold line breaks. */
  private textLine(line: string, number: number): void {
    if (this.pending) {
      this.pending = `${this.pending}\n${line}`;
      this.pendingQuotes += quoteCount(line);
      if (this.pending.length > MAX_RECORD_BYTES) throw tooLong(rowAt(this.pendingFrom));
      if (this.pendingQuotes % 2 === 1) return;
    }
    const text = this.pending || line;
    const from = this.pending ? this.pendingFrom : number;
    if (!this.header && text.trim() === '') return;
    const delimiter = this.header?.delimiter ?? delimiterOf(text);
    const fields = splitLine(text, delimiter);
    if (!fields) {
      [this.pending, this.pendingFrom, this.pendingQuotes] = [text, from, quoteCount(text)];
      return;
    }
    this.pending = '';
    if (!this.header) {
      this.header = headerOf(fields, delimiter, from);
      return;
    }
    if (!/[^\s,;\t"]/.test(text)) return;
    this.rows++;
    const { layout } = this.header;
    const id = layout.id >= 0 ? fields[layout.id]?.trim() : undefined;
    const record = layout.record(fields);
    const point = record.kind === 'lonLat' ? plainPoint(record.longitude, record.latitude) : undefined;
    this.batcher.record({ where: new RowPlace(from, layout.columns), id: id || String(from), record, ...(point ? { point } : {}) }, from);
  }

  /** The batch read so far; the next starts empty. */
  batch(): RecordBatch {
    const columns = this.header?.layout.columns ?? [];
    return this.batcher.done((row) => rowAt(row, columns));
  }

  /** Throws what an unfinished file lacks: a quote's close, a header, a row. */
  finish(): void {
    if (this.pending) throw new SiteInputError(CSV_MESSAGES.unclosedQuote(this.pendingFrom));
    if (!this.header) throw new SiteInputError(CSV_MESSAGES.noRows);
    if (this.rows === 0) throw new SiteInputError(CSV_MESSAGES.headerOnly);
  }
}

/**
 * CSV records in batches of `size`: one site per row (a lon/lat point, or a WKT geometry). Quoted fields may hold
 * line breaks. Only a chunk that ends a line is searched for its breaks, so a long line costs its length once.
 */
export async function* csvBatches(bytes: ByteSource, size = batchSize): AsyncGenerator<RecordBatch> {
  const reader = new CsvBatches(size);
  // One array, emptied and refilled: a new empty literal and a new one-chunk array differ in V8's map, and spreading
  // either deoptimised this loop at the first line over two chunks (trace-deopt: wrong map), which TurboFan then
  // compiled again (some 20 ms when measured, of a compiler thread; the screen command now compiles on this thread).
  const carried: Uint8Array[] = [];
  let carriedLength = 0;
  let number = 0;
  for await (const chunk of bytes) {
    if (chunk.indexOf(10) < 0) {
      carried.push(chunk);
      carriedLength += chunk.length;
      if (carriedLength > MAX_RECORD_BYTES) throw tooLong(rowAt(number + 1));
      continue;
    }
    let buffer = chunk;
    if (carried.length > 0) {
      carried.push(chunk);
      buffer = joined(carried, carriedLength + chunk.length);
    }
    let from = 0;
    // The next quote, looked for again only once passed: one search per quote, not one per line.
    let quote = buffer.indexOf(34);
    for (let end = buffer.indexOf(10); end >= 0; end = buffer.indexOf(10, from)) {
      if (quote >= 0 && quote < from) quote = buffer.indexOf(34, from);
      reader.line(buffer, from, end, ++number, quote >= 0 && quote < end);
      from = end + 1;
      if (reader.batcher.count >= size) yield reader.batch();
    }
    carried.length = 0;
    if (from < buffer.length) carried.push(buffer.subarray(from));
    carriedLength = buffer.length - from;
  }
  if (carriedLength > 0) {
    const rest = joined(carried, carriedLength);
    reader.line(rest, 0, rest.length, ++number, rest.includes(34));
  }
  if (reader.batcher.count > 0) yield reader.batch();
  reader.finish();
}
