import type { Lang } from '../state/state.ts';

/** Every interface string in Chinese and English; a test checks both are present and non-empty. */
export const strings = {
  appTitle: { zh: '内蒙古碳达峰与生态规划地图集', en: 'Inner Mongolia Carbon & Ecology Plan Atlas' },
  switchLanguage: { zh: 'English', en: '中文' },
  switchLanguageLabel: { zh: 'English：切换到英文界面', en: '中文: switch to Chinese' },
  layers: { zh: '图层', en: 'Layers' },
  showLayers: { zh: '显示图层面板', en: 'Show layer panel' },
  hideLayers: { zh: '隐藏图层面板', en: 'Hide layer panel' },
  opacity: { zh: '不透明度', en: 'Opacity' },
  features: { zh: '个要素', en: 'features' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  themeEnergy: { zh: '能源', en: 'Energy' },
  themeEcology: { zh: '生态', en: 'Ecology' },
  themeWater: { zh: '水环境', en: 'Water' },
  themeRestriction: { zh: '管控与限制', en: 'Restrictions' },
  themeAdministrative: { zh: '行政区划', en: 'Administrative' },
  themeBase: { zh: '底图', en: 'Base map' },
  unsurveyed: { zh: '虚线边界：手绘或示意，非测绘边界', en: 'Dashed edge: hand-drawn or illustrative, not surveyed' },
  layerFailed: { zh: '图层加载失败', en: 'Layer failed to load' },
  map: { zh: '地图', en: 'Map' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;
export const t = (key: StringKey, lang: Lang): string => strings[key][lang];

/** The interface language a new visitor gets: Chinese for a Chinese browser, else English. */
export const browserLang = (languages: readonly string[]): Lang =>
  languages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
