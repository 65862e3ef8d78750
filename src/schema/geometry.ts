import { z } from './zod-mini.ts';

/** A WGS-84 longitude/latitude pair; the message names the order so swapped pairs are easy to spot. */
const position = z.tuple(
  [
    z.number().check(z.gte(-180, 'longitude below -180'), z.lte(180, 'longitude above 180')),
    z.number().check(z.gte(-90, 'latitude below -90'), z.lte(90, 'latitude above 90')),
  ],
  { message: 'a position is [longitude, latitude]' },
);
const line = z.array(position).check(z.minLength(2));
const ring = z.array(position).check(z.minLength(4));

/** The site geometries a reviewer can screen: points, lines, polygons and their Multi forms. */
export const siteGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position).check(z.minLength(1)) }),
  z.object({ type: z.literal('LineString'), coordinates: line }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).check(z.minLength(1)) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).check(z.minLength(1)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).check(z.minLength(1))).check(z.minLength(1)) }),
]);
export type SiteGeometry = z.infer<typeof siteGeometrySchema>;
