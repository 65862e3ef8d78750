import { panelStrings } from './panel-strings.ts';
import { strings, translator, type StringTable } from './strings.ts';

/** The feature panel's strings: they load with the panel, on the first click on the map. */
export const featureStrings = {
  unknownValue: { zh: '未知（文件未给出）', en: 'unknown (not given in the documents)' },
  yes: { zh: '是', en: 'yes' },
  methodOpenData: { zh: '开放数据（测绘来源）', en: 'Open data (surveyed source)' },
  methodDerived: { zh: '由开放数据推导', en: 'Derived from open data' },
  methodHandDrawn: { zh: '手绘示意边界', en: 'Hand-drawn, schematic boundary' },
  methodIllustrative: { zh: '示意范围（非官方）', en: 'Illustrative, not official' },
  methodApproximatePoint: { zh: '近似位置（点）', en: 'Approximate location (point)' },
} as const satisfies StringTable;

/** The first view's strings, those the panels share, and this panel's. */
export const t = translator({ ...strings, ...panelStrings, ...featureStrings });
