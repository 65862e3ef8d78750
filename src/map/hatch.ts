import type { StyleSpecification } from 'maplibre-gl';
import type { HatchDirection } from '../../layers/layer-definition.ts';

/**
 * Hatching for polygons whose edge nobody surveyed: stripes of the category's colour over a faint tint of it, so a
 * hand-drawn zone reads as "about here" and six overlapping zones stay six sets of stripes instead of one mixed
 * colour. The map (MapLibre fill-pattern), the legend (CSS) and the PNG export (a canvas pattern) draw the same tile.
 */

/** One tile, in CSS pixels: the stripes repeat every 8 px. */
export const hatchTile = 8;
/** Opacity (0-255) of the tint between the stripes. */
const tintAlpha = 46;

export const hatchImageId = (color: string, direction: HatchDirection) => `hatch:${direction}:${color}`;

/** The colour and direction of a hatch image id; undefined for any other image. */
export function parseHatchImageId(id: string): { color: string; direction: HatchDirection } | undefined {
  const match = /^hatch:(rising|falling|horizontal|vertical):(#[0-9a-fA-F]{6})$/.exec(id);
  return match ? { direction: match[1] as HatchDirection, color: match[2]! } : undefined;
}

/** Every hatch image a style's layers name, in their fill patterns' expressions. */
export function hatchImageIds(style: StyleSpecification): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string' && parseHatchImageId(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const layer of style.layers) if (layer.type === 'fill') visit(layer.paint?.['fill-pattern']);
  return [...ids];
}

/** Position across the stripes (0 at a stripe's start) of pixel x, y in a tile of `size` pixels. */
function across(x: number, y: number, size: number, direction: HatchDirection): number {
  if (direction === 'horizontal') return y;
  if (direction === 'vertical') return x;
  return direction === 'rising' ? (x + y) % size : (x - y + size) % size;
}

/** The RGBA pixels of one tile at `pixelRatio` device pixels per CSS pixel. */
export function hatchPixels(
  color: string,
  direction: HatchDirection,
  pixelRatio: number,
): { width: number; height: number; data: Uint8Array } {
  const size = Math.round(hatchTile * pixelRatio);
  // Diagonal stripes are cut thinner by the diagonal: a wider band gives them the straight ones' weight.
  const stripe = Math.max(1, Math.round((direction === 'rising' || direction === 'falling' ? 2.6 : 1.8) * pixelRatio));
  const [red, green, blue] = [1, 3, 5].map((index) => parseInt(color.slice(index, index + 2), 16));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const offset = (y * size + x) * 4;
      data.set([red!, green!, blue!, across(x, y, size, direction) < stripe ? 255 : tintAlpha], offset);
    }
  }
  return { width: size, height: size, data };
}

/** The CSS gradient's angle for each direction: it runs across the stripes (135deg runs across '/' stripes). */
const angles: Record<HatchDirection, number> = { rising: 135, falling: 45, horizontal: 0, vertical: 90 };

/** The same hatch as a CSS background, for the legend's swatches: the map tile's stripe and period, measured across. */
export function hatchCss(color: string, direction: HatchDirection): string {
  const tint = `${color}${tintAlpha.toString(16).padStart(2, '0')}`;
  const diagonal = direction === 'rising' || direction === 'falling';
  const [stripe, period] = diagonal ? [2.6 / Math.SQRT2, hatchTile / Math.SQRT2] : [1.8, hatchTile];
  return `repeating-linear-gradient(${angles[direction]}deg, ${color} 0 ${stripe.toFixed(2)}px, ${tint} ${stripe.toFixed(2)}px ${period.toFixed(2)}px)`;
}
