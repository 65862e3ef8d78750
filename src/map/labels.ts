import type { TextLayer } from '@deck.gl/layers';
import { along, length, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Lang } from '../state/state.ts';
import type { DeckLayers } from './deck-overlay.ts';

/** Where a name is drawn; `point`: over a marker (the name goes above it); `weight`: a town's population, else 0. */
export interface LabelAnchor {
  position: [number, number];
  zh: string;
  en: string;
  minZoom: number;
  point: boolean;
  weight: number;
}

/** Where a feature's name goes: inside a polygon, half-way along a line, on a point. */
export function labelAnchors(collection: FeatureCollection): LabelAnchor[] {
  return collection.features.flatMap((feature) => {
    const zh = String(feature.properties?.['name_zh'] ?? '');
    const en = String(feature.properties?.['name_en'] ?? '');
    if (!zh && !en) return [];
    const minZoom = Number(feature.properties?.['label_min_zoom'] ?? 0);
    const point = feature.geometry.type === 'Point';
    return [
      { position: anchorOf(feature), zh: zh || en, en: en || zh, minZoom, point, weight: Number(feature.properties?.['population'] ?? 0) },
    ];
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
  deck: DeckLayers,
  id: string,
  anchors: LabelAnchor[],
  lang: Lang,
  emphasis: 'town' | 'feature',
  zoom: number,
): TextLayer<LabelAnchor> {
  return new deck.TextLayer<LabelAnchor>({
    id: `${id}:labels`,
    data: anchors.filter((anchor) => zoom >= anchor.minZoom),
    getPosition: (anchor) => anchor.position,
    getText: (anchor) => anchor[lang],
    getSize: emphasis === 'town' ? 13 : 12,
    getColor: emphasis === 'town' ? [40, 34, 28, 255] : [30, 50, 70, 255],
    getPixelOffset: (anchor) => (anchor.point ? [0, -pointOffset] : [0, 0]),
    fontFamily: labelFont,
    fontWeight: emphasis === 'town' ? 600 : 500,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 235],
    updateTriggers: { getText: lang },
    // Placement makes a new array on every render; deck.gl rebuilds its glyphs only when the labels themselves change.
    dataComparator: (next: unknown, previous: unknown) => sameAnchors(next as LabelAnchor[], previous as LabelAnchor[] | undefined),
  });
}

const sameAnchors = (next: LabelAnchor[], previous: LabelAnchor[] | undefined) =>
  previous !== undefined && next.length === previous.length && next.every((anchor, index) => anchor === previous[index]);

/** A point's name sits this many pixels above it, clear of its marker. */
const pointOffset = 12;
const sizes = { town: 13, feature: 12 } as const;

/** A group of labels as the map draws them: one layer's anchors, in the order of the layer's importance. */
export interface LabelGroup {
  id: string;
  anchors: LabelAnchor[];
  emphasis: 'town' | 'feature';
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A label's box on a north-up Web Mercator map at `zoom`, in pixels (relative positions are all that matter). */
function labelBox(anchor: LabelAnchor, size: number, zoom: number, lang: Lang): Box {
  const [x, y] = mercator(anchor.position, zoom);
  const text = anchor[lang];
  // CJK glyphs are about a square em, Latin ones about 0.6 em; the halo adds 2 px each side.
  const width = [...text].reduce((sum, char) => sum + (/\p{Script=Han}/u.test(char) ? size : size * 0.6), 0) + 4;
  const height = size * 1.3;
  const middle = anchor.point ? y - pointOffset : y;
  return { left: x - width / 2, right: x + width / 2, top: middle - height / 2, bottom: middle + height / 2 };
}

function markerBox(anchor: LabelAnchor, zoom: number): Box {
  const [x, y] = mercator(anchor.position, zoom);
  return { left: x - 4, right: x + 4, top: y - 4, bottom: y + 4 };
}

function mercator([longitude, latitude]: [number, number], zoom: number): [number, number] {
  const scale = 512 * 2 ** zoom;
  const sine = Math.sin((latitude * Math.PI) / 180);
  return [((longitude + 180) / 360) * scale, (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * scale];
}

/**
 * The labels to draw at `zoom`: greedy by rank (towns by population, then each group in the order given), a label
 * kept only when its box clears every label and marker already kept, and its own marker clears every label kept.
 * `collisions` counts the overlapping pairs among the labels the zoom lets in before this choice (what a map
 * drawing them all would show); `hidden` how many were left out.
 */
export function placeLabels(
  groups: readonly LabelGroup[],
  zoom: number,
  lang: Lang,
): { kept: Map<string, LabelAnchor[]>; collisions: number; hidden: number } {
  const candidates = groups
    .flatMap((group, order) =>
      group.anchors
        .filter((anchor) => zoom >= anchor.minZoom)
        .map((anchor) => ({ group: group.id, anchor, order, box: labelBox(anchor, sizes[group.emphasis], zoom, lang) })),
    )
    .sort((a, b) => a.order - b.order || b.anchor.weight - a.anchor.weight);
  let collisions = 0;
  candidates.forEach((a, i) => {
    for (const b of candidates.slice(i + 1)) if (overlaps(a.box, b.box)) collisions += 1;
  });
  // A kept point's marker blocks like a label; a marker whose name was left out may be covered by a higher rank.
  const placed: Box[] = [];
  let count = 0;
  const kept = new Map<string, LabelAnchor[]>(groups.map((group) => [group.id, []]));
  for (const { group, anchor, box } of candidates) {
    const marker = anchor.point ? markerBox(anchor, zoom) : undefined;
    if (placed.some((other) => overlaps(box, other) || (marker !== undefined && overlaps(marker, other)))) continue;
    placed.push(box);
    if (marker) placed.push(marker);
    count += 1;
    kept.get(group)!.push(anchor);
  }
  return { kept, collisions, hidden: candidates.length - count };
}
