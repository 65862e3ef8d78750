import { paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const waterSections: LayerDefinition = {
  id: 'water-sections',
  title: { zh: '水质监测断面', en: 'Water-quality sections' },
  theme: 'water',
  renderer: 'circle',
  defaultVisible: true,
  defaultOpacity: 1,
  categoryProperty: 'category',
  labelMinZoom: 7,
  palette: paletteOf(categories, { national: '#0d47a1', 'national-schematic': '#90caf9', regional: '#1e88e5', boundary: '#6a1b9a' }),
  outline: '#ffffff',
  properties: propertiesSchema,
  popupFields: [
    { key: 'river_zh', label: { zh: '河流', en: 'River' } },
    { key: 'target_class', label: { zh: '目标水质类别', en: 'Target water class' } },
    { key: 'measured_class', label: { zh: '实测水质类别', en: 'Measured water class' } },
    {
      key: 'role',
      label: { zh: '断面作用', en: 'Role' },
      values: {
        inflow: { zh: '入境断面', en: 'inflow' },
        outflow: { zh: '出境断面', en: 'outflow' },
        'provincial-boundary': { zh: '省界断面', en: 'provincial boundary' },
        'international-boundary': { zh: '国界断面', en: 'international boundary' },
        'city-reach': { zh: '城市河段', en: 'city reach' },
        'tributary-mouth': { zh: '支流汇入口', en: 'tributary mouth' },
        lake: { zh: '湖泊点位', en: 'lake' },
        control: { zh: '控制断面', en: 'control section' },
        unknown: { zh: '未知', en: 'unknown' },
      },
    },
    { key: 'approximate', label: { zh: '位置为近似', en: 'Approximate location' } },
  ],
};
