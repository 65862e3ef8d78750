import type { Feature, FeatureCollection } from 'geojson';
import type { Bilingual } from '../schema/bilingual.ts';
import type { OfficialLayer } from './official-layer.ts';
import { officialKindNames, type OfficialKind } from './profile.ts';

/** One colour per official kind, apart from the bundled layers' palettes so an official layer is told from them. */
export const officialKindColours: Record<OfficialKind, string> = {
  'ecological-red-line': '#d50000',
  'nature-reserve': '#1b5e20',
  wetland: '#00838f',
  'drinking-water-source': '#1565c0',
  'control-unit': '#6a1b9a',
  'restricted-zone': '#e65100',
};

/** What the map draws of an official layer: its own source, in its kind's colour. */
export interface OfficialMapLayer {
  id: string;
  collection: FeatureCollection;
  colour: string;
}

const officialWords: Bilingual = { zh: '官方数据（用户提供）', en: 'official (user-supplied)' };

/**
 * The official layers as the map draws them, and the bundled zone kinds they stand in for (the map hides those, as
 * screening drops them). Only the geometry and the zone id go to the map: MapLibre copies the data to its worker, and
 * a 100,000-polygon layer's attribute tables would double that copy for nothing the map shows.
 */
export function officialMapLayers(layers: readonly OfficialLayer[]): { layers: OfficialMapLayer[]; standInKinds: string[] } {
  const kinds = new Set<string>();
  const drawn = layers.map((layer): OfficialMapLayer => {
    for (const feature of layer.collection.features) {
      const kind = feature.properties?.['zone_kind'];
      if (typeof kind === 'string') kinds.add(kind);
    }
    const features = layer.collection.features.map(
      (feature): Feature => ({
        type: 'Feature',
        geometry: feature.geometry,
        properties: { id: feature.properties?.['id'] },
      }),
    );
    return {
      id: layer.provenance.id,
      collection: { type: 'FeatureCollection', features },
      colour: officialKindColours[layer.provenance.kind],
    };
  });
  return { layers: drawn, standInKinds: [...kinds] };
}

/** The legend's entries for the official layers: each under its file name, with its kind, marked official (user-supplied). */
export function officialLegendGroups(layers: readonly OfficialLayer[], lang: 'zh' | 'en') {
  return layers.map(({ provenance }) => ({
    layerId: provenance.id,
    title: provenance.file,
    entries: [
      {
        label:
          lang === 'zh'
            ? `${officialKindNames[provenance.kind].zh}（${officialWords.zh}）`
            : `${officialKindNames[provenance.kind].en} (${officialWords.en})`,
        color: officialKindColours[provenance.kind],
      },
    ],
  }));
}
