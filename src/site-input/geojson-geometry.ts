import type { Position } from 'geojson';
import { z } from '../schema/zod-mini.ts';
import type { Bilingual } from '../schema/bilingual.ts';
import type { SiteGeometry } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

/** What each part of a geometry must be; a failed part's message is its key here. */
const EXPECTED = {
  position: { en: '[longitude, latitude] numbers', zh: '[经度, 纬度]数值' },
  array: { en: 'an array', zh: '数组' },
  type: {
    en: 'Point, LineString, Polygon, a Multi- type or GeometryCollection',
    zh: 'Point、LineString、Polygon、Multi类型或GeometryCollection',
  },
  object: { en: 'a geometry object', zh: '几何对象' },
} satisfies Record<string, Bilingual>;

/** Two or more finite numbers (a height or measure after them is dropped later); ranges are position-check's. */
const position = z.custom<Position>(
  (value) => Array.isArray(value) && value.length >= 2 && value.every((item) => typeof item === 'number' && Number.isFinite(item)),
  { error: 'position' },
);
const positions = z.array(position, { error: 'array' });
const rings = z.array(positions, { error: 'array' });

type Parsed =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint' | 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString' | 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Parsed[] };

const geometrySchema: z.ZodMiniType<Parsed> = z.lazy(() =>
  z.discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('Point'), coordinates: position }),
      z.object({ type: z.enum(['MultiPoint', 'LineString']), coordinates: positions }),
      z.object({ type: z.enum(['MultiLineString', 'Polygon']), coordinates: rings }),
      z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(rings, { error: 'array' }) }),
      z.object({ type: z.literal('GeometryCollection'), geometries: z.array(geometrySchema, { error: 'array' }) }),
    ],
    { error: 'type' },
  ),
);

/** "features[2].geometry" + ["coordinates", 0, 5] -> "features[2].geometry.coordinates[0][5]". */
const pathText = (root: string, path: PropertyKey[]) =>
  root + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
const valueAt = (value: unknown, path: PropertyKey[]) =>
  path.reduce<unknown>(
    (inner, key) => (typeof inner === 'object' && inner !== null ? (inner as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );

const flat = (geometry: Parsed): SiteGeometry[] => {
  const two = (point: Position) => point.slice(0, 2);
  switch (geometry.type) {
    case 'Point':
      return [{ type: 'Point', coordinates: two(geometry.coordinates) }];
    case 'MultiPoint':
    case 'LineString':
      return [{ type: geometry.type, coordinates: geometry.coordinates.map(two) }];
    case 'MultiLineString':
    case 'Polygon':
      return [{ type: geometry.type, coordinates: geometry.coordinates.map((line) => line.map(two)) }];
    case 'MultiPolygon':
      return [{ type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(two))) }];
    case 'GeometryCollection':
      return geometry.geometries.flatMap(flat);
  }
};

/**
 * A GeoJSON geometry object, parsed with zod, so that a bad file is reported by its path
 * ("features[2].geometry.coordinates[0][5]") and the value found there. GeometryCollections are flattened into their
 * members, and heights dropped.
 */
export function readGeometry(value: unknown, root: string): SiteGeometry[] {
  const parsed = geometrySchema.safeParse(value);
  if (parsed.success) return flat(parsed.data);
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const found = valueAt(value, path);
  const key =
    typeof found === 'object' && found !== null
      ? (issue?.message as keyof typeof EXPECTED)
      : path.length === 0
        ? 'object'
        : (issue?.message as keyof typeof EXPECTED);
  const expected = EXPECTED[key] ?? EXPECTED.object;
  const shown = JSON.stringify(found)?.slice(0, 40) ?? String(found);
  const where = pathText(root, path);
  throw new SiteInputError({ en: `${where}: expected ${expected.en}, got ${shown}`, zh: `${where}：应为${expected.zh}，实为${shown}` });
}
