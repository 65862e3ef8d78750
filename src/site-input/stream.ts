/**
 * The streaming entry of the site readers, for files of any size (the CLI): CSV, GeoJSON, GeoJSON Lines and
 * FlatGeobuf, read chunk by chunk and yielded as batches of records, one record per site. Every record then goes
 * through the same check and repair as an uploaded site (siteOfRecord), so the messages are the atlas's.
 *
 * The splitters are written here rather than taken from papaparse or a streaming JSON parser: CSV rows are cut from
 * the bytes (csv-stream.ts) and JSON from the decoded chunk with indexOf and slice (no per-row promise, no string
 * built a character at a time), which is the cost that dominates a million-row file, and they bound every record's
 * length.
 */
import { Buffer, isAscii } from 'node:buffer';
import { flatGeobufFeatureBatches, NotFlatGeobufError } from '../data/flatgeobuf.ts';
import { propertiesOf } from '../data/flatgeobuf-id.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import { csvBatches } from './csv-stream.ts';
import { positionProblem } from './position-check.ts';
import { type PlainFeature, plainFeature, plainFeatureAt } from './plain-feature.ts';
import { type RecordBatch, RecordBatcher, unpackedRecords } from './record-batch.ts';
import { featureAt, rowAt } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';
import { batchSize, type ByteSource, MAX_RECORD_BYTES, type StreamedRecord, tooLong } from './stream-record.ts';
import type { StreamFormat } from './stream-format.ts';

export { type ByteSource, MAX_RECORD_BYTES, type StreamedRecord } from './stream-record.ts';

/**
 * Text of a byte stream, decoded as UTF-8 (a byte-order mark dropped), in chunks. While every chunk so far was ASCII,
 * the decoder holds no character cut in two and no mark, and an ASCII chunk's text is its bytes read as Latin-1: a
 * million GeoJSON points (106 MB) took 24 ms that way, checked (simdutf) and copied, against 105 ms through the decoder.
 */
async function* textChunks(bytes: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let ascii = true;
  for await (const chunk of bytes) {
    if (ascii && isAscii(chunk)) {
      if (chunk.length > 0) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
      continue;
    }
    ascii = false;
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const idOf = (feature: Record<string, unknown>, number: number): string => {
  const properties = (feature['properties'] ?? {}) as Record<string, unknown>;
  const id = feature['id'] ?? properties['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : String(number);
};

/**
 * A GeoJSON Point of two coordinates in range, in degrees: what the one reader would make of it (a point needs no
 * repair, and its checks are the range checked here), without its walk over parts and shapes.
 */
function plainGeometryPoint(geometry: unknown): [number, number] | undefined {
  const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  if (type !== 'Point' || !Array.isArray(coordinates) || coordinates.length !== 2) return undefined;
  const [x, y] = coordinates as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || positionProblem(x, y)) return undefined;
  return [x, y];
}

/** A Feature or a bare geometry as a record. */
function featureRecord(value: unknown, where: Bilingual, number: number): StreamedRecord {
  const object = (value ?? {}) as Record<string, unknown>;
  if (object['type'] === 'Feature') {
    const properties = (object['properties'] ?? {}) as Record<string, unknown>;
    const point = plainGeometryPoint(object['geometry']);
    return {
      where,
      id: idOf(object, number),
      record: { kind: 'geometry', geometry: object['geometry'] },
      properties,
      ...(point ? { point } : {}),
    };
  }
  const point = plainGeometryPoint(value);
  return { where, id: String(number), record: { kind: 'geometry', geometry: value }, ...(point ? { point } : {}) };
}

const parseJson = (text: string, where: Bilingual): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    throw new SiteInputError({ en: `${where.en}: not valid JSON (${reason})`, zh: `${where.zh}：不是有效的JSON（${reason}）` });
  }
};

/**
 * A feature's text into the batch: a plain point (plain-feature.ts) as numbers, checked for range as
 * plainGeometryPoint does; any other text parsed as JSON into a record for the one reader. A batch that keeps objects
 * gets every feature parsed.
 */
function addFeature(
  batcher: RecordBatcher,
  text: string,
  from: number,
  to: number,
  number: number,
  place: (number: number) => Bilingual,
): void {
  if (!batcher.objects && addPlainPoint(batcher, plainFeature(text, from, to), number)) return;
  const where = place(number);
  batcher.record(featureRecord(parseJson(text.slice(from, to), where), where, number), number);
}

/** Adds feature `number` as a plain point when it is one and in range (as plainGeometryPoint checks); false if not. */
function addPlainPoint(batcher: RecordBatcher, plain: PlainFeature | undefined, number: number): boolean {
  if (!plain || positionProblem(plain.x, plain.y)) return false;
  batcher.point(plain.x, plain.y, number);
  batcher.idWriter.text(plain.id ?? String(number));
  return true;
}

/** Whether characters `from` to `to` of `text` are all white space, as trim() reads it. */
function blank(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code > 127) return text.slice(at, to).trim() === '';
    if (code !== 32 && (code < 9 || code > 13)) return false;
  }
  return true;
}

/**
 * Line `number` (characters `from` to `to` of `text`, a whole decoded chunk, so that no string is cut per line) into
 * the batch: its carriage return and an RFC 8142 record separator left out, a blank line skipped.
 */
function addLine(batcher: RecordBatcher, text: string, from: number, to: number, number: number): void {
  const end = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
  const start = text.charCodeAt(from) === 0x1e ? from + 1 : from;
  if (!blank(text, start, end)) addFeature(batcher, text, start, end, number, rowAt);
}

/**
 * GeoJSON Lines: a batch as soon as it has `size` features, mid-chunk, so that threads get whole parts; a line over the
 * limit is refused as soon as it reaches it. Only each new chunk is searched for line breaks, so a long line costs its
 * length once, not once per chunk.
 */
async function* geoJsonLinesBatches(bytes: ByteSource, objects: boolean, size: number): AsyncGenerator<RecordBatch> {
  const batcher = new RecordBatcher(size, objects);
  let carry = '';
  let number = 0;
  for await (const chunk of textChunks(bytes)) {
    let end = chunk.indexOf('\n');
    if (end < 0) {
      carry += chunk;
      if (carry.length > MAX_RECORD_BYTES) throw tooLong(rowAt(number + 1));
      continue;
    }
    let start = 0;
    if (carry !== '') {
      if (batcher.count >= size) yield batcher.done(rowAt);
      const joined = carry + chunk.slice(0, end);
      addLine(batcher, joined, 0, joined.length, ++number);
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    for (; end >= 0; end = chunk.indexOf('\n', start)) {
      if (batcher.count >= size) yield batcher.done(rowAt);
      addLine(batcher, chunk, start, end, ++number);
      start = end + 1;
    }
    carry = chunk.slice(start);
  }
  if (carry !== '') {
    if (batcher.count >= size) yield batcher.done(rowAt);
    addLine(batcher, carry, 0, carry.length, ++number);
  }
  if (batcher.count > 0) yield batcher.done(rowAt);
}

/**
 * GeoJSON of any size: the members of a FeatureCollection's "features" array are cut out one at a time by counting
 * brackets outside strings and parsed alone. A file that is not a FeatureCollection (a Feature, a geometry) is one
 * record, read whole within the record limit.
 */
async function* geoJsonBatches(bytes: ByteSource, objects: boolean, size: number): AsyncGenerator<RecordBatch> {
  const batcher = new RecordBatcher(size, objects);
  const place = (number: number) => featureAt(number);
  let depth = 0;
  let inString = false;
  let escaped = false;
  let inFeatures = false;
  let key = '';
  let keyStart = -1;
  let lastKey = '';
  let buffer = '';
  let featureStart = -1;
  let whole = '';
  let features = 0;
  let sawCollection = false;
  for await (const chunk of textChunks(bytes)) {
    if (!sawCollection) whole += chunk;
    if (whole.length > MAX_RECORD_BYTES && !sawCollection) throw tooLong(featureAt(1));
    buffer += chunk;
    // The new characters are read from the chunk, a flat string: read through the joined buffer, each was slower.
    const base = buffer.length - chunk.length;
    let index = base;
    // The chunk's next backslash from where the scan is, looked for again only once passed (-1: none left).
    let backslash = chunk.indexOf('\\');
    for (; index < buffer.length; index++) {
      if (inString && !escaped) {
        // Straight to the string's closing quote when no backslash comes before it (indexOf is far quicker than a loop).
        const quote = chunk.indexOf('"', index - base);
        if (backslash >= 0 && backslash < index - base) backslash = chunk.indexOf('\\', index - base);
        if (quote < 0 && backslash < 0) break;
        index = base + (backslash < 0 || (quote >= 0 && quote < backslash) ? quote : backslash);
      }
      const code = chunk.charCodeAt(index - base);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === 92) escaped = true;
        else if (code === 34) {
          inString = false;
          if (keyStart >= 0) key = buffer.slice(keyStart, index);
        }
        continue;
      }
      // Digits, commas, points and spaces, most of a feature, change nothing.
      if (code < 91 && code !== 34 && code !== 58) continue;
      if (code === 34) {
        inString = true;
        keyStart = depth === 1 && !inFeatures ? index + 1 : -1;
      } else if (code === 58 && depth === 1) lastKey = key;
      else if (code === 123 || code === 91) {
        depth++;
        if (depth === 2 && code === 91 && lastKey === 'features') {
          inFeatures = true;
          sawCollection = true;
          whole = '';
        } else if (depth === 3 && inFeatures) {
          // A plain point whole in the chunk is read to its end at once, and the scan goes on after it.
          const plain = objects ? undefined : plainFeatureAt(chunk, index - base, chunk.length);
          if (plain && addPlainPoint(batcher, plain, features + 1)) {
            features++;
            depth--;
            index = base + plain.end - 1;
            // A batch as soon as it is full, mid-chunk, so that threads get whole parts.
            if (batcher.count >= size) yield batcher.done(place);
          } else featureStart = index;
        }
      } else if (code === 125 || code === 93) {
        depth--;
        if (depth === 2 && inFeatures && featureStart >= 0) {
          features++;
          addFeature(batcher, buffer, featureStart, index + 1, features, place);
          featureStart = -1;
          if (batcher.count >= size) yield batcher.done(place);
        } else if (depth === 1 && inFeatures) inFeatures = false;
      }
    }
    // Keep only the feature or member name being read; the rest of the buffer has been scanned.
    const keep = Math.min(featureStart >= 0 ? featureStart : buffer.length, inString && keyStart >= 0 ? keyStart : buffer.length);
    if (buffer.length - keep > MAX_RECORD_BYTES) throw tooLong(featureAt(features + 1));
    buffer = buffer.slice(keep);
    if (featureStart >= 0) featureStart -= keep;
    if (keyStart >= 0) keyStart -= keep;
  }
  if (batcher.count > 0) yield batcher.done(place);
  if (sawCollection) {
    // A feature still open at the end is cut short: JSON.parse names what is missing.
    if (featureStart >= 0) parseJson(buffer.slice(featureStart), featureAt(features + 1));
    if (depth > 0) {
      throw new SiteInputError({
        en: 'the GeoJSON file ends before its FeatureCollection does (is it cut short?)',
        zh: 'GeoJSON文件在FeatureCollection结束前就结束了（文件不完整？）',
      });
    }
    if (features === 0) throw new SiteInputError({ en: 'the GeoJSON file has no features', zh: 'GeoJSON文件没有要素' });
    return;
  }
  const parsed = parseJson(whole, { en: 'the GeoJSON file', zh: 'GeoJSON文件' });
  const type = (parsed as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || type === 'FeatureCollection') {
    throw new SiteInputError({
      en: 'the file is not GeoJSON: expected a FeatureCollection, a Feature or a geometry',
      zh: '该文件不是GeoJSON：应为FeatureCollection、Feature或几何对象',
    });
  }
  batcher.record(featureRecord(parsed, featureAt(1), 1), 1);
  yield batcher.done(place);
}

/**
 * FlatGeobuf features as records, after a signature check on the first chunk (which is then read again); a batch as
 * soon as it has `size` features, mid-chunk, as GeoJSON Lines (a chunk's some 500 points had left a part and a
 * remainder for the threads).
 */
async function* flatGeobufBatches(bytes: ByteSource, objects: boolean, size: number): AsyncGenerator<RecordBatch> {
  const batcher = new RecordBatcher(size, objects);
  const place = (number: number) => featureAt(number);
  let crs: string | undefined;
  let number = 0;
  try {
    const batches = flatGeobufFeatureBatches(
      bytes,
      (meta) => {
        const code = meta.crs?.code;
        if (code && (meta.crs?.org ?? 'EPSG').toUpperCase() === 'EPSG' && code !== 4326) crs = `EPSG:${code}`;
      },
      true,
    );
    for await (const features of batches) {
      for (const read of features) {
        number++;
        // The library numbers features from 0 in `id`; FlatGeobuf keeps a site's own id among its properties.
        const id = 'x' in read ? String(read.id ?? number) : idOf({ properties: read.properties }, number);
        if ('x' in read && !crs && !objects && !positionProblem(read.x, read.y)) {
          batcher.point(read.x, read.y, number);
          batcher.idWriter.text(id);
          if (batcher.count >= size) yield batcher.done(place);
          continue;
        }
        const geometry = 'x' in read ? { type: 'Point', coordinates: [read.x, read.y] } : read.geometry;
        const properties =
          'x' in read ? propertiesOf(read.propertyBytes, read.columns) : ((read.properties ?? {}) as Record<string, unknown>);
        // In a file's own coordinate system a point still needs the one reader's conversion.
        const point = crs ? undefined : plainGeometryPoint(geometry);
        const record = { kind: 'geometry', geometry, ...(crs ? { crs } : {}) } as const;
        batcher.record({ where: featureAt(number), id, record, properties, ...(point ? { point } : {}) }, number);
        if (batcher.count >= size) yield batcher.done(place);
      }
    }
    if (batcher.count > 0) yield batcher.done(place);
  } catch (error) {
    if (error instanceof SiteInputError) throw error;
    if (error instanceof NotFlatGeobufError)
      throw new SiteInputError({
        en: 'the file is not FlatGeobuf (its first bytes do not match)',
        zh: '该文件不是FlatGeobuf（文件头不符）',
      });
    const reason = error instanceof Error ? error.message : String(error);
    throw new SiteInputError({ en: `the FlatGeobuf file cannot be read: ${reason}`, zh: `无法读取FlatGeobuf文件：${reason}` });
  }
  if (number === 0) throw new SiteInputError({ en: 'the FlatGeobuf file has no features', zh: 'FlatGeobuf文件没有要素' });
}

const readers: Record<StreamFormat, (bytes: ByteSource, objects: boolean, size: number) => AsyncGenerator<RecordBatch>> = {
  csv: (bytes, _objects, size) => csvBatches(bytes, size),
  geojson: geoJsonBatches,
  geojsonl: geoJsonLinesBatches,
  flatgeobuf: flatGeobufBatches,
};

/**
 * The records of a file packed for screening (record-batch.ts), in batches of about `size` (8,192 by default), in
 * file order: the screen command's entry. Throws SiteInputError at the first record that cannot be read; the records
 * before it have been yielded.
 */
export const recordBatches = (format: StreamFormat, bytes: ByteSource, size = batchSize): AsyncGenerator<RecordBatch> =>
  readers[format](bytes, false, size);

/** The records of a file as objects, in the same batches: for callers that read every record's fields (--zones). */
export async function* siteRecordBatches(format: StreamFormat, bytes: ByteSource): AsyncGenerator<StreamedRecord[]> {
  for await (const batch of readers[format](bytes, true, batchSize)) yield unpackedRecords(batch);
}
