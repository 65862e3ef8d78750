/**
 * The export's scales, apart from its drawing (export-png.ts) so that checking a scale does not load the drawing
 * with the first view.
 */

/** The export scales the atlas offers and the automation API accepts. */
export const exportScales = [1, 2] as const;

/**
 * A scale the export can draw at: 1 or 2. Anything else (0, negative, NaN, 2.5, 100) is refused with a message
 * naming the value, before the map is touched, rather than making a canvas too large to allocate.
 */
export function checkedExportScale(scale: unknown): 1 | 2 {
  if (!exportScales.includes(scale as 1 | 2)) {
    throw new RangeError(`export scale must be ${exportScales.join(' or ')}, not ${String(scale)}`);
  }
  return scale as 1 | 2;
}
