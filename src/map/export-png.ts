import type { LayerDefinition } from '../../layers/layer-definition.ts';
import type { AtlasState } from '../state/state.ts';

export interface ExportDecorations {
  title: string;
  attribution: string;
  date: string;
  /** Visible layers, in legend order. */
  layers: LayerDefinition[];
  state: AtlasState;
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

/** Draws title, legend, scale bar, north arrow, attribution and date onto a captured map. */
export function decorate(map: HTMLCanvasElement, scale: number, decorations: ExportDecorations): HTMLCanvasElement {
  const context = map.getContext('2d')!;
  context.scale(scale, scale);
  const width = map.width / scale;
  const height = map.height / scale;
  const font = '"Noto Sans CJK SC", "Noto Sans SC", sans-serif';
  const panel = (x: number, y: number, w: number, h: number) => {
    context.fillStyle = 'rgba(255, 253, 248, 0.92)';
    context.fillRect(x, y, w, h);
    context.strokeStyle = '#8a806f';
    context.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  };

  context.font = `600 18px ${font}`;
  const titleWidth = Math.min(width - 20, context.measureText(decorations.title).width + 24);
  panel(10, 10, titleWidth, 34);
  context.fillStyle = '#2b2b2b';
  context.fillText(decorations.title, 22, 33, titleWidth - 24);

  const lang = decorations.state.lang;
  const rows = decorations.layers.flatMap((layer) => [
    { text: layer.title[lang], color: undefined as string | undefined },
    ...Object.values(layer.palette).map((swatch) => ({ text: swatch.label[lang], color: swatch.color })),
  ]);
  const legendHeight = 12 + rows.length * 17;
  if (rows.length > 0 && legendHeight < height - 120) {
    panel(10, 54, 230, legendHeight);
    rows.forEach((row, index) => {
      const y = 70 + index * 17;
      context.font = `${row.color ? 400 : 600} 12px ${font}`;
      if (row.color) {
        context.fillStyle = row.color;
        context.fillRect(22, y - 10, 14, 10);
      }
      context.fillStyle = '#2b2b2b';
      context.fillText(row.text, row.color ? 42 : 20, y, 190);
    });
  }

  const { center, zoom, bearing } = decorations.state.view;
  const length = niceLength(metresPerPixel(center[1], zoom) * 120);
  const pixels = length / metresPerPixel(center[1], zoom);
  const scaleTop = height - 110;
  panel(10, scaleTop, pixels + 70, 26);
  context.fillStyle = '#2b2b2b';
  context.fillRect(20, scaleTop + 16, pixels, 4);
  context.font = `12px ${font}`;
  context.fillText(length >= 1000 ? `${length / 1000} km` : `${length} m`, 26 + pixels, scaleTop + 21);

  context.save();
  context.translate(width - 34, 74);
  context.rotate((-bearing * Math.PI) / 180);
  context.fillStyle = '#2b2b2b';
  context.beginPath();
  context.moveTo(0, -18);
  context.lineTo(9, 12);
  context.lineTo(0, 6);
  context.lineTo(-9, 12);
  context.closePath();
  context.fill();
  context.font = `700 12px ${font}`;
  context.fillText('N', -4, -22);
  context.restore();

  context.font = `10px ${font}`;
  const lines = wrap(context, `${decorations.date} · ${decorations.attribution}`, width - 16);
  const footerHeight = 8 + lines.length * 13;
  panel(0, height - footerHeight, width, footerHeight);
  context.fillStyle = '#3b3226';
  for (const [index, line] of lines.entries()) context.fillText(line, 8, height - footerHeight + 15 + index * 13);
  return map;
}

/** Breaks the attribution at its separators so every source stays legible. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const part of text.split(/(?<= \| )/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && context.measureText(last + part).width <= width) lines[lines.length - 1] = last + part;
    else lines.push(part);
  }
  return lines;
}
