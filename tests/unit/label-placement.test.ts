// Labels are placed greedily by rank: none overlaps another or any point's marker (its own included). The counts
// of collisions the atlas avoided, at the whole-region view and at 棋盘井, are printed for the closing note.
import { describe, expect, test } from 'vitest';
import { layerDefinitions } from '../../layers/registry.ts';
import { readCollections } from '../../src/data/node-loader.ts';
import { labelAnchors, placeLabels, type LabelGroup } from '../../src/map/labels.ts';

const collections = await readCollections();
/** The labelled layers a fresh atlas shows, towns first, then the top of the draw order down (as the map ranks them). */
const groups: LabelGroup[] = layerDefinitions
  .filter((layer) => layer.labelMinZoom !== undefined && layer.defaultVisible && collections.has(layer.id))
  .map((layer) => ({
    id: layer.id,
    anchors: labelAnchors(collections.get(layer.id)!),
    emphasis: layer.id === 'base-towns' ? ('town' as const) : ('feature' as const),
  }))
  .sort((a, b) =>
    a.id === 'base-towns'
      ? -1
      : b.id === 'base-towns'
        ? 1
        : layerDefinitions.findIndex((l) => l.id === b.id) - layerDefinitions.findIndex((l) => l.id === a.id),
  );
/** The groups a 1280x800 map shows at `zoom` around `center`. */
const shown = (zoom: number, [west, south, east, north]: number[]) =>
  groups
    .filter((group) => zoom >= layerDefinitions.find((layer) => layer.id === group.id)!.labelMinZoom!)
    .map((group) => ({
      ...group,
      anchors: group.anchors.filter(({ position: [x, y] }) => x >= west! && x <= east! && y >= south! && y <= north!),
    }));

describe.each([
  ['the whole region', 4.6, [95, 36, 128, 54]],
  ['棋盘井', 9, [105.3, 38.8, 108.8, 40.2]],
] as const)('labels at %s (zoom %s)', (place, zoom, box) => {
  test.each(['zh', 'en'] as const)('in %s none overlaps another or a marker, and the most important stay', (lang) => {
    const { kept, collisions, hidden } = placeLabels(shown(zoom, [...box]), zoom, lang);
    const again = placeLabels(
      [...kept].map(([id, anchors]) => ({ ...groups.find((group) => group.id === id)!, anchors })),
      zoom,
      lang,
    );
    expect(again.collisions).toBe(0);
    expect(again.hidden).toBe(0);
    if (zoom < 5) expect(kept.get('base-towns')!.map((anchor) => anchor.zh)).toContain('呼和浩特');
    console.log(`labels at ${place}, zoom ${zoom}, ${lang}: ${collisions} overlapping pairs before, 0 after (${hidden} labels left out)`);
  });
});
