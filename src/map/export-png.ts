import type { HatchDirection } from '../../layers/layer-definition.ts';
import type { AtlasState } from '../state/state.ts';
import { units } from '../i18n/units.ts';
import { placeLegend, wrapLines, type Box } from './export-layout.ts';
import { hatchPixels } from './hatch.ts';
import type { LegendGroup } from './legend-entries.ts';

export interface ExportDecorations {
  title: string;
  subtitle?: string;
  /** One line of credit in the interface language (src/i18n/credits.ts); the full list is in the About panel. */
  credit: string;
  date: string;
  /** Only what is visible (src/map/legend-entries.ts). */
  legend: LegendGroup[];
  state: AtlasState;
  /**
   * The screened site's verdict in words with its colour, when a site is screened; `detail`, in smaller type and
   * wrapped, says what data is missing while the screening is incomplete.
   */
  verdict?: { text: string; color: string; detail?: string };
  /** Where the screened site is on the captured map, in CSS pixels: the legend goes where it does not cover it. */
  site?: Box;
  /** Told where each element was drawn, so a test can read the image back without reading its text. */
  onLayout?(layout: ExportLayout): void;
}

/** Where the export drew each element, in image pixels (CSS pixels times the scale). */
export interface ExportLayout {
  title: Box;
  subtitle?: Box;
  /** The verdict's box and the lines written in it (the verdict, then any detail). */
  verdict?: Box & { lines: string[] };
  /** The legend: its swatches (hatched ones say so) and the layers it lists, by id. */
  legend?: Box & { entries: number; swatches: (Box & { hatched: boolean })[]; layers: string[] };
  /** The screened site's box, when one is screened. */
  site?: Box;
  scaleBar: Box & { label: string };
  northArrow: Box;
  /** The credit, always one line. */
  credit: Box & { text: string };
}

/** Metres per CSS pixel at the map centre (MapLibre's 512-pixel world at zoom 0). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** A round scale-bar length (1, 2 or 5 times a power of ten) no longer than `maxMetres`. */
export function niceLength(maxMetres: number): number {
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((step) => step * power).find((length) => length <= maxMetres) ?? power;
}

const font = '"Noto Sans CJK SC", "Noto Sans SC", sans-serif';
const ink = '#2b2b2b';

/** Draws title, subtitle, verdict, legend, scale bar, north arrow and a one-line credit onto a captured map. */
export function decorate(map: HTMLCanvasElement, scale: number, decorations: ExportDecorations): HTMLCanvasElement {
  const context = map.getContext('2d')!;
  context.scale(scale, scale);
  const width = map.width / scale;
  const height = map.height / scale;
  const lang = decorations.state.lang;
  const panel = (box: Box) => {
    context.fillStyle = 'rgba(255, 253, 248, 0.92)';
    context.fillRect(box.x, box.y, box.width, box.height);
    context.strokeStyle = '#8a806f';
    context.lineWidth = 1;
    context.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
  };
  const image = (box: Box): Box => ({
    x: Math.round(box.x * scale),
    y: Math.round(box.y * scale),
    width: Math.round(box.width * scale),
    height: Math.round(box.height * scale),
  });

  // Credit first: one line at the foot, the type shrunk (to 7 px) and then the text shortened until it fits.
  let creditSize = 11;
  const creditText = `${decorations.date} · ${decorations.credit}`;
  let credit = creditText;
  const textWidth = (text: string, size: number, weight = 400) => {
    context.font = `${weight} ${size}px ${font}`;
    return context.measureText(text).width;
  };
  while (textWidth(credit, creditSize) > width - 16 && creditSize > 7) creditSize -= 0.5;
  while (textWidth(credit, creditSize) > width - 16 && credit.length > 1) credit = `${credit.slice(0, -2)}…`;
  const creditBox = { x: 0, y: height - (creditSize + 8), width, height: creditSize + 8 };
  panel(creditBox);
  context.fillStyle = '#3b3226';
  context.font = `${creditSize}px ${font}`;
  context.fillText(credit, 8, height - 6);

  // Title, subtitle and verdict at the top left; the north arrow at the top right.
  const titleWidth = Math.min(
    width - 80,
    Math.max(textWidth(decorations.title, 18, 600), decorations.subtitle ? textWidth(decorations.subtitle, 13) : 0) + 24,
  );
  const titleBox = { x: 10, y: 10, width: titleWidth, height: decorations.subtitle ? 54 : 34 };
  panel(titleBox);
  context.fillStyle = ink;
  context.font = `600 18px ${font}`;
  context.fillText(decorations.title, 22, 33, titleWidth - 24);
  let subtitleBox: Box | undefined;
  if (decorations.subtitle) {
    context.font = `13px ${font}`;
    context.fillStyle = '#4b4336';
    context.fillText(decorations.subtitle, 22, 54, titleWidth - 24);
    subtitleBox = { x: 22, y: 42, width: Math.min(titleWidth - 24, textWidth(decorations.subtitle, 13)), height: 16 };
  }
  let top = titleBox.y + titleBox.height + 8;
  let verdictBox: Box | undefined;
  let verdictLines: string[] = [];
  if (decorations.verdict) {
    const { text, color, detail } = decorations.verdict;
    const details = detail ? wrapLines(detail, width - 100, (line) => textWidth(line, 12)) : [];
    const widest = Math.max(textWidth(text, 14, 600), ...details.map((line) => textWidth(line, 12)));
    verdictBox = { x: 10, y: top, width: Math.min(width - 80, widest + 20), height: 26 + details.length * 16 };
    context.fillStyle = color;
    context.fillRect(verdictBox.x, verdictBox.y, verdictBox.width, verdictBox.height);
    context.fillStyle = '#ffffff';
    context.font = `600 14px ${font}`;
    context.fillText(text, verdictBox.x + 10, verdictBox.y + 18, verdictBox.width - 20);
    context.font = `12px ${font}`;
    for (const [index, line] of details.entries()) {
      context.fillText(line, verdictBox.x + 10, verdictBox.y + 34 + index * 16, verdictBox.width - 20);
    }
    verdictLines = [text, ...details];
    top += verdictBox.height + 8;
  }
  const northArrow = drawNorthArrow(context, width - 34, 74, decorations.state.view.bearing, lang === 'zh' ? '北' : 'N');

  // Scale bar at the bottom left, above the credit.
  const { center, zoom } = decorations.state.view;
  const perPixel = metresPerPixel(center[1], zoom);
  const length = niceLength(perPixel * Math.min(120, width / 4));
  const pixels = length / perPixel;
  const label = length >= 1000 ? `${length / 1000} ${units.km[lang]}` : `${length} ${units.m[lang]}`;
  const scaleBox = { x: 10, y: creditBox.y - 34, width: pixels + 24 + textWidth(label, 12), height: 26 };
  panel(scaleBox);
  context.fillStyle = ink;
  context.fillRect(20, scaleBox.y + 15, pixels, 4);
  context.fillRect(20, scaleBox.y + 9, 1.5, 10);
  context.fillRect(20 + pixels - 1.5, scaleBox.y + 9, 1.5, 10);
  context.font = `12px ${font}`;
  context.fillText(label, 26 + pixels, scaleBox.y + 20);

  // The legend fills what is left on the left, from the scale bar up to the title block, in as many columns as it
  // needs; where it would cover the screened site, the right side instead (below the north arrow), foot or top.
  const legendWidth = Math.max(120, width * 0.55);
  const rightTop = Math.max(top, northArrow.y + northArrow.height + 12);
  const right = { x: width - 10 - legendWidth, y: rightTop, width: legendWidth, height: creditBox.y - 8 - rightTop };
  const legend = placeLegend(
    decorations.legend,
    [
      { area: { x: 10, y: top, width: legendWidth, height: scaleBox.y - 8 - top }, align: 'left', anchor: 'bottom' },
      { area: right, align: 'right', anchor: 'bottom' },
      { area: right, align: 'right', anchor: 'top' },
    ],
    decorations.site,
    (text, size) => textWidth(text, size, 400),
  );
  let legendLayout: ExportLayout['legend'];
  if (legend) {
    panel(legend.box);
    const swatches: (Box & { hatched: boolean })[] = [];
    for (const cell of legend.cells) {
      const swatchWidth = legend.font * 1.2;
      context.font = `${cell.color ? 400 : 600} ${legend.font}px ${font}`;
      if (cell.color) {
        const swatch = { x: cell.x, y: cell.y - legend.font * 0.8, width: swatchWidth, height: legend.font * 0.8 };
        context.fillStyle = cell.hatch ? hatchPattern(context, cell.color, cell.hatch, scale) : cell.color;
        context.fillRect(swatch.x, swatch.y, swatch.width, swatch.height);
        if (cell.hatch) {
          context.strokeStyle = cell.color;
          context.lineWidth = 1;
          context.strokeRect(swatch.x + 0.5, swatch.y + 0.5, swatch.width - 1, swatch.height - 1);
        }
        swatches.push({ ...image(swatch), hatched: cell.hatch !== undefined });
      }
      context.fillStyle = ink;
      const indent = cell.color ? swatchWidth + 4 : 0;
      context.fillText(cell.text, cell.x + indent, cell.y, legend.columnWidth - indent - 8);
    }
    legendLayout = { ...image(legend.box), entries: swatches.length, swatches, layers: decorations.legend.map((group) => group.layerId) };
  }

  decorations.onLayout?.({
    title: image(titleBox),
    ...(subtitleBox ? { subtitle: image(subtitleBox) } : {}),
    ...(verdictBox ? { verdict: { ...image(verdictBox), lines: verdictLines } } : {}),
    ...(legendLayout ? { legend: legendLayout } : {}),
    ...(decorations.site ? { site: image(decorations.site) } : {}),
    scaleBar: { ...image({ x: 20, y: scaleBox.y + 9, width: pixels, height: 10 }), label },
    northArrow: image(northArrow),
    credit: { ...image(creditBox), text: credit },
  });
  return map;
}

/** The map's hatch tile as a canvas pattern, drawn at the export's scale (the context is already scaled by it). */
function hatchPattern(context: CanvasRenderingContext2D, color: string, direction: HatchDirection, scale: number): CanvasPattern | string {
  const tile = hatchPixels(color, direction, scale);
  const canvas = document.createElement('canvas');
  canvas.width = tile.width;
  canvas.height = tile.height;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(tile.data), tile.width, tile.height), 0, 0);
  const pattern = context.createPattern(canvas, 'repeat');
  if (!pattern) return color;
  pattern.setTransform(new DOMMatrix().scale(1 / scale));
  return pattern;
}

function drawNorthArrow(context: CanvasRenderingContext2D, x: number, y: number, bearing: number, letter: string): Box {
  context.save();
  context.translate(x, y);
  context.rotate((-bearing * Math.PI) / 180);
  context.fillStyle = 'rgba(255, 253, 248, 0.85)';
  context.beginPath();
  context.arc(0, -4, 24, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = ink;
  context.beginPath();
  context.moveTo(0, -18);
  context.lineTo(9, 12);
  context.lineTo(0, 6);
  context.lineTo(-9, 12);
  context.closePath();
  context.fill();
  context.font = `700 12px ${font}`;
  context.textAlign = 'center';
  context.fillText(letter, 0, -20);
  context.restore();
  return { x: x - 10, y: y - 18, width: 20, height: 30 };
}
