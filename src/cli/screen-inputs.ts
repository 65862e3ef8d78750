import { createReadStream, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { coordinateProblem, geometryProblem } from './coordinate-checks.ts';
import { csvRows } from './csv-rows.ts';
import { parseWkt } from './wkt.ts';

/** A problem with the input file, reported as is and ending the run. */
export class InputError extends Error {
  override name = 'InputError';
}

/** One geometry to screen and what to call it in the output: its id, or its feature or row number. */
export interface Input {
  id: string;
  geometry: unknown;
}

/** Points from a lon/lat CSV come in blocks, so that the batch path can screen them together. */
export interface PointBlock {
  ids: string[];
  lonLat: Float64Array;
}

export type InputSource = { kind: 'geometries'; inputs: AsyncIterable<Input> } | { kind: 'points'; blocks: AsyncIterable<PointBlock> };

const blockSize = 65_536;
const idOf = (properties: Record<string, unknown> | null | undefined, fallback: unknown, number: number): string => {
  const id = fallback ?? properties?.['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : String(number);
};

/** Features of a GeoJSON file (a FeatureCollection, one Feature or a bare geometry), read whole. */
export function geoJsonFeatures(file: string): { id: unknown; properties: Record<string, unknown> | null; geometry: unknown }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read ${file} as GeoJSON: ${(error as Error).message}`);
  }
  const object = (parsed ?? {}) as { type?: unknown; features?: unknown };
  const features = object.type === 'FeatureCollection' && Array.isArray(object.features) ? object.features as Record<string, unknown>[]
    : object.type === 'Feature' ? [object as Record<string, unknown>]
      : typeof object.type === 'string' ? [{ geometry: object }] : undefined;
  if (!features) throw new InputError(`${file} is not GeoJSON: expected a FeatureCollection, a Feature or a geometry`);
  if (features.length === 0) throw new InputError(`${file} has no features`);
  return features.map((feature) => ({
    id: feature['id'], properties: (feature['properties'] ?? null) as Record<string, unknown> | null, geometry: feature['geometry'],
  }));
}

async function* geoJsonInputs(file: string): AsyncGenerator<Input> {
  let number = 0;
  for (const feature of geoJsonFeatures(file)) yield { id: idOf(feature.properties, feature.id, ++number), geometry: feature.geometry };
}

async function* flatGeobufInputs(file: string): AsyncGenerator<Input> {
  const stream = Readable.toWeb(createReadStream(file)) as WebReadableStream<Uint8Array>;
  let number = 0;
  try {
    for await (const feature of deserialize(stream as unknown as ReadableStream)) {
      yield { id: idOf(feature.properties as Record<string, unknown> | undefined, undefined, ++number), geometry: feature.geometry };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${file} as FlatGeobuf: ${(error as Error).message}`);
  }
  if (number === 0) throw new InputError(`${file} has no features`);
}

const lonNames = /^(lon|lng|long|longitude|x)$/i;
const latNames = /^(lat|latitude|y)$/i;
const wktNames = /^(wkt|geometry|geom|the_geom|shape)$/i;

/** Reads a CSV's lon/lat or WKT column; checks every row's coordinates and names the first bad row. */
async function csvSource(file: string): Promise<InputSource> {
  const rows = csvRows(file);
  const first = await rows.next();
  if (first.done) throw new InputError(`${file} has a header but no rows`);
  const { header } = first.value;
  const column = (pattern: RegExp) => header.findIndex((name) => pattern.test(name));
  const [lon, lat, wkt, idColumn] = [column(lonNames), column(latNames), column(wktNames), header.findIndex((name) => /^id$/i.test(name))];
  const idAt = (fields: string[], row: number) => (idColumn >= 0 && fields[idColumn]?.trim() ? (fields[idColumn] as string).trim() : String(row));
  async function* all() {
    yield first.value as { header: string[]; row: number; fields: string[] };
    yield* rows;
  }
  if (lon >= 0 && lat >= 0) {
    return {
      kind: 'points',
      blocks: (async function* () {
        let ids: string[] = [];
        let lonLat: number[] = [];
        for await (const { row, fields } of all()) {
          const x = Number(fields[lon]);
          const y = Number(fields[lat]);
          if (fields[lon]?.trim() === '' || fields[lat]?.trim() === '') throw new InputError(`${file} row ${row}: empty coordinate`);
          const problem = coordinateProblem(x, y);
          if (problem) throw new InputError(`${file} row ${row} (columns "${header[lon]}", "${header[lat]}"): ${problem}`);
          ids.push(idAt(fields, row));
          lonLat.push(x, y);
          if (ids.length === blockSize) {
            yield { ids, lonLat: Float64Array.from(lonLat) };
            [ids, lonLat] = [[], []];
          }
        }
        if (ids.length > 0) yield { ids, lonLat: Float64Array.from(lonLat) };
      })(),
    };
  }
  if (wkt < 0) throw new InputError(`${file} needs lon and lat columns, or a wkt column; its columns are: ${header.join(', ')}`);
  return {
    kind: 'geometries',
    inputs: (async function* () {
      for await (const { row, fields } of all()) {
        let geometry: unknown;
        try {
          geometry = parseWkt(fields[wkt] ?? '');
        } catch (error) {
          throw new InputError(`${file} row ${row}: ${(error as Error).message}`);
        }
        const problem = geometryProblem(geometry);
        if (problem) throw new InputError(`${file} row ${row}: ${problem}`);
        yield { id: idAt(fields, row), geometry };
      }
    })(),
  };
}

/** Checks every geometry's coordinates on the way through, naming the feature. */
async function* checked(file: string, inputs: AsyncIterable<Input>): AsyncGenerator<Input> {
  for await (const input of inputs) {
    const problem = geometryProblem(input.geometry);
    if (problem) throw new InputError(`${file} feature ${input.id}: ${problem}`);
    yield input;
  }
}

/** The inputs of a file, by its extension: .geojson/.json, .csv (or .tsv), .fgb. */
export async function inputSource(file: string): Promise<InputSource> {
  const extension = extname(file).toLowerCase();
  if (extension === '.geojson' || extension === '.json') return { kind: 'geometries', inputs: checked(file, geoJsonInputs(file)) };
  if (extension === '.fgb') return { kind: 'geometries', inputs: checked(file, flatGeobufInputs(file)) };
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return csvSource(file);
  throw new InputError(`cannot tell the format of ${file}: name it .geojson, .json, .csv or .fgb`);
}
