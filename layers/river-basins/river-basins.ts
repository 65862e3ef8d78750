import { paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const riverBasins: LayerDefinition = {
  id: 'river-basins',
  title: { zh: '黄河流域（推算）', en: 'Yellow River basin (derived)' },
  theme: 'water',
  renderer: 'fill',
  hatch: 'horizontal',
  defaultVisible: false,
  defaultOpacity: 0.25,
  categoryProperty: 'category',
  palette: paletteOf(categories, { 'river-basin': '#4f8fc0' }),
  outline: '#1f5f8b',
  properties: propertiesSchema,
  popupFields: [{ key: 'joined_rivers', label: { zh: '汇入黄河的开放数据河段', en: 'Open-data rivers joining the Yellow River' } }],
};
