import { paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const riverBuffers: LayerDefinition = {
  id: 'river-buffers',
  title: { zh: '黄河干流距离管控带', en: 'Yellow River distance zones' },
  theme: 'restriction',
  renderer: 'fill',
  hatch: 'rising',
  defaultVisible: false,
  defaultOpacity: 0.45,
  categoryProperty: 'category',
  palette: paletteOf(categories, { 'within-1km': '#e53935', 'within-3km': '#fb8c00' }),
  outline: '#b71c1c',
  properties: propertiesSchema,
  popupFields: [{ key: 'buffer_km', label: { zh: '距离（公里）', en: 'Distance (km)' } }],
};
