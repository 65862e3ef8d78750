import type { z } from '../src/schema/zod-mini.ts';

export type Theme = 'base' | 'energy' | 'ecology' | 'water' | 'restriction' | 'administrative';
export type Renderer = 'fill' | 'line' | 'circle';
/** The stripes of a hatched fill; layers that overlap take different ones, so their stripes cross instead of merging. */
export type HatchDirection = 'rising' | 'falling' | 'horizontal' | 'vertical';
export interface Label {
  zh: string;
  en: string;
}

/** One swatch of a layer's palette: the map style and the legend are both drawn from it. */
export interface Swatch {
  label: Label;
  color: string;
}

/** Everything the atlas needs to know about one map layer; the layer id is also its dataset id and folder name. */
export interface LayerDefinition {
  id: string;
  title: Label;
  theme: Theme;
  renderer: Renderer;
  defaultVisible: boolean;
  defaultOpacity: number;
  /** Categories switched off until the user turns them on: finer or overlapping units that would clutter the
   * whole-region view (banners, groups of leagues). */
  defaultHiddenCategories?: string[];
  /** Property whose value picks the swatch; absent for single-colour layers, which use the `default` swatch. */
  categoryProperty?: string;
  palette: Record<string, Swatch>;
  /** Stripes of the layer's unsurveyed (hand-drawn, illustrative, derived) polygons: drawn hatched, not solid. */
  hatch?: HatchDirection;
  /** Stroke colour for fills and circles. */
  outline?: string;
  /** Width of lines, in pixels, at zoom 4 and zoom 12. */
  lineWidth?: [number, number];
  /** Draw the markers of a point layer only from this zoom on (settlements too many for the whole-region view). */
  markerMinZoom?: number;
  /** Draw a label from name_zh / name_en from this zoom on; absent for unlabelled layers. */
  labelMinZoom?: number;
  /** Properties schema for thematic layers; base layers carry only names. */
  properties?: z.ZodMiniType;
  /** Labels of the `status` property, for layers that have one: the panel offers them as a filter. */
  statuses?: Record<string, Label>;
  /** Fields shown in the feature panel, beyond names, category, citations and accuracy. */
  popupFields?: { key: string; label: Label; values?: Record<string, Label> }[];
}

/** Joins a layer's category labels with its colours, so the style and the legend share one palette. */
export function paletteOf<C extends string>(categories: Record<C, Label>, colors: Record<C, string>): Record<C, Swatch> {
  const palette = {} as Record<C, Swatch>;
  for (const key of Object.keys(categories) as C[]) palette[key] = { label: categories[key], color: colors[key] };
  return palette;
}

/** Methods whose boundaries were not surveyed: drawn with dashed edges, and the legend says so. `derived` is among
 * them: a derived outline can carry a hand-drawn edge (Ordos's edge against Wuhai). */
export const unsurveyedMethods = ['derived', 'hand-drawn', 'illustrative', 'approximate-point'] as const;

/** Popup row for zones whose extent no document or official source defines (`extent_undefined`). */
export const extentUndefinedField = {
  key: 'extent_undefined',
  label: { zh: '范围无文件界定（示意猜测）', en: 'Extent defined by no document (a guess)' },
};
