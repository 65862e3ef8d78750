import { extentUndefinedField, paletteOf, type LayerDefinition } from '../layer-definition.ts';
import { categories, propertiesSchema } from './properties.ts';

export const restrictedZones: LayerDefinition = {
  id: 'restricted-zones',
  title: { zh: '限制与重点管控区', en: 'Restricted and key-control zones' },
  theme: 'restriction',
  renderer: 'fill',
  hatch: 'falling',
  defaultVisible: true,
  defaultOpacity: 0.5,
  categoryProperty: 'category',
  labelMinZoom: 6,
  palette: paletteOf(categories, {
    'capacity-control-zone': '#d32f2f',
    'industrial-park': '#f57c00',
    'key-control-area': '#ad1457',
    'mining-area': '#6d4c41',
    'main-urban-district': '#616161',
  }),
  outline: '#7f0000',
  properties: propertiesSchema,
  popupFields: [
    { key: 'controlled_industries', label: { zh: '管控行业', en: 'Controlled industries' } },
    { key: 'league', label: { zh: '盟市', en: 'League / city' } },
    extentUndefinedField,
  ],
};
