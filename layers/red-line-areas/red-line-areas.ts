import { paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const redLineAreas: LayerDefinition = {
  id: 'red-line-areas',
  title: { zh: '生态保护红线（示意）', en: 'Ecological red line (illustrative)' },
  theme: 'ecology',
  renderer: 'fill',
  hatch: 'vertical',
  defaultVisible: false,
  defaultOpacity: 0.35,
  categoryProperty: 'category',
  palette: paletteOf(categories, {
    forest: '#1b5e20',
    'sand-control': '#b08d57',
    riparian: '#26c6da',
    'lake-basin': '#0288d1',
    grassland: '#8bc34a',
    mountain: '#795548',
    network: '#c62828',
  }),
  outline: '#2e7d32',
  properties: propertiesSchema,
};
