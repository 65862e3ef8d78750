import { extentUndefinedField, paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const energyBases: LayerDefinition = {
  id: 'energy-bases',
  title: { zh: '风光氢储基地', en: 'Wind, solar, hydrogen and storage bases' },
  theme: 'energy',
  renderer: 'fill',
  hatch: 'vertical',
  defaultVisible: true,
  defaultOpacity: 0.55,
  categoryProperty: 'category',
  labelMinZoom: 5,
  palette: paletteOf(categories, {
    wind: '#1f9e89',
    solar: '#f2a900',
    'wind-solar': '#7cb342',
    hydrogen: '#00acc1',
    storage: '#8e24aa',
  }),
  outline: '#33691e',
  properties: propertiesSchema,
  statuses: {
    planned: { zh: '规划', en: 'Planned' },
    'under-construction': { zh: '在建', en: 'Under construction' },
    operating: { zh: '已建成', en: 'Operating' },
    unknown: { zh: '未知', en: 'Unknown' },
  },
  popupFields: [
    { key: 'capacity_mw', label: { zh: '规划装机（兆瓦）', en: 'Planned capacity (MW)' } },
    { key: 'capacity_year', label: { zh: '目标年份', en: 'Target year' } },
    { key: 'league', label: { zh: '盟市', en: 'League / city' } },
    extentUndefinedField,
  ],
};
