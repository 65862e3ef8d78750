import { extentUndefinedField, paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const adminRegions: LayerDefinition = {
  id: 'admin-regions',
  title: { zh: '统计区域', en: 'Statistical regions' },
  theme: 'administrative',
  renderer: 'line',
  defaultVisible: true,
  defaultOpacity: 1,
  categoryProperty: 'category',
  lineWidth: [1.5, 3],
  defaultHiddenCategories: ['banner', 'league-group', 'river-source-area'],
  labelMinZoom: 5,
  palette: paletteOf(categories, {
    region: '#5d4037',
    league: '#7b1fa2',
    city: '#7b1fa2',
    banner: '#ba68c8',
    'league-group': '#c2185b',
    'river-source-area': '#0277bd',
  }),
  properties: propertiesSchema,
  popupFields: [
    { key: 'official_area_km2', label: { zh: '官方面积（平方公里）', en: 'Official area (km²)' } },
    { key: 'area_note_zh', label: { zh: '边界说明', en: 'How the boundary was made' } },
    { key: 'accuracy_note_zh', label: { zh: '精度依据', en: 'What the accuracy rests on' } },
    extentUndefinedField,
  ],
};
