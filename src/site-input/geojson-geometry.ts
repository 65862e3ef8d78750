import type { Position } from 'geojson';
import type { SiteGeometry } from './site-input.ts';
import { SiteInputError } from './site-input-error.ts';

const invalid = (path: string, expected: string, expectedZh: string, value: unknown) => {
  const shown = JSON.stringify(value)?.slice(0, 40) ?? String(value);
  return new SiteInputError({ en: `${path}: expected ${expected}, got ${shown}`, zh: `${path}：应为${expectedZh}，实为${shown}` });
};

function position(value: unknown, path: string): Position {
  if (!Array.isArray(value) || value.length < 2 || !value.every((item) => typeof item === 'number' && Number.isFinite(item))) {
    throw invalid(path, '[longitude, latitude] numbers', '[经度, 纬度]数值', value);
  }
  return value.slice(0, 2) as Position;
}

function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw invalid(path, 'an array', '数组', value);
  return value.map((entry, index) => item(entry, `${path}[${index}]`));
}

const positions = (value: unknown, path: string) => list(value, path, position);
const rings = (value: unknown, path: string) => list(value, path, positions);

/**
 * A GeoJSON geometry object, checked member by member so a bad file is reported by its path
 * ("features[2].geometry.coordinates[0][5]"). GeometryCollections are flattened into their members.
 */
export function readGeometry(value: unknown, path: string): SiteGeometry[] {
  if (typeof value !== 'object' || value === null) throw invalid(path, 'a geometry object', '几何对象', value);
  const { type, coordinates, geometries } = value as Record<string, unknown>;
  const at = `${path}.coordinates`;
  switch (type) {
    case 'Point': return [{ type, coordinates: position(coordinates, at) }];
    case 'MultiPoint': case 'LineString': return [{ type, coordinates: positions(coordinates, at) }];
    case 'MultiLineString': case 'Polygon': return [{ type, coordinates: rings(coordinates, at) }];
    case 'MultiPolygon': return [{ type, coordinates: list(coordinates, at, rings) }];
    case 'GeometryCollection': return list(geometries, `${path}.geometries`, readGeometry).flat();
    default:
      throw invalid(`${path}.type`, 'Point, LineString, Polygon, a Multi- type or GeometryCollection', 'Point、LineString、Polygon、Multi类型或GeometryCollection', type);
  }
}
