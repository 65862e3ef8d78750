import type { HatchDirection } from '../../layers/layer-definition.ts';
import type { LegendGroup } from './legend-entries.ts';

/** A rectangle in CSS pixels of the exported map (multiply by the export's scale for image pixels). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LegendCell {
  x: number;
  y: number;
  text: string;
  color?: string;
  hatch?: HatchDirection;
}

export interface LegendLayout {
  box: Box;
  cells: LegendCell[];
  /** Font size in CSS pixels: smaller when the legend would not fit at full size. */
  font: number;
  columnWidth: number;
}

/**
 * Lays out a legend inside `area`: a layer's title then its swatches, top to bottom, wrapping into as many columns
 * as the height needs, shrinking the type (down to 60 %) until the columns fit the width; a label too long for its
 * column is squeezed by the canvas (fillText's maxWidth). Undefined when there is nothing to show.
 */
export function layoutLegend(
  groups: readonly LegendGroup[],
  area: Box,
  measure: (text: string, font: number) => number,
): LegendLayout | undefined {
  const items = groups.flatMap((group) => [
    { text: group.title, color: undefined as string | undefined },
    ...group.entries.map((entry) => ({
      text: entry.label,
      color: entry.color as string | undefined,
      ...(entry.hatch ? { hatch: entry.hatch } : {}),
    })),
  ]);
  if (items.length === 0) return undefined;
  const padding = 8;
  for (let font = 12; ; font -= 0.5) {
    const row = Math.round(font * 1.45);
    const rows = Math.max(1, Math.floor((area.height - 2 * padding) / row));
    const columns = Math.ceil(items.length / rows);
    const widest = Math.max(...items.map((item) => measure(item.text, font) + (item.color ? font * 1.6 : 0)));
    const columnWidth = Math.min(widest + 12, 240 * (font / 12));
    const width = columns * columnWidth + 2 * padding;
    if (width <= area.width || font <= 7.5) {
      const usedRows = Math.min(rows, items.length);
      const box = {
        x: area.x,
        y: area.y + area.height - (usedRows * row + 2 * padding),
        width: Math.min(width, area.width),
        height: usedRows * row + 2 * padding,
      };
      const cells = items.map((item, index) => ({
        x: box.x + padding + Math.floor(index / rows) * columnWidth,
        y: box.y + padding + (index % rows) * row + font,
        ...item,
      }));
      return { box, cells, font, columnWidth: Math.min(columnWidth, (area.width - 2 * padding) / columns) };
    }
  }
}

/** Where a legend may go: an area, and the side and end of it the legend keeps to. */
export interface LegendArea {
  area: Box;
  align: 'left' | 'right';
  anchor: 'top' | 'bottom';
}

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** Clear of the site by this many CSS pixels: a legend touching the site's marker hides where it is. */
const siteMargin = 12;

/**
 * The legend laid out in each of `areas` (the first is the usual place), kept in the first one that clears the
 * screened site's box (in CSS pixels of the map), or where it covers the least of it. Undefined with nothing to show.
 */
export function placeLegend(
  groups: readonly LegendGroup[],
  areas: readonly LegendArea[],
  site: Box | undefined,
  measure: (text: string, font: number) => number,
): LegendLayout | undefined {
  const around = site && {
    x: site.x - siteMargin,
    y: site.y - siteMargin,
    width: site.width + 2 * siteMargin,
    height: site.height + 2 * siteMargin,
  };
  const placed = areas.flatMap(({ area, align, anchor }) => {
    const layout = layoutLegend(groups, area, measure);
    if (!layout) return [];
    const dx = align === 'right' ? area.x + area.width - layout.box.width - layout.box.x : 0;
    const dy = anchor === 'top' ? area.y - layout.box.y : 0;
    return [
      {
        ...layout,
        box: { ...layout.box, x: layout.box.x + dx, y: layout.box.y + dy },
        cells: layout.cells.map((cell) => ({ ...cell, x: cell.x + dx, y: cell.y + dy })),
      },
    ];
  });
  if (!around) return placed[0];
  // A stable sort: among layouts clear of the site (or covering as little), the earlier area wins.
  return [...placed].sort((a, b) => overlapArea(a.box, around) - overlapArea(b.box, around))[0];
}

/**
 * `text` broken into lines no wider than `maxWidth`, between words or after a list's separators (、，, ：: and
 * spaces), so a Chinese list of layer names breaks between names; a single name wider than a line stays whole (the
 * canvas squeezes it).
 */
export function wrapLines(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const pieces = text.match(/[^、，,：:\s]+[、，,：:]?\s*|[、，,：:\s]+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && measure(`${line}${piece}`.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += piece;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
