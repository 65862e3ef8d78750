import type { Bilingual } from '../schema/bilingual.ts';
import { megabytes } from '../site-input/limits.ts';

/**
 * The bounds on an official layer, far above a site's: a province's 三线一单 units and red-line patches run to about
 * 100,000 polygons and a few million vertices. Checked before the work they bound starts, as the site limits are.
 */
export interface ZoneLimits {
  fileBytes: number;
  inflatedBytes: number;
  vertices: number;
  parts: number;
}

export const ZONE_LIMITS: ZoneLimits = {
  /** The largest layer file read (held in memory whole, so the browser's memory bounds it). */
  fileBytes: 300 * 1024 * 1024,
  /** The most a zipped layer may inflate to, counted as it inflates. */
  inflatedBytes: 600 * 1024 * 1024,
  vertices: 20_000_000,
  parts: 2_000_000,
};

/** Why a layer file is refused for its size, before its bytes are read. */
export const layerTooLarge = (name: string, bytes: number): Bilingual => ({
  en: `"${name}" is ${megabytes(bytes)} MB, over the ${megabytes(ZONE_LIMITS.fileBytes)} MB limit for a zone layer; split it by area (one file per league or city) or simplify it, then import the parts`,
  zh: `“${name}”为${megabytes(bytes)} MB，超过区域图层${megabytes(ZONE_LIMITS.fileBytes)} MB的上限；请按区域拆分（每个盟市一个文件）或简化后分别导入`,
});
