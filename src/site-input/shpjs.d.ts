/** The two parsers of shpjs this reader uses; the package ships no types. */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** The geometries of a .shp, in file order; null for a null shape. With a .prj text, reprojected to WGS 84. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
  /** The records of a .dbf, decoded with the encoding a .cpg names (UTF-8 when none). */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
