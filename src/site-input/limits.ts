import type { Bilingual } from '../schema/bilingual.ts';

/**
 * The bounds on every site input, in the atlas and the CLI alike, checked before the work they bound starts so no
 * input can freeze a tab or exhaust memory. A site boundary needs far less than any of them.
 */
export const SITE_LIMITS = {
  /** The largest file read whole (an upload, or a CLI file that is not streamed). */
  fileBytes: 50 * 1024 * 1024,
  /** The most bytes all entries of a zip may inflate to, counted as they inflate, not as the zip declares. */
  inflatedBytes: 100 * 1024 * 1024,
  /** The most vertices one site may have. */
  vertices: 1_000_000,
  /** The most parts (points, lines, rings) one site may have. */
  parts: 100_000,
  /** The most places where a polygon's edges cross or touch that a repair will resolve. */
  crossings: 1_000,
} as const;

export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Why a whole file is refused for its size, in the words every door uses (checked before its bytes are read). */
export const fileTooLarge = (name: string, bytes: number): Bilingual => ({
  en: `"${name}" is ${megabytes(bytes)} MB, over the ${megabytes(SITE_LIMITS.fileBytes)} MB limit; a site boundary needs far less, so remove other layers or simplify it`,
  zh: `“${name}”为${megabytes(bytes)} MB，超过${megabytes(SITE_LIMITS.fileBytes)} MB的上限；场址边界无需这么大，请删除其他图层或简化边界`,
});
