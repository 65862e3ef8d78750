import type { LayerDefinition } from './layer-definition.ts';

/** The offline base map: open data from ../shared/geodata, drawn under the thematic layers. */
export const baseLayers: LayerDefinition[] = [
  {
    id: 'base-countries', title: { zh: '周边国家', en: 'Countries' }, theme: 'base', renderer: 'fill',
    defaultVisible: true, defaultOpacity: 1, outline: '#b9b2a4',
    palette: { default: { label: { zh: '国家', en: 'Country' }, color: '#ece8df' } }, labelMinZoom: 3,
  },
  {
    id: 'base-provinces', title: { zh: '相邻省区', en: 'Neighbouring provinces' }, theme: 'base', renderer: 'fill',
    defaultVisible: true, defaultOpacity: 1, outline: '#a79f90',
    palette: { default: { label: { zh: '省区', en: 'Province' }, color: '#e3ded3' } }, labelMinZoom: 4,
  },
  {
    id: 'base-region', title: { zh: '内蒙古自治区', en: 'Inner Mongolia' }, theme: 'base', renderer: 'fill',
    defaultVisible: true, defaultOpacity: 1, outline: '#6d5f4b',
    palette: { default: { label: { zh: '内蒙古', en: 'Inner Mongolia' }, color: '#f6efd9' } },
  },
  {
    id: 'base-rivers', title: { zh: '河流', en: 'Rivers' }, theme: 'base', renderer: 'line',
    defaultVisible: true, defaultOpacity: 1, lineWidth: [0.6, 2],
    palette: { default: { label: { zh: '河流', en: 'River' }, color: '#5b9bd5' } },
  },
  {
    id: 'base-yellow-river', title: { zh: '黄河', en: 'Yellow River' }, theme: 'base', renderer: 'line',
    defaultVisible: true, defaultOpacity: 1, lineWidth: [2, 5], labelMinZoom: 5,
    palette: { default: { label: { zh: '黄河干流', en: 'Yellow River main stem' }, color: '#2f6fb0' } },
  },
  {
    id: 'base-lakes', title: { zh: '湖泊', en: 'Lakes' }, theme: 'base', renderer: 'fill',
    defaultVisible: true, defaultOpacity: 1, outline: '#3f83c4', labelMinZoom: 6,
    palette: { default: { label: { zh: '湖泊', en: 'Lake' }, color: '#8fc1ea' } },
  },
  {
    id: 'base-towns', title: { zh: '城镇', en: 'Towns' }, theme: 'base', renderer: 'circle',
    defaultVisible: true, defaultOpacity: 1, outline: '#ffffff', labelMinZoom: 3,
    palette: { default: { label: { zh: '城镇（1.5万人以上）', en: 'Town (15,000+ people)' }, color: '#4a4036' } },
  },
];
