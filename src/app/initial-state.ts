import { layerDefinitions } from '../../layers/registry.ts';
import { browserLang } from '../i18n/strings.ts';
import type { AtlasState } from '../state/state.ts';

/** The atlas as it opens without a link: the whole region, each layer as its definition says, in the reader's language. */
export function initialState(languages: readonly string[]): AtlasState {
  return {
    view: { center: [111.63, 45.4], zoom: 4, bearing: 0, pitch: 0 },
    lang: browserLang(languages),
    layers: Object.fromEntries(
      layerDefinitions.map((layer) => [
        layer.id,
        {
          visible: layer.defaultVisible,
          opacity: layer.defaultOpacity,
          hiddenCategories: [...(layer.defaultHiddenCategories ?? [])],
          hiddenStatuses: [],
        },
      ]),
    ),
    selection: null,
    panel: 'layers',
    site: null,
    projectType: null,
  };
}
