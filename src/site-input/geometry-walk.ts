import type { Position } from 'geojson';
import type { SiteGeometry } from './site-input.ts';

/** Every position of a geometry, in order, as [longitude, latitude] (or x, y before conversion). */
export function positionsOf(geometry: SiteGeometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

/** The same geometry with every position replaced; keeps only x and y, since sites are flat. */
export function mapPositions<G extends SiteGeometry>(geometry: G, convert: (position: Position) => Position): G {
  const one = (position: Position) => convert(position).slice(0, 2);
  const many = (positions: Position[]) => positions.map(one);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: one(geometry.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: many(geometry.coordinates) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map(many) } as G;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(many)) } as G;
  }
}
