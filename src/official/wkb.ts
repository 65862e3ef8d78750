import type { Geometry, Position } from 'geojson';

/** Base type codes of well-known binary (ISO 19125 / OGC Simple Features). */
const types = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'] as const;

/**
 * Reads a GeoPackage geometry blob: its header (magic "GP", version, flags, srs_id, an envelope of 0-64 bytes, as
 * GeoPackage 1.x section 2.1.3 lays it out) and then standard well-known binary, ISO (Z, M, ZM as 1000, 2000, 3000
 * added to the type) or the older high-bit flags. Null for an empty geometry. Heights and measures are dropped: zones
 * are drawn and screened in two dimensions. Throws Error naming what is wrong with a blob it cannot read.
 */
export function geoPackageGeometry(blob: Uint8Array): Geometry | null {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry (no "GP" header)');
  const flags = blob[3] as number;
  if (flags & 0b1_0000) return null;
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0b111];
  if (envelope === undefined) throw new Error('the geometry header names an unknown envelope');
  if (flags & 0b10_0000) throw new Error('an extended GeoPackage geometry type, which only its own extension can read');
  const view = new DataView(blob.buffer, blob.byteOffset + 8 + envelope, blob.byteLength - 8 - envelope);
  return new WkbReader(view).geometry();
}

class WkbReader {
  #offset = 0;

  constructor(private readonly view: DataView) {}

  geometry(): Geometry {
    const little = this.#byte() === 1;
    const raw = this.view.getUint32(this.#advance(4), little);
    // The older extended form flags Z, M and an SRID in the high bits; ISO adds thousands to the base type.
    const flagged = { z: (raw & 0x8000_0000) !== 0, m: (raw & 0x4000_0000) !== 0, srid: (raw & 0x2000_0000) !== 0 };
    const code = raw & 0x0fff_ffff;
    const iso = Math.floor(code / 1000);
    const type = types[code % 1000];
    if (!type) throw new Error(`well-known binary geometry type ${code} is not a simple feature type`);
    if (flagged.srid) this.#advance(4);
    const dimensions = 2 + (flagged.z || iso === 1 || iso === 3 ? 1 : 0) + (flagged.m || iso === 2 || iso === 3 ? 1 : 0);
    const position = (): Position => {
      const values = Array.from({ length: dimensions }, () => this.view.getFloat64(this.#advance(8), little));
      return [values[0] as number, values[1] as number];
    };
    const count = () => this.view.getUint32(this.#advance(4), little);
    const positions = () => Array.from({ length: count() }, position);
    const rings = () => Array.from({ length: count() }, positions);
    const members = () => Array.from({ length: count() }, () => this.geometry());
    switch (type) {
      case 'Point':
        return { type, coordinates: position() };
      case 'LineString':
      case 'MultiPoint':
        return type === 'LineString'
          ? { type, coordinates: positions() }
          : { type, coordinates: members().map((point) => (point as { coordinates: Position }).coordinates) };
      case 'Polygon':
        return { type, coordinates: rings() };
      case 'MultiLineString':
        return { type, coordinates: members().map((line) => (line as { coordinates: Position[] }).coordinates) };
      case 'MultiPolygon':
        return { type, coordinates: members().map((polygon) => (polygon as { coordinates: Position[][] }).coordinates) };
      case 'GeometryCollection':
        return { type, geometries: members() };
    }
  }

  #byte(): number {
    return this.view.getUint8(this.#advance(1));
  }

  /** Moves past `bytes` and returns where they start; reading past the end throws RangeError from DataView. */
  #advance(bytes: number): number {
    const at = this.#offset;
    this.#offset += bytes;
    return at;
  }
}
