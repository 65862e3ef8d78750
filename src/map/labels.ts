import type { TextLayer } from '@deck.gl/layers';
import { along, length, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Lang } from '../state/state.ts';
import type { DeckLayers } from './deck-overlay.ts';

export interface LabelAnchor { position: [number, number]; zh: string; en: string; minZoom: number }

/** Where a feature's name goes: inside a polygon, half-way along a line, on a point. */
export function labelAnchors(collection: FeatureCollection): LabelAnchor[] {
  return collection.features.flatMap((feature) => {
    const zh = String(feature.properties?.['name_zh'] ?? '');
    const en = String(feature.properties?.['name_en'] ?? '');
    if (!zh && !en) return [];
    const minZoom = Number(feature.properties?.['label_min_zoom'] ?? 0);
    return [{ position: anchorOf(feature), zh: zh || en, en: en || zh, minZoom }];
  });
}

function anchorOf(feature: Feature): [number, number] {
  const geometry = feature.geometry;
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    const line = geometry.type === 'LineString' ? geometry : longestPart(geometry);
    const half = length({ type: 'Feature', geometry: line, properties: {} }) / 2;
    return along(line, half).geometry.coordinates as [number, number];
  }
  return pointOnFeature(feature).geometry.coordinates as [number, number];
}

function longestPart(geometry: MultiLineString): LineString {
  const parts = geometry.coordinates.map((coordinates) => ({ type: 'LineString' as const, coordinates }));
  return parts.reduce((best, part) => (part.coordinates.length > best.coordinates.length ? part : best));
}

/** Labels are drawn by deck.gl from a local font, so CJK text renders with no glyph server. */
export const labelFont = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export function labelLayer(
  deck: DeckLayers, id: string, anchors: LabelAnchor[], lang: Lang, emphasis: 'town' | 'feature', zoom: number,
): TextLayer<LabelAnchor> {
  const shown = anchors.filter((anchor) => zoom >= anchor.minZoom);
  return new deck.TextLayer<LabelAnchor>({
    id: `${id}:labels`,
    data: shown,
    getPosition: (anchor) => anchor.position,
    getText: (anchor) => anchor[lang],
    getSize: emphasis === 'town' ? 13 : 12,
    getColor: emphasis === 'town' ? [40, 34, 28, 255] : [30, 50, 70, 255],
    getPixelOffset: emphasis === 'town' ? [0, -12] : [0, 0],
    fontFamily: labelFont,
    fontWeight: emphasis === 'town' ? 600 : 500,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 235],
    updateTriggers: { getText: lang },
    // A new array only when the zoom threshold lets more anchors in, so deck.gl keeps its buffers otherwise.
    dataComparator: (next: unknown, previous: unknown) =>
      (next as LabelAnchor[]).length === (previous as LabelAnchor[] | undefined)?.length,
  });
}
