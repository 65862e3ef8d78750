import type { Position } from 'geojson';
import { siteGeometrySchema, type SiteGeometry } from '../schema/geometry.ts';

/**
 * A site geometry in a few URL-safe characters: coordinates at 1e-6 degrees (about 0.1 m), delta-encoded between
 * consecutive positions, as zigzag varints, in base64url. A 100-vertex polygon takes about 400 characters.
 */
const types = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;
const scale = 1e6;
const formatVersion = 1;

export function encodeSite(geometry: SiteGeometry): string {
  const bytes: number[] = [formatVersion, types.indexOf(geometry.type)];
  let last: [number, number] = [0, 0];
  const varint = (value: number) => {
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
  };
  const zigzag = (value: number) => varint(value < 0 ? -2 * value - 1 : 2 * value);
  const point = (position: Position) => {
    const next: [number, number] = [Math.round(position[0]! * scale), Math.round(position[1]! * scale)];
    zigzag(next[0] - last[0]);
    zigzag(next[1] - last[1]);
    last = next;
  };
  const list = (positions: Position[]) => {
    varint(positions.length);
    positions.forEach(point);
  };
  const rings = (polygon: Position[][]) => {
    varint(polygon.length);
    polygon.forEach(list);
  };
  switch (geometry.type) {
    case 'Point':
      point(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      list(geometry.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      rings(geometry.coordinates);
      break;
    case 'MultiPolygon':
      varint(geometry.coordinates.length);
      geometry.coordinates.forEach(rings);
      break;
  }
  return btoa(binaryString(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Bytes as a binary string, a chunk at a time: spreading every byte as an argument of String.fromCharCode overflows
 * the call stack past about 100,000 bytes (a site of 30,000-60,000 vertices).
 */
function binaryString(bytes: readonly number[]): string {
  const chunk = 0x2000;
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += chunk) parts.push(String.fromCharCode(...bytes.slice(start, start + chunk)));
  return parts.join('');
}

/** The inverse of encodeSite; throws an Error naming what is wrong with a garbled value. */
export function decodeSite(text: string): SiteGeometry {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('site: not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  let offset = 0;
  const varint = () => {
    let value = 0;
    let factor = 1;
    for (;;) {
      if (offset >= bytes.length) throw new Error('site: ends too early');
      const byte = bytes[offset++]!;
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 0x80;
      if (factor > 2 ** 49) throw new Error('site: number too long');
    }
  };
  const zigzag = () => {
    const value = varint();
    return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
  };
  let last: [number, number] = [0, 0];
  const point = (): Position => {
    last = [last[0] + zigzag(), last[1] + zigzag()];
    return [last[0] / scale, last[1] / scale];
  };
  const count = () => {
    const value = varint();
    if (value > bytes.length) throw new Error('site: count larger than the data');
    return value;
  };
  const list = () => Array.from({ length: count() }, point);
  const rings = () => Array.from({ length: count() }, list);
  if (varint() !== formatVersion) throw new Error('site: unknown format version');
  const type = types[varint()];
  if (!type) throw new Error('site: unknown geometry type');
  const coordinates =
    type === 'Point'
      ? point()
      : type === 'MultiPoint' || type === 'LineString'
        ? list()
        : type === 'MultiPolygon'
          ? Array.from({ length: count() }, rings)
          : rings();
  if (offset !== bytes.length) throw new Error('site: trailing data');
  const parsed = siteGeometrySchema.safeParse({ type, coordinates });
  if (!parsed.success) throw new Error(`site: ${parsed.error.issues[0]?.message ?? 'invalid geometry'}`);
  return parsed.data;
}
