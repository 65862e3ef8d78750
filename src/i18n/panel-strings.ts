import type { StringTable } from './strings.ts';

/** Strings that more than one lazily loaded panel shows: each panel's table (`*-strings.ts`) includes them. */
export const panelStrings = {
  inside: { zh: '在区内', en: 'inside' },
  targets: { zh: '项目标', en: 'targets' },
  citations: { zh: '文件依据', en: 'Cited in' },
  accuracy: { zh: '精度', en: 'Accuracy' },
  accuracyClass: { zh: '{class}级，约±{km}公里', en: 'class {class}, about ±{km} km' },
} as const satisfies StringTable;
