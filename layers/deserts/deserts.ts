import { paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const deserts: LayerDefinition = {
  id: 'deserts',
  title: { zh: '沙漠与沙地', en: 'Deserts and sandy lands' },
  theme: 'ecology',
  renderer: 'fill',
  hatch: 'rising',
  defaultVisible: true,
  defaultOpacity: 0.45,
  categoryProperty: 'category',
  labelMinZoom: 4,
  palette: paletteOf(categories, { desert: '#d9a441', 'sandy-land': '#e8cf8a' }),
  outline: '#a67c2e',
  properties: propertiesSchema,
};
