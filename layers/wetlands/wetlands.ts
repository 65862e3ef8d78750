import { paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const wetlands: LayerDefinition = {
  id: 'wetlands',
  title: { zh: '湿地与自然保护区', en: 'Wetlands and nature reserves' },
  theme: 'ecology',
  renderer: 'fill',
  hatch: 'horizontal',
  defaultVisible: true,
  defaultOpacity: 0.6,
  categoryProperty: 'category',
  labelMinZoom: 5,
  palette: paletteOf(categories, {
    'national-nature-reserve': '#2e7d32',
    'regional-nature-reserve': '#66bb6a',
    'wetland-park': '#009688',
    lake: '#29b6f6',
    wetland: '#4db6ac',
  }),
  outline: '#1b5e20',
  properties: propertiesSchema,
  popupFields: [
    { key: 'area_stated_ha', label: { zh: '文件所载面积（公顷）', en: 'Area stated in the documents (ha)' } },
    { key: 'shoreline_as_of', label: { zh: '岸线年代', en: 'Shoreline as of' }, values: { '1970s': { zh: '20世纪70年代', en: '1970s' } } },
    { key: 'league', label: { zh: '盟市', en: 'League / city' } },
  ],
};
